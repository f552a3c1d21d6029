import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The attendance reports' JSON: shares as strings with one decimal and a dot ("3.2"), null where there were no lessons.
enum AttendanceJSON {
    struct Counts: Encodable {
        let absent: Int
        let ill: Int
        let excused: Int
        let total: Int

        init(_ counts: AbsenceCounts) {
            (absent, ill, excused, total) = (counts.absent, counts.ill, counts.excused, counts.total)
        }
    }

    struct Figures: Encodable {
        let lessons: Int
        let missedLessons: Counts
        @Nullable var missedPercent: String?
        let missedDays: Counts
        let lateLessons: Int

        init(_ tally: AttendanceTally) {
            lessons = tally.lessons
            missedLessons = Counts(tally.missedLessons)
            missedPercent = tally.missedShare.map { ($0 * Rational(100)).decimalString(places: 1, separator: ".") }
            missedDays = Counts(tally.missedDays)
            lateLessons = tally.lateLessons
        }
    }

    struct Row: Encodable {
        /// The class's id, or the pupil's in one class's report.
        let id: Int
        let label: String
        let pupils: Int
        let figures: Figures
    }

    struct Range: ResponseEncodable {
        let from: String
        let to: String
        let countedTo: String
        let schoolId: Int
        /// `class` for the school's report, `pupil` for one class's.
        let groupBy: String
        @Nullable var classId: Int?
        @Nullable var className: String?
        let rows: [Row]
        let pupils: Int
        let total: Figures

        init(_ report: AttendanceReports.RangeReport) {
            from = report.span.start.iso
            to = report.span.end.iso
            countedTo = report.countedTo.iso
            schoolId = report.schoolID
            groupBy = report.schoolClass == nil ? "class" : "pupil"
            classId = report.schoolClass?.id
            className = report.schoolClass?.name
            rows = report.lines.map { Row(id: $0.id, label: $0.label, pupils: $0.pupils, figures: Figures($0.tally)) }
            pupils = report.totalPupils
            total = Figures(report.total)
        }
    }

    struct Day: ResponseEncodable {
        let date: String
        let page: Int
        let pageCount: Int
        @Nullable var nextPage: Int?
        let pupils: Int
        let absentPupils: Int
        let wholeDayPupils: Int
        let classes: [DayClass]

        struct DayClass: Encodable {
            let classId: Int
            let className: String
            let pupils: Int
            let entries: [Entry]
        }

        struct Entry: Encodable {
            let studentId: Int
            let name: String
            let missedLessons: Int
            let lateLessons: Int
            /// The reason of the whole day missed, or null when he attended some lesson.
            @Nullable var wholeDay: String?
            let lessons: [Lesson]
        }

        struct Lesson: Encodable {
            let number: Int
            let subject: String
            @Nullable var code: String?
        }

        init(_ report: AttendanceReports.DayReport) {
            date = report.date.iso
            page = report.page
            pageCount = report.pageCount
            nextPage = report.page < report.pageCount ? report.page + 1 : nil
            pupils = report.pupils
            absentPupils = report.absentPupils
            wholeDayPupils = report.wholeDayPupils
            classes = report.classes.map { block in
                DayClass(
                    classId: block.info.classID,
                    className: block.info.name,
                    pupils: block.info.pupils,
                    entries: block.pupils.map { pupil in
                        let day = pupil.day
                        return Entry(
                            studentId: pupil.studentID,
                            name: pupil.name,
                            missedLessons: day.missed.total,
                            lateLessons: day.late,
                            wholeDay: day.missedDayReason?.rawValue,
                            lessons: pupil.lessons.map { Lesson(number: $0.number, subject: $0.subject, code: $0.code?.rawValue) }
                        )
                    }
                )
            }
        }
    }
}
