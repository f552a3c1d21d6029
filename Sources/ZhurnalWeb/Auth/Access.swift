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
            try await log(actor, "\(action.rawValue) \(path)", context: context)
            throw denial == .otherSchool ? AppError.notFound : AppError.forbidden
        }
    }

    /// As ``require(_:on:context:path:)``, but a refusal is answered as not found: a pupil whose diary someone may not
    /// read must look exactly like one that does not exist, or his id would tell that he is at this school.
    @discardableResult
    func requireHiding(_ action: AccessAction, on resource: AccessResource, context: AppRequestContext, path: String) async throws -> Actor {
        let actor = try context.requireActor()
        guard AccessPolicy.decide(actor, action, resource).isAllowed else {
            try await log(actor, "\(action.rawValue) \(path)", context: context)
            throw AppError.notFound
        }
        return actor
    }

    /// As ``require(_:on:context:path:)``, but any refusal is answered with `refusal`: a recipient one may not write
    /// to gets the same answer as one that does not exist.
    @discardableResult
    func require(
        _ action: AccessAction,
        on resource: AccessResource,
        orRefuse refusal: AppError,
        context: AppRequestContext,
        path: String
    )
        async throws -> Actor
    {
        let actor = try context.requireActor()
        guard AccessPolicy.decide(actor, action, resource).isAllowed else {
            try await log(actor, "\(action.rawValue) \(path)", context: context)
            throw refusal
        }
        return actor
    }

    /// An id the actor's school does not have, answered with `refusal` and logged.
    func missing(_ what: String, refusing refusal: AppError, context: AppRequestContext, path: String) async throws -> Never {
        if let actor = context.actor { try await log(actor, "no such \(what) in the school: \(path)", context: context) }
        throw refusal
    }

    /// The session's own account, for its password, second factor and sessions. Asked in any sign-in stage: the
    /// forced password change and the administrator's enrolment happen before the session is complete.
    @discardableResult
    func requireOwn(_ action: AccessAction, context: AppRequestContext, path: String) async throws -> SessionRecord {
        guard let session = context.session else { throw AppError.signInRequired }
        let own = AccountFacts(schoolID: session.schoolID, accountID: session.accountID, roles: session.roles)
        guard AccessPolicy.decide(session.actor, action, .account(own)).isAllowed else {
            try await log(session.actor, "\(action.rawValue) \(path)", context: context)
            throw AppError.forbidden
        }
        return session
    }

    /// A list the policy gives this actor no scope for: refused and logged like any other refusal.
    func refuse(_ action: AccessAction, context: AppRequestContext, path: String) async throws -> Never {
        let actor = try context.requireActor()
        try await log(actor, "\(action.rawValue) \(path)", context: context)
        throw AppError.forbidden
    }

    /// An id the actor's school does not have: answered as not found, whether it belongs to another school or to
    /// none, and logged, since probing ids is how a horizontal attack begins.
    func missing(_ what: String, context: AppRequestContext, path: String) async throws -> Never {
        if let actor = context.actor { try await log(actor, "no such \(what) in the school: \(path)", context: context) }
        throw AppError.notFound
    }

    private func log(_ actor: Actor, _ detail: String, context: AppRequestContext) async throws {
        try await database.write { sql in
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: actor.schoolID,
                    at: clock(),
                    kind: .accessDenied,
                    accountID: actor.accountID,
                    login: context.session?.login,
                    clientAddress: context.clientAddress,
                    detail: detail
                ),
                in: sql
            )
        }
    }
}

extension Access {
    /// The facts of a course of the actor's school, for the policy to decide on; a course of another school, or none,
    /// is not found (and logged).
    func course(_ courseID: Int, context: AppRequestContext, path: String) async throws -> CourseFacts {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        guard
            let facts = try await database.read({
                try await AccessFacts.course(school: actor.schoolID, course: courseID, today: today, in: $0)
            })
        else { try await missing("course", context: context, path: path) }
        return facts
    }
}
