import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The notification feed and its settings as pages: `/notifications` and `POST /notifications/settings`.
struct NotificationsPageController: Sendable {
    let database: Database
    let pages: PageRenderer
    let clock: @Sendable () -> Date

    private var reader: NotificationReader { NotificationReader(database: database, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/notifications") { _, context in try await feed(context) }
        router.post("/notifications/settings") { request, context in try await save(request, context) }
    }

    struct FeedPage: PageContext {
        let title = "Уведомления"
        let chrome: Chrome?
        let items: [Item]
        let hasItems: Bool
        let csrf: String
        let kinds: [Kind]
        let email: String

        struct Item: Sendable {
            let href: String
            let kind: String
            let pupil: String?
            let title: String
            let detail: String
            let at: String
            let new: Bool
        }

        struct Kind: Sendable {
            let value: String
            let label: String
            let on: Bool
        }
    }

    func feed(_ context: AppRequestContext) async throws -> Response {
        let feed = try await reader.feed(context: context, visit: true)
        let page = FeedPage(
            chrome: Chrome(context),
            items: feed.notifications.map { item in
                FeedPage.Item(
                    href: NotificationReader.href(item.target),
                    kind: item.kind.russianTitle,
                    pupil: item.pupil,
                    title: item.title,
                    detail: item.detail,
                    at: RussianTime.moment(item.at),
                    new: feed.previousVisit.map { item.at > $0 } ?? true
                )
            },
            hasItems: !feed.notifications.isEmpty,
            csrf: context.session?.csrfToken ?? "",
            kinds: NotificationKind.allCases.map { kind in
                FeedPage.Kind(value: kind.rawValue, label: kind.russianTitle, on: !feed.settings.muted.contains(kind))
            },
            email: feed.settings.digestEmail ?? ""
        )
        return pages.page("notifications", page)
    }

    func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        // Checkboxes arrive only when ticked: a kind not among them is muted.
        let form = try await request.form([String: String].self, context: context)
        let muted = Set(NotificationKind.allCases.filter { form["kind_\($0.rawValue)"] == nil })
        try await reader.save(muted: muted, email: form["email"] ?? "", context: context)
        return Response(status: .seeOther, headers: [.location: "/notifications"])
    }
}
