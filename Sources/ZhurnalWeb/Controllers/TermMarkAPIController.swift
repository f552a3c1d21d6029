import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `PUT /api/v1/courses/{courseId}/term-marks/{studentId}`: a pupil's period mark, entered by the course's teacher
/// (the deputy or administrator correcting with a reason), locked with the period, with its history. A grade entered
/// below the accumulation minimum is saved with a warning.
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

    /// A removed mark has no id or value; no warning is `null`.
    struct TermMark: ResponseEncodable {
        let id: Int?
        let studentId: Int
        let periodId: Int
        let value: String?
        let version: Int
        @Nullable var warning: Warning?
    }

    /// Saved, but flagged: `{"code": "too_few_marks", "message": …}`.
    struct Warning: Encodable, Sendable {
        let code: String
        let message: String

        init?(_ warning: AccumulationWarning?) {
            guard let warning else { return nil }
            code = AccumulationWarning.code
            message = warning.russianText
        }
    }

    func set(_ request: Request, _ context: AppRequestContext) async throws -> TermMark {
        let body = try await request.decode(as: Change.self, context: context)
        guard let periodID = body.periodId else { throw AppError.invalid("period_required", "Нужно поле periodId.") }
        let written = try await TermMarkWriter(database: database, access: access, clock: clock).saveOne(
            .period(periodID),
            text: body.value,
            version: body.version,
            reason: body.reason,
            request: request,
            context: context
        )
        return TermMark(
            id: written.saved.id,
            studentId: written.saved.studentID,
            periodId: periodID,
            value: written.saved.value,
            version: written.saved.version,
            warning: Warning(written.warning)
        )
    }
}
