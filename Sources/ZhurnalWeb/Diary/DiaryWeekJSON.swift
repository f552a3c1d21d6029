import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `GET /api/v1/students/{studentId}/diary`: the week's school days (Monday to Friday, and Saturday when it has
/// lessons), each with its lessons. Absent values are `null`, never missing keys.
struct DiaryWeekJSON: ResponseEncodable {
    struct Week: Encodable {
        let start: String
        let end: String
        let previous: String
        let next: String
    }

    struct Day: Encodable {
        let date: String
        let lessons: [Lesson]
    }

    struct Lesson: Encodable {
        let id: Int
        let number: Int
        @Nullable var startsAt: String?
        @Nullable var endsAt: String?
        let subject: String
        let teacher: String
        let substitution: Bool
        let cancelled: Bool
        @Nullable var movedFrom: String?
        @Nullable var topic: String?
        @Nullable var controlWork: String?
        /// The class's homework and its due date, then the pupil's own.
        @Nullable var homework: String?
        @Nullable var homeworkDueOn: String?
        @Nullable var personalHomework: String?
        let files: [File]
        let marks: [Mark]
        @Nullable var attendance: String?

        init(_ lesson: StudentWeek.Lesson, student: Int) {
            let forClass = lesson.homework.first { !$0.personal }
            (id, number, startsAt, endsAt) = (lesson.id, lesson.number, lesson.startsAt, lesson.endsAt)
            (subject, teacher, substitution, cancelled) = (lesson.subject, lesson.teacher, lesson.substitution, lesson.cancelled)
            (movedFrom, topic, controlWork) = (lesson.movedFrom?.iso, lesson.topic, lesson.controlWork)
            (homework, homeworkDueOn) = (forClass?.body, forClass?.dueOn?.iso)
            personalHomework = lesson.homework.first { $0.personal }?.body
            files = lesson.homework.flatMap { homework in
                homework.files.map { File(id: $0.id, name: $0.name, size: $0.byteSize, href: DiaryLinks.file(student: student, file: $0.id)) }
            }
            marks = lesson.marks.map { Mark(value: $0.value, workType: $0.workType, weight: $0.weight, comment: $0.comment) }
            attendance = lesson.attendance
        }
    }

    struct File: Encodable {
        let id: Int
        let name: String
        let size: Int
        let href: String
    }

    struct Mark: Encodable {
        let value: String
        let workType: String
        let weight: Int
        @Nullable var comment: String?
    }

    let studentId: Int
    let week: Week
    let days: [Day]

    init(student: Int, _ loaded: StudentWeek) {
        studentId = student
        week = Week(
            start: loaded.week.span.start.iso,
            end: loaded.week.span.end.iso,
            previous: loaded.week.previous.monday.iso,
            next: loaded.week.next.monday.iso
        )
        days = DiaryDays.of(loaded).map { day in
            Day(date: day.date.iso, lessons: day.lessons.map { Lesson($0, student: student) })
        }
    }
}

/// The school days a week shows: Monday to Friday always, Saturday when it has lessons.
enum DiaryDays {
    static func of(_ week: StudentWeek) -> [(date: LocalDate, lessons: [StudentWeek.Lesson])] {
        let byDay = Dictionary(grouping: week.lessons, by: \.date)
        return week.week.schoolDays.enumerated().compactMap { index, date in
            let lessons = byDay[date] ?? []
            return index < 5 || !lessons.isEmpty ? (date, lessons) : nil
        }
    }
}

/// The diary's addresses, shared by its pages and its API.
enum DiaryLinks {
    static func week(student: Int, _ week: SchoolWeek) -> String { "/students/\(student)/diary?week=\(week.monday.iso)" }
    static func file(student: Int, file: Int) -> String { "/students/\(student)/homework-files/\(file)" }
}
