import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `PUT /api/v1/courses/{courseId}/term-marks/{studentId}`: a pupil's period mark, entered by the course's teacher
/// (the deputy or administrator correcting with a reason), locked with the period, with its history.
struct TermMarkAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.put("/api/v1/courses/:courseId/term-marks/:studentId") { request, context in try await set(request, context) }
    }

    struct Change: Decodable {
        let periodId: Int?
        let value: String?
        let version: Int?
        let reason: String?
    }

    struct TermMark: ResponseEncodable {
        let id: Int?
        let studentId: Int
        let periodId: Int
        let value: String?
        let version: Int
    }

    static func parse(_ text: String, rules: MarkRules) throws -> MarkValue {
        do {
            return try MarkValue.parse(text, rules: rules, context: .term)
        } catch {
            throw AppError.invalid("invalid_mark", error.russianMessage)
        }
    }

    func set(_ request: Request, _ context: AppRequestContext) async throws -> TermMark {
        let actor = try context.requireActor()
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let student = try context.parameters.require("studentId", as: Int.self)
        let body: Change
        do {
            body = try await request.decode(as: Change.self, context: context)
        } catch let error as DecodingError {
            throw AppError.badRequest("bad_request", Problem.describe(error))
        }
        guard let periodID = body.periodId else { throw AppError.invalid("period_required", "Нужно поле periodId.") }
        let today = SchoolCalendar.today(clock())
        guard let facts = try await database.read({ try await AccessFacts.course(school: actor.schoolID, course: courseID, today: today, in: $0) })
        else { try await access.missing("course", context: context, path: request.uri.path) }
        let keeps = AccessPolicy.decide(actor, .keepJournal, .course(facts)).isAllowed
        let corrects = AccessPolicy.decide(actor, .correctAfterWindow, .course(facts)).isAllowed
        if !keeps && !corrects {
            try await access.require(.keepJournal, on: .course(facts), context: context, path: request.uri.path)
        }
        let hasReason = !(body.reason ?? "").allSatisfy(\.isWhitespace)
        if !keeps, !hasReason {
            throw AppError.invalid(JournalEditRefusal.reasonRequired.code, JournalEditRefusal.reasonRequired.message)
        }
        let author = JournalAuthor(
            accountID: actor.accountID,
            personID: actor.personID,
            role: keeps ? .teacher : (actor.holds(.deputy) ? .deputy : .admin),
            clientAddress: context.clientAddress
        )
        let now = clock()
        let saved = try await database.write { sql -> JournalPeriod.TermMark? in
            guard let period = try await JournalPeriod.load(school: actor.schoolID, course: courseID, periodID: periodID, today: today, in: sql)
            else { throw AppError(status: .notFound, code: "no_period", message: "У этого курса нет такого учебного периода.") }
            if period.closed { throw JournalEditRefusal.periodClosed }
            guard try await period.hasMember(student, school: actor.schoolID, course: courseID, in: sql) else {
                throw JournalEditRefusal.pupilNotEnrolled
            }
            let value = try body.value.trimmed.map { try Self.parse($0, rules: period.markRules) }
            return try await TermMarkWrites.set(
                school: actor.schoolID,
                course: courseID,
                period: period.id,
                student: student,
                value: value,
                version: body.version,
                by: author,
                reason: body.reason,
                at: now,
                in: sql
            )
        }
        return TermMark(id: saved?.id, studentId: student, periodId: periodID, value: saved?.value, version: saved?.version ?? 0)
    }
}
