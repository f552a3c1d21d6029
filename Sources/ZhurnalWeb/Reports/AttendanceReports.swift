import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The attendance reports (issue 7, item 5) under the policy: the school by class as aggregated figures
/// (`.readAggregates` on the school — the administration, and an observer for the schools he was given), one class by
/// pupil (`.read` on the class — the administration and the class's homeroom teacher), and one day of the whole school
/// with the absent pupils' names (`.read` on the school). The actor is asked for before any parameter is read.
struct AttendanceReports: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// A line of a report: a class or a pupil with his figures.
    struct Line: Sendable {
        let id: Int
        let label: String
        /// Pupils counted in the line (1 for a pupil's own line).
        let pupils: Int
        let tally: AttendanceTally
    }

    struct RangeReport: Sendable {
        let span: DateSpan
        /// The last day whose lessons count: today when the range goes beyond it.
        let countedTo: LocalDate
        let schoolID: Int
        /// Set for one class's report by pupil.
        let schoolClass: (id: Int, name: String)?
        let lines: [Line]
        let total: AttendanceTally
        let totalPupils: Int
        /// Whether the reader may open a class's report (pupils' names): never an observer.
        let opensClasses: Bool
        /// Whether the reader may go back to the school by class: not a homeroom teacher.
        let readsSchool: Bool
    }

    func range(_ request: Request, context: AppRequestContext) async throws -> RangeReport {
        let actor = try context.requireActor()
        let path = request.uri.path
        let today = SchoolCalendar.today(clock())
        let query = try AttendanceQuery(request, today: today)
        let schoolID = query.schoolID ?? actor.schoolID
        if let classID = query.classID {
            if schoolID != actor.schoolID { try await access.require(.read, on: .school(id: schoolID), context: context, path: path) }
            guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
            else { try await access.missing("class", context: context, path: path) }
            try await access.require(.read, on: .schoolClass(facts), context: context, path: path)
            let records = try await database.read {
                try await AttendanceRecords.range(school: schoolID, span: query.span, heldUntil: today, classID: classID, in: $0)
            }
            var name = records.members.first?.className
            if name == nil { name = try await className(classID, school: schoolID) }
            let readsSchool = AccessPolicy.decide(actor, .readAggregates, .school(id: schoolID)).isAllowed
            return report(
                records,
                query.span,
                today,
                schoolID: schoolID,
                schoolClass: (classID, name ?? ""),
                opensClasses: true,
                readsSchool: readsSchool
            )
        }
        try await access.require(.readAggregates, on: .school(id: schoolID), context: context, path: path)
        let records = try await database.read {
            try await AttendanceRecords.range(school: schoolID, span: query.span, heldUntil: today, in: $0)
        }
        let opens = schoolID == actor.schoolID && AccessPolicy.decide(actor, .read, .school(id: schoolID)).isAllowed
        return report(records, query.span, today, schoolID: schoolID, schoolClass: nil, opensClasses: opens, readsSchool: true)
    }

    private func className(_ classID: Int, school: Int) async throws -> String {
        try await database.read { sql in
            try await AttendanceRecords.className(school: school, classID: classID, in: sql) ?? ""
        }
    }

    private func report(
        _ records: AttendanceRecords.Range,
        _ span: DateSpan,
        _ today: LocalDate,
        schoolID: Int,
        schoolClass: (id: Int, name: String)?,
        opensClasses: Bool,
        readsSchool: Bool
    ) -> RangeReport {
        var lines: [Line] = []
        var total = AttendanceTally()
        for member in records.members {
            let key = AttendanceRecords.Range.Key(studentID: member.studentID, classID: member.classID)
            let tally = records.lessons[key]?.tally ?? AttendanceTally()
            total = total + tally
            if schoolClass != nil {
                lines.append(Line(id: member.studentID, label: member.name, pupils: 1, tally: tally))
            } else if let last = lines.last, last.id == member.classID {
                lines[lines.count - 1] = Line(id: last.id, label: last.label, pupils: last.pupils + 1, tally: last.tally + tally)
            } else {
                lines.append(Line(id: member.classID, label: member.className, pupils: 1, tally: tally))
            }
        }
        return RangeReport(
            span: span,
            countedTo: min(span.end, today),
            schoolID: schoolID,
            schoolClass: schoolClass,
            lines: lines,
            total: total,
            totalPupils: records.members.count,
            opensClasses: opensClasses,
            readsSchool: readsSchool
        )
    }

    /// Classes on one page of the day's report.
    static let classesPerPage = 10

    struct DayReport: Sendable {
        let date: LocalDate
        /// Set when one class's day was asked for.
        let classID: Int?
        let page: Int
        let pageCount: Int
        /// The page's classes with their pupils who have an entry.
        let classes: [DayClass]
        /// Pupils of the whole school absent from at least one lesson, and the whole day.
        let absentPupils: Int
        let wholeDayPupils: Int
        let pupils: Int
    }

    struct DayClass: Sendable {
        let info: AttendanceRecords.DayClass
        let pupils: [AttendanceRecords.DayPupil]
    }

    /// The school's day, or with `classId` one class's — which its homeroom teacher reads too. The figures are then
    /// the class's.
    func day(_ request: Request, context: AppRequestContext, paginated: Bool = true) async throws -> DayReport {
        let actor = try context.requireActor()
        let path = request.uri.path
        let classID = try AttendanceQuery.id(request, "classId")
        if let classID {
            guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
            else { try await access.missing("class", context: context, path: path) }
            try await access.require(.read, on: .schoolClass(facts), context: context, path: path)
        } else {
            try await access.require(.read, on: .school(id: actor.schoolID), context: context, path: path)
        }
        let date = try request.dateQuery() ?? SchoolCalendar.today(clock())
        let page = try AttendanceQuery.page(request)
        var day = try await database.read { try await AttendanceRecords.day(school: actor.schoolID, date: date, in: $0) }
        if let classID {
            day = AttendanceRecords.Day(classes: day.classes.filter { $0.classID == classID }, pupils: day.pupils.filter { $0.classID == classID })
        }
        let pageCount = max(1, (day.classes.count + Self.classesPerPage - 1) / Self.classesPerPage)
        guard page <= pageCount else {
            throw AppError.invalid("bad_page", "В отчёте за \(date.russian) \(pageCount) стр.; страницы \(page) нет.")
        }
        let shown = paginated ? Array(day.classes.dropFirst((page - 1) * Self.classesPerPage).prefix(Self.classesPerPage)) : day.classes
        let byClass = Dictionary(grouping: day.pupils, by: \.classID)
        let absent = day.pupils.filter { $0.day.missed.total > 0 }
        return DayReport(
            date: date,
            classID: classID,
            page: paginated ? page : 1,
            pageCount: paginated ? pageCount : 1,
            classes: shown.map { DayClass(info: $0, pupils: byClass[$0.classID] ?? []) },
            absentPupils: absent.count,
            wholeDayPupils: absent.filter { $0.day.missedDayReason != nil }.count,
            pupils: day.classes.reduce(0) { $0 + $1.pupils }
        )
    }
}
