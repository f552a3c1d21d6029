import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// "My sessions": where one sees every device signed in under his name and ends the ones he does not recognise.
struct SessionsController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/account/sessions") { _, context in try await list(context) }
        router.post("/account/sessions/end-others") { _, context in try await endOthers(context) }
        router.post("/account/sessions/:id/end") { request, context in try await end(request, context) }
    }

    struct SessionsPage: PageContext {
        let title = "Мои сеансы"
        let chrome: Chrome?
        let csrf: String
        let sessions: [Row]
        let hasOthers: Bool

        struct Row: Sendable {
            let id: Int
            let current: Bool
            let kind: String
            let started: String
            let lastSeen: String
            let address: String
            let device: String
        }
    }

    func list(_ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let session = try await access.requireOwn(.manageOwnCredentials, context: context, path: "/account/sessions")
        let open = try await database.read {
            try await SessionStore.open(school: actor.schoolID, account: actor.accountID, now: clock(), in: $0)
        }
        let rows = open.map { item in
            SessionsPage.Row(
                id: item.id,
                current: item.id == session.id,
                kind: item.kind == .api ? "Приложение (API)" : "Браузер",
                started: RussianTime.moment(item.createdAt),
                lastSeen: RussianTime.moment(item.lastSeenAt),
                address: item.clientAddress ?? "—",
                device: item.userAgent.map(DeviceName.describe) ?? "—"
            )
        }
        return pages.page(
            "sessions",
            SessionsPage(chrome: Chrome(context), csrf: session.csrfToken, sessions: rows, hasOthers: rows.count > 1)
        )
    }

    func end(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard let id = context.parameters.get("id", as: Int.self) else { throw AppError.notFound }
        // Sessions are looked up within the actor's school only; the policy then decides whose may be ended.
        guard let owner = try await database.read({ try await SessionStore.owner(school: actor.schoolID, session: id, in: $0) }) else {
            try await access.missing("session", context: context, path: request.uri.path)
        }
        try await access.require(
            .endSession,
            on: .session(SessionFacts(schoolID: actor.schoolID, accountID: owner)),
            context: context,
            path: request.uri.path
        )
        let reason: SessionEnd = owner == actor.accountID ? .endedByOwner : .endedByAdmin
        _ = try await database.write { sql in
            try await SessionStore.endLogged(
                school: actor.schoolID,
                session: id,
                account: owner,
                login: nil,
                reason: reason,
                clientAddress: context.clientAddress,
                now: clock(),
                in: sql
            )
        }
        return .redirect(to: id == context.session?.id ? "/login" : "/account/sessions")
    }

    func endOthers(_ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let session = try await access.requireOwn(.manageOwnCredentials, context: context, path: "/account/sessions/end-others")
        try await database.write { sql in
            let ended = try await SessionStore.endAll(
                school: actor.schoolID,
                account: actor.accountID,
                except: session.id,
                reason: .endedByOwner,
                now: clock(),
                in: sql
            )
            if ended > 0 {
                try await SecurityLog.record(
                    SecurityEvent(
                        schoolID: actor.schoolID,
                        at: clock(),
                        kind: .sessionEnded,
                        accountID: actor.accountID,
                        login: session.login,
                        clientAddress: context.clientAddress,
                        detail: "\(SessionEnd.endedByOwner.rawValue) ×\(ended)"
                    ),
                    in: sql
                )
            }
        }
        return .redirect(to: "/account/sessions")
    }
}

/// Instants as a Russian reader expects them, in the school's time zone (Moscow until schools get their own zone here).
enum RussianTime {
    static let zone = TimeZone(identifier: "Europe/Moscow") ?? .gmt

    /// Midnight of the ISO date `iso` (plus `plusDays`) in the school's zone, as an instant.
    static func startOfDay(_ iso: String, plusDays: Int) -> Date? {
        guard let day = LocalDate(iso: iso) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let midnight = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        return midnight.flatMap { calendar.date(byAdding: .day, value: plusDays, to: $0) }
    }

    static func moment(_ stored: String) -> String {
        guard let date = Timestamp.date(stored) else { return stored }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.day, .month, .year, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(two(parts.day)).\(two(parts.month)).\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute))"
    }
}

/// A browser's User-Agent in a word or two a person recognises.
enum DeviceName {
    static func describe(_ agent: String) -> String {
        let browser =
            agent.contains("YaBrowser")
            ? "Яндекс Браузер"
            : agent.contains("Edg/")
                ? "Edge"
                : agent.contains("Firefox/")
                    ? "Firefox"
                    : agent.contains("Chrome/") || agent.contains("Chromium/")
                        ? "Chrome"
                        : agent.contains("Safari/") ? "Safari" : "Программа"
        let system =
            agent.contains("Android")
            ? "Android"
            : agent.contains("iPhone") || agent.contains("iPad")
                ? "iOS"
                : agent.contains("Windows")
                    ? "Windows"
                    : agent.contains("Mac OS")
                        ? "macOS"
                        : agent.contains("Linux") ? "Linux" : nil
        return system.map { "\(browser), \($0)" } ?? browser
    }
}
