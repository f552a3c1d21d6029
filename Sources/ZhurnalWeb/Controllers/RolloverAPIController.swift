import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The year's end for programs: `GET /api/v1/rollover` is the plan (or the reason it cannot be done yet),
/// `POST /api/v1/rollover` does it.
struct RolloverAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: RolloverSetup { RolloverSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/rollover") { request, context in try await answer(write: false, request, context) }
        router.post("/api/v1/rollover") { request, context in try await answer(write: true, request, context) }
    }

    func answer(write: Bool, _ request: Request, _ context: AppRequestContext) async throws -> PlanJSON {
        let outcome = try await setup.run(write: write, context: context, path: request.uri.path)
        switch outcome.plan {
        case .failure(let refusal): throw AppError.invalid(refusal)
        case .success(let plan): return PlanJSON(outcome, plan)
        }
    }

    struct PlanJSON: ResponseEncodable {
        let closingYearId: Int
        @Nullable var newYearId: Int?
        let title: String
        let startsOn: String
        let endsOn: String
        let classes: [Item]

        struct Item: Encodable {
            let classId: Int
            let name: String
            @Nullable var becomes: String?
            let pupils: Int
        }

        init(_ outcome: RolloverSetup.Outcome, _ plan: YearRollover.Plan) {
            closingYearId = outcome.closing.yearID
            newYearId = outcome.newYearID
            title = plan.title
            startsOn = plan.span.start.iso
            endsOn = plan.span.end.iso
            classes =
                plan.promotions.map { Item(classId: $0.from.id, name: $0.from.name, becomes: $0.name, pupils: $0.from.pupils) }
                + plan.graduating.map { Item(classId: $0.id, name: $0.name, becomes: nil, pupils: $0.pupils) }
        }
    }
}
