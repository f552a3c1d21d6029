import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The administrator's view of the security log: sign-ins, refusals, password and second-factor changes, ended
/// sessions, filtered by kind, login and dates, newest first, a hundred at a time.
struct SecurityLogController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/security") { request, context in try await page(request, context) }
    }

    struct LogPage: PageContext {
        let title = "Журнал безопасности"
        let chrome: Chrome?
        let kinds: [Option]
        let login: String
        let from: String
        let to: String
        let events: [Row]
        let nothingFound: Bool
        let olderPage: String?
        let error: String?

        struct Option: Sendable {
            let value: String
            let label: String
            let selected: Bool
        }

        struct Row: Sendable {
            let at: String
            let kind: String
            let login: String
            let address: String
            let detail: String
        }
    }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        try await access.require(.readSecurityLog, on: .school(id: actor.schoolID), context: context, path: request.uri.path)
        let parameters = request.uri.queryParameters
        let kind = parameters["kind"].flatMap { SecurityEventKind(rawValue: String($0)) }
        let login = parameters["login"].map(String.init).trimmed?.lowercased()
        var from = parameters["from"].map(String.init).trimmed
        var to = parameters["to"].map(String.init).trimmed
        var error: String?
        for (name, value) in [("«с»", from), ("«по»", to)] {
            if let value, LocalDate(iso: value) == nil {
                error = "Дата \(name) должна быть в виде ГГГГ-ММ-ДД, например 2026-09-01."
            }
        }
        if error != nil { (from, to) = (nil, nil) }
        let before = parameters["before"].flatMap { Int($0) }
        let filter = SecurityLog.Filter(
            kind: kind,
            login: login,
            from: from.flatMap { RussianTime.startOfDay($0, plusDays: 0) },
            until: to.flatMap { RussianTime.startOfDay($0, plusDays: 1) }
        )
        let found = try await database.read {
            try await SecurityLog.page(school: actor.schoolID, filter: filter, before: before, in: $0)
        }
        var older: String?
        if found.more, let last = found.events.last?.id {
            var items = ["before=\(last)"]
            if let kind { items.append("kind=\(kind.rawValue)") }
            if let login { items.append("login=" + (login.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            if let from { items.append("from=\(from)") }
            if let to { items.append("to=\(to)") }
            older = "/admin/security?" + items.joined(separator: "&")
        }
        return pages.page(
            "security-log",
            LogPage(
                chrome: Chrome(context),
                kinds: SecurityEventKind.allCases.map { .init(value: $0.rawValue, label: $0.russianTitle, selected: $0 == kind) },
                login: login ?? "",
                from: from ?? "",
                to: to ?? "",
                events: found.events.map { event in
                    LogPage.Row(
                        at: RussianTime.moment(event.at),
                        kind: event.kind.russianTitle,
                        login: event.login ?? "—",
                        address: event.clientAddress ?? "—",
                        detail: event.detail ?? ""
                    )
                },
                nothingFound: found.events.isEmpty,
                olderPage: older,
                error: error
            ),
            status: error == nil ? .ok : .unprocessableContent
        )
    }
}
