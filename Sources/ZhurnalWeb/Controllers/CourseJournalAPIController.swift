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
            /// A control lesson's work type, which its new marks take by default.
            let controlWorkTypeId: Int?
            let attendanceTaken: Bool

            enum CodingKeys: String, CodingKey {
                case id, date, number, topic, homework, teacherId, cancelled, version, controlWorkTypeId, attendanceTaken
            }

            /// No topic, homework or control work type is `null`, not a missing key.
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
                try container.encode(controlWorkTypeId, forKey: .controlWorkTypeId)
                try container.encode(attendanceTaken, forKey: .attendanceTaken)
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
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let reader = CourseJournalReader(database: database, access: access, clock: clock)
        let journal = try await reader.load(
            course: courseID,
            period: try CourseJournalReader.periodID(request),
            context: context,
            path: request.uri.path
        )
        let (course, period, grid) = (journal.course, journal.period, journal.grid)
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
                    version: lesson.version,
                    controlWorkTypeId: lesson.controlWorkTypeId,
                    attendanceTaken: lesson.attendanceTaken
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
            averages: journal.standings.map { standing in
                Journal.Average(
                    studentId: standing.studentID,
                    weightedAverage: standing.average?.decimalString(places: 2, separator: "."),
                    markCount: standing.markCount,
                    proposedMark: standing.proposedMark,
                    proposal: standing.proposal.russianText
                )
            },
            termMarks: journal.termMarks
        )
    }
}
