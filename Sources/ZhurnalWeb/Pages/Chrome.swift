import Mustache
import ZhurnalCore
import ZhurnalStore

/// What the layout shows around every page: the navigation for the person's roles, his name, and the sign-out form
/// with its CSRF token. Built from the request's session; empty for a visitor who has not signed in.
struct Chrome: Sendable {
    struct Link: Sendable {
        let href: String
        let label: String
    }

    let userName: String?
    let roleTitles: String?
    let links: [Link]
    let csrf: String?
    let signedIn: Bool

    init(_ context: AppRequestContext) {
        csrf = context.session?.csrfToken ?? context.anonymousToken
        guard let session = context.session else {
            userName = nil
            roleTitles = nil
            links = [Link(href: "/login", label: "Вход")]
            signedIn = false
            return
        }
        signedIn = true
        userName = session.fullName
        roleTitles = Role.allCases.filter(session.roles.contains).map(\.russianTitle).joined(separator: ", ")
        guard session.stage == .active else {
            links = []
            return
        }
        var links = [Link(href: "/", label: "Главная")]
        if !session.roles.isDisjoint(with: [.parent, .student]) {
            links.append(Link(href: "/diary", label: "Дневник"))
        }
        links.append(Link(href: "/notifications", label: "Уведомления"))
        links.append(Link(href: "/messages", label: "Сообщения"))
        links.append(Link(href: "/announcements", label: "Объявления"))
        if session.roles.contains(.homeroom) {
            links.append(Link(href: "/homeroom/check", label: "Сверка класса"))
        }
        if !session.roles.isDisjoint(with: [.admin, .director, .deputy, .teacher]) {
            links.append(Link(href: "/schedule/teacher", label: "Расписание учителя"))
        }
        if !session.roles.isDisjoint(with: [.admin, .deputy]) {
            links.append(Link(href: "/schedule/changes", label: "Изменения расписания"))
        }
        if !session.roles.isDisjoint(with: [.admin, .director, .deputy, .homeroom, .observer]) {
            links.append(Link(href: "/reports", label: "Отчёты"))
        }
        if !session.roles.isDisjoint(with: [.admin, .director, .deputy, .teacher, .homeroom]) {
            links.append(Link(href: "/remarks", label: "Замечания"))
        }
        if session.roles.contains(.admin) {
            links.append(Link(href: "/admin/people", label: "Люди"))
            links.append(Link(href: "/admin/monthly-check", label: "Сверка классов"))
            links.append(Link(href: "/admin/school", label: "Правила школы"))
            links.append(Link(href: "/admin/calendar", label: "Календарь года"))
            links.append(Link(href: "/admin/classes", label: "Классы"))
            links.append(Link(href: "/admin/curriculum", label: "Учебный план"))
            links.append(Link(href: "/admin/import", label: "Списки"))
            links.append(Link(href: "/admin/rollover", label: "Конец года"))
            links.append(Link(href: "/admin/security", label: "Журнал безопасности"))
        }
        links.append(Link(href: "/account/sessions", label: "Мои сеансы"))
        links.append(Link(href: "/account/second-factor", label: "Второй фактор"))
        links.append(Link(href: "/password", label: "Сменить пароль"))
        self.links = links
    }
}

// Every page's layout looks these up; by name, not through `Mirror` (see GridPage+Mustache.swift).
extension Chrome: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "userName": userName
        case "roleTitles": roleTitles
        case "links": links
        case "csrf": csrf
        case "signedIn": signedIn
        default: nil
        }
    }
}

extension Chrome.Link: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "href": href
        case "label": label
        default: nil
        }
    }
}
