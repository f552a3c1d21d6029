import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Announcements as pages: the current ones with a form for those who may publish (`/announcements`), and one
/// announcement (`/announcements/{id}`; an expired one is gone).
struct AnnouncementsPageController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var board: AnnouncementBoard { AnnouncementBoard(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/announcements") { _, context in try await list(context) }
        router.post("/announcements") { request, context in try await publish(request, context) }
        router.get("/announcements/:announcementId") { _, context in try await show(context) }
    }

    static func audience(_ announcement: Announcement) -> String {
        switch announcement.audience {
        case .school: "для всей школы"
        case .classFamilies: "для класса \(announcement.className ?? "")"
        case .classParents: "для родителей \(announcement.className ?? "")"
        }
    }

    struct ListPage: PageContext {
        let title = "Объявления"
        let chrome: Chrome?
        let announcements: [Item]
        let hasAnnouncements: Bool
        let form: Form?

        struct Item: Sendable {
            let href: String
            let title: String
            let detail: String
            let paragraphs: [String]
        }

        struct Form: Sendable {
            let csrf: String
            let audiences: [Choice]
            let classes: [Choice]
            let hasClasses: Bool
            let expiresOn: String
        }

        struct Choice: Sendable {
            let value: String
            let label: String
        }
    }

    func list(_ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let current = try await board.current(context: context)
        let classes = try await board.classes(context: context)
        let schoolWide = AccessPolicy.decide(actor, .announce, .school(id: actor.schoolID)).isAllowed
        let audiences = AnnouncementAudience.allCases.filter { $0 != .school || schoolWide }.filter { $0 == .school || !classes.isEmpty }
        let today = SchoolCalendar.today(clock())
        let page = ListPage(
            chrome: Chrome(context),
            announcements: current.map(Self.item),
            hasAnnouncements: !current.isEmpty,
            form: audiences.isEmpty
                ? nil
                : ListPage.Form(
                    csrf: context.session?.csrfToken ?? "",
                    audiences: audiences.map { ListPage.Choice(value: $0.rawValue, label: $0.russianTitle) },
                    classes: classes.map { ListPage.Choice(value: String($0.id), label: $0.name) },
                    hasClasses: !classes.isEmpty,
                    expiresOn: today.adding(days: 7).iso
                )
        )
        return pages.page("announcements", page)
    }

    static func item(_ announcement: Announcement) -> ListPage.Item {
        ListPage.Item(
            href: "/announcements/\(announcement.id)",
            title: announcement.title,
            detail:
                "\(announcement.authorName), \(audience(announcement)), \(RussianTime.moment(announcement.publishedAt)); показывается до \(announcement.expiresOn.russian)",
            paragraphs: announcement.body.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        )
    }

    struct PublishForm: Decodable {
        let audience: String?
        let classId: String?
        let title: String?
        let body: String?
        let expiresOn: String?
    }

    func publish(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form(PublishForm.self, context: context)
        let id = try await board.publish(
            audience: form.audience ?? "",
            classID: form.classId.flatMap { Int($0) },
            title: form.title ?? "",
            body: form.body ?? "",
            expiresOn: form.expiresOn ?? "",
            context: context,
            path: request.uri.path
        )
        return Response(status: .seeOther, headers: [.location: "/announcements/\(id)"])
    }

    struct OnePage: PageContext {
        let title: String
        let chrome: Chrome?
        let item: ListPage.Item
    }

    func show(_ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("announcementId", as: Int.self)
        let found = try await board.one(id, context: context, path: "/announcements/\(id)")
        return pages.page("announcement", OnePage(title: found.title, chrome: Chrome(context), item: Self.item(found)))
    }
}
