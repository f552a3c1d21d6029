import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Where routes ask ``AccessPolicy``: one call that answers, logs a refusal in the security log and throws the
/// refusal's error (404 for another school's object, so ids cannot be probed across schools; 403 otherwise).
struct Access: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    /// The signed-in actor if the policy allows `action` on `resource`.
    @discardableResult
    func require(_ action: AccessAction, on resource: AccessResource, context: AppRequestContext, path: String) async throws -> Actor {
        let actor = try context.requireActor()
        switch AccessPolicy.decide(actor, action, resource) {
        case .allowed:
            return actor
        case .denied(let denial):
            try await database.write { sql in
                try await SecurityLog.record(
                    SecurityEvent(
                        schoolID: actor.schoolID,
                        at: clock(),
                        kind: .accessDenied,
                        accountID: actor.accountID,
                        login: context.session?.login,
                        clientAddress: context.clientAddress,
                        detail: "\(action.rawValue) \(path)"
                    ),
                    in: sql
                )
            }
            throw denial == .otherSchool ? AppError.notFound : AppError.forbidden
        }
    }
}
