import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `GET /api/v1/courses/{courseId}/journal`: the grid of one course and period as data — pupils, lessons, marks,
/// attendance, each pupil's weighted average and proposed term mark, and the term marks entered.
struct CourseJournalAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/courses/:courseId/journal") { request, context in try await journal(request, context) }
    }

    struct Journal: ResponseEncodable {
        struct Period: Encodable {
            let id: Int
            let name: String
            let start: String
            let end: String
            let closed: Bool
        }

        struct Student: Encodable {
            let id: Int
            let fullName: String
            /// Whether he belongs to the course for the whole period; when not, cells exist only inside `member`.
            let member: [Span]
        }

        struct Span: Encodable {
            let start: String
            let end: String
        }

        struct Lesson: Encodable {
            let id: Int
            let date: String
            let number: Int
            let topic: String?
            let homework: String?
            let teacherId: Int
            let cancelled: Bool
            let version: Int

            enum CodingKeys: String, CodingKey { case id, date, number, topic, homework, teacherId, cancelled, version }

            /// No topic or homework is `null`, not a missing key.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(date, forKey: .date)
                try container.encode(number, forKey: .number)
                try container.encode(topic, forKey: .topic)
                try container.encode(homework, forKey: .homework)
                try container.encode(teacherId, forKey: .teacherId)
                try container.encode(cancelled, forKey: .cancelled)
                try container.encode(version, forKey: .version)
            }
        }

        struct Mark: Encodable {
            let id: Int
            let lessonId: Int
            let studentId: Int
            let value: String
            let workType: Int
            let weight: Int
            let comment: String?
            let version: Int
        }

        struct Attendance: Encodable {
            let lessonId: Int
            let studentId: Int
            let code: String
            let version: Int
        }

        struct Average: Encodable {
            let studentId: Int
            /// Two decimals, or null without counted marks.
            let weightedAverage: String?
            let markCount: Int
            let proposedMark: Int?
            /// Why there is no proposal, or what it is, in Russian.
            let proposal: String

            enum CodingKeys: String, CodingKey { case studentId, weightedAverage, markCount, proposedMark, proposal }

            /// The API promises `null`, not a missing key, for no average and no proposal.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(studentId, forKey: .studentId)
                try container.encode(weightedAverage, forKey: .weightedAverage)
                try container.encode(markCount, forKey: .markCount)
                try container.encode(proposedMark, forKey: .proposedMark)
                try container.encode(proposal, forKey: .proposal)
            }
        }

        let course: CourseListing
        let period: Period
        let students: [Student]
        let lessons: [Lesson]
        let marks: [Mark]
        let attendance: [Attendance]
        let averages: [Average]
        let termMarks: [JournalPeriod.TermMark]
    }

    func journal(_ request: Request, _ context: AppRequestContext) async throws -> Journal {
        let actor = try context.requireActor()
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let periodID = try request.uri.queryParameters["periodId"].map { text -> Int in
            guard let id = Int(String(text)) else { throw AppError.badRequest("bad_period", "periodId должен быть числом.") }
            return id
        }
        let today = SchoolCalendar.today(clock())
        guard let facts = try await database.read({ try await AccessFacts.course(school: actor.schoolID, course: courseID, today: today, in: $0) })
        else { try await access.missing("course", context: context, path: request.uri.path) }
        try await access.require(.read, on: .course(facts), context: context, path: request.uri.path)

        let loaded = try await database.read { sql -> (CourseListing, JournalPeriod, JournalGrid, [JournalPeriod.TermMark])? in
            guard let course = try await CourseDirectory.find(school: actor.schoolID, course: courseID, in: sql),
                let period = try await JournalPeriod.load(school: actor.schoolID, course: courseID, periodID: periodID, today: today, in: sql)
            else { return nil }
            let grid = try await JournalQueries.grid(school: actor.schoolID, course: courseID, span: period.span, in: sql)
            return (course, period, grid, try await period.termMarks(school: actor.schoolID, course: courseID, in: sql))
        }
        guard let (course, period, grid, termMarks) = loaded else {
            throw AppError(status: .notFound, code: "no_period", message: "У этого курса нет такого учебного периода.")
        }
        return Journal(
            course: course,
            period: .init(id: period.id, name: period.title, start: period.span.start.iso, end: period.span.end.iso, closed: period.closed),
            students: grid.pupils.map { pupil in
                .init(id: pupil.id, fullName: pupil.fullName, member: pupil.member.map { .init(start: $0.start.iso, end: $0.end.iso) })
            },
            lessons: grid.lessons.map { lesson in
                .init(
                    id: lesson.id,
                    date: lesson.date.iso,
                    number: lesson.number,
                    topic: lesson.topic,
                    homework: lesson.homework,
                    teacherId: lesson.teacherId,
                    cancelled: lesson.isCancelled,
                    version: lesson.version
                )
            },
            marks: grid.marks.map { mark in
                .init(
                    id: mark.id,
                    lessonId: mark.lessonId,
                    studentId: mark.studentId,
                    value: mark.value,
                    workType: mark.workTypeId,
                    weight: mark.weight,
                    comment: mark.comment,
                    version: mark.version
                )
            },
            attendance: grid.attendance.map { .init(lessonId: $0.lessonId, studentId: $0.studentId, code: $0.code, version: $0.version) },
            averages: Self.averages(grid, period: period),
            termMarks: termMarks
        )
    }

    /// Each pupil's weighted average and proposal over the period's held lessons (DOMAIN.md §3).
    static func averages(_ grid: JournalGrid, period: JournalPeriod) -> [Journal.Average] {
        let held = grid.lessons.filter { !$0.isCancelled }
        let marksByPupil = Dictionary(grouping: grid.marks, by: \.studentId)
        let absences = Dictionary(grouping: grid.attendance.filter { AttendanceCode(rawValue: $0.code)?.isAbsence == true }, by: \.studentId)
        return grid.pupils.map { pupil in
            let counted = (marksByPupil[pupil.id] ?? []).compactMap { mark in
                MarkValue(canonical: mark.value).map { CountedMark(value: $0, weight: mark.weight) }
            }
            let lessonsHeld = held.filter { lesson in pupil.member.contains { $0.contains(lesson.date) } }.count
            let proposal = TermMarkProposal.propose(
                marks: counted,
                periodKind: period.kind,
                weeklyHours: period.weeklyHours,
                absenceRatio: TermMarkProposal.absenceRatio(missed: absences[pupil.id]?.count ?? 0, held: lessonsHeld),
                rules: period.termRules
            )
            let average = WeightedAverage.of(counted, doubleCounting: period.termRules.doubleCounting)
            var proposed: Int?
            if case .mark(let mark, _) = proposal { proposed = mark }
            return Journal.Average(
                studentId: pupil.id,
                weightedAverage: average?.decimalString(places: 2, separator: "."),
                markCount: Accumulation.count(of: counted),
                proposedMark: proposed,
                proposal: proposal.russianText
            )
        }
    }
}
