import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The administrator's people: the list with search and filters, a person's card (roles, relatives, reset,
/// deactivate), new staff accounts, and credentials for a whole class printed as slips.
struct AdminPeopleController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let issuer: CredentialIssuer
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/people") { request, context in try await list(request, context) }
        router.get("/admin/people/new") { request, context in try await newPersonPage(request, context, error: nil, form: nil) }
        router.post("/admin/people") { request, context in try await createPerson(request, context) }
        router.get("/admin/people/:id") { request, context in try await card(request, context, notice: nil) }
        router.post("/admin/people/:id/roles") { request, context in try await setRoles(request, context) }
        router.post("/admin/people/:id/credentials") { request, context in try await issueOne(request, context) }
        router.post("/admin/people/:id/deactivate") { request, context in try await setActive(false, request, context) }
        router.post("/admin/people/:id/reactivate") { request, context in try await setActive(true, request, context) }
        router.post("/admin/people/:id/second-factor/remove") { request, context in try await removeSecondFactor(request, context) }
        router.post("/admin/people/:id/sessions/end") { request, context in try await endSessions(request, context) }
        router.post("/admin/classes/:id/credentials") { request, context in try await issueClass(request, context) }
    }

    // MARK: The list

    struct ListPage: PageContext {
        let title = "Люди школы"
        let chrome: Chrome?
        let csrf: String
        let query: String
        let classes: [Option]
        let roles: [Option]
        let people: [Row]
        let nothingFound: Bool
        let previousPage: String?
        let nextPage: String?
        let selectedClass: Option?

        struct Row: Sendable {
            let id: Int
            let fullName: String
            let login: String
            let roles: String
            let className: String
            let deactivated: Bool
        }
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    static let pageSize = 50

    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try await access.require(.manageAccounts, on: .school(id: actor(context).schoolID), context: context, path: request.uri.path)
        let parameters = request.uri.queryParameters
        let text = parameters["q"].map(String.init).trimmed
        let classID = parameters["class"].flatMap { Int($0) }
        let role = parameters["role"].flatMap { Role(rawValue: String($0)) }
        let page = max(0, parameters["page"].flatMap { Int($0) } ?? 0)
        let today = SchoolCalendar.today(clock())
        let (classes, found) = try await database.read { sql in
            (
                try await PeopleDirectory.classes(school: actor.schoolID, today: today, in: sql),
                try await PeopleDirectory.search(
                    school: actor.schoolID,
                    filter: .init(text: text, classID: classID, role: role),
                    today: today,
                    offset: page * Self.pageSize,
                    limit: Self.pageSize,
                    in: sql
                )
            )
        }
        func link(_ page: Int) -> String {
            var items = ["page=\(page)"]
            if let text { items.append("q=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            if let classID { items.append("class=\(classID)") }
            if let role { items.append("role=\(role.rawValue)") }
            return "/admin/people?" + items.joined(separator: "&")
        }
        let classOptions = classes.map { Option(value: String($0.id), label: $0.name, selected: $0.id == classID) }
        return pages.page(
            "admin-people",
            ListPage(
                chrome: Chrome(context),
                csrf: context.session?.csrfToken ?? "",
                query: text ?? "",
                classes: classOptions,
                roles: Role.allCases.map { Option(value: $0.rawValue, label: $0.russianTitle, selected: $0 == role) },
                people: found.people.map { person in
                    ListPage.Row(
                        id: person.personID,
                        fullName: person.fullName,
                        login: person.login ?? "—",
                        roles: person.roles.map(\.russianTitle).joined(separator: ", "),
                        className: person.className ?? "",
                        deactivated: person.deactivated
                    )
                },
                nothingFound: found.people.isEmpty,
                previousPage: page > 0 ? link(page - 1) : nil,
                nextPage: found.more ? link(page + 1) : nil,
                selectedClass: classOptions.first(where: \.selected)
            )
        )
    }

    // MARK: One person

    struct CardPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let notice: String?
        let person: PersonCard
        let className: String?
        /// The pupil's classes and movement, for anyone in a class or holding a pupil's account.
        let movement: String?
        let account: AccountView?
        let roleChoices: [RoleChoice]
        let children: [PersonCard.Relative]
        let guardians: [PersonCard.Relative]
        let hasChildren: Bool
        let hasGuardians: Bool

        struct AccountView: Sendable {
            let login: String
            let created: String
            let deactivated: String?
            let status: String
            let secondFactor: Bool
            let isSelf: Bool
            let openSessions: Int
            let hasOpenSessions: Bool
        }

        struct RoleChoice: Sendable {
            let value: String
            let label: String
            let checked: Bool
        }
    }

    func card(_ request: Request, _ context: AppRequestContext, notice: String?) async throws -> Response {
        let actor = try await access.require(.manageAccounts, on: .school(id: actor(context).schoolID), context: context, path: request.uri.path)
        let card = try await loadCard(request, context, actor: actor)
        let account = card.account.map { account in
            CardPage.AccountView(
                login: account.login,
                created: RussianTime.moment(account.createdAt),
                deactivated: account.deactivatedAt.map(RussianTime.moment),
                status: account.deactivatedAt != nil
                    ? "Отключена"
                    : account.initialPasswordExpiresAt.map { "Выдан одноразовый пароль, действует до " + RussianTime.moment($0) }
                        ?? "Действует",
                secondFactor: account.secondFactor,
                isSelf: account.id == actor.accountID,
                openSessions: account.openSessions,
                hasOpenSessions: account.openSessions > 0
            )
        }
        return pages.page(
            "admin-person",
            CardPage(
                title: card.fullName,
                chrome: Chrome(context),
                csrf: context.session?.csrfToken ?? "",
                notice: notice,
                person: card,
                className: card.className,
                movement: card.className != nil || card.account?.roles.contains(.student) == true || !card.guardians.isEmpty
                    ? "/admin/people/\(card.personID)/movement" : nil,
                account: account,
                roleChoices: Role.allCases.map { role in
                    CardPage.RoleChoice(value: role.rawValue, label: role.russianTitle, checked: card.account?.roles.contains(role) ?? false)
                },
                children: card.children,
                guardians: card.guardians,
                hasChildren: !card.children.isEmpty,
                hasGuardians: !card.guardians.isEmpty
            )
        )
    }

    func setRoles(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (actor, card, account) = try await accountOfCard(request, context)
        let fields = try await request.form([String: String].self, context: context)
        // Only the checkboxes named `role_…` count; any other field (a school, an owner) is ignored, never assigned.
        let roles = Set(Role.allCases.filter { fields["role_\($0.rawValue)"] != nil })
        let before = Set(card.account?.roles ?? [])
        guard roles != before else { return .redirect(to: "/admin/people/\(card.personID)") }
        // Sessions started under the old roles end: new rights come with a new sign-in, which applies the new
        // roles' session limits and an administrator's second factor.
        let now = clock()
        try await database.write { sql in
            try await AccountStore.setRoles(roles, school: actor.schoolID, account: account, in: sql)
            try await SessionStore.endAll(school: actor.schoolID, account: account, reason: .rolesChanged, now: now, in: sql)
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: actor.schoolID,
                    at: now,
                    kind: .rolesChanged,
                    accountID: account,
                    login: card.account?.login,
                    clientAddress: context.clientAddress,
                    detail: Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: " ") + " by \(context.session?.login ?? "?")"
                ),
                in: sql
            )
        }
        return .redirect(to: "/admin/people/\(card.personID)")
    }

    func setActive(_ active: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await changeAccount(request, context, logging: active ? .accountReactivated : .accountDeactivated) { school, account, now, sql in
            try await AccountStore.setDeactivated(!active, school: school, account: account, now: now, in: sql)
            if !active {
                try await SessionStore.endAll(school: school, account: account, reason: .deactivated, now: now, in: sql)
            }
        }
    }

    /// For a lost phone without recovery codes: the person signs in with his password and enrols again.
    func removeSecondFactor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await changeAccount(request, context, logging: .secondFactorRemoved) { school, account, now, sql in
            try await AccountStore.removeSecondFactor(school: school, account: account, in: sql)
            try await SessionStore.endAll(school: school, account: account, reason: .passwordReset, now: now, in: sql)
        }
    }

    /// Signs the person out everywhere, e.g. after a lost phone or a shared computer.
    func endSessions(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await changeAccount(request, context, logging: .sessionEnded) { school, account, now, sql in
            try await SessionStore.endAll(school: school, account: account, reason: .endedByAdmin, now: now, in: sql)
        }
    }

    /// A change to the card's account that the policy allows, in one transaction with its security-log row.
    private func changeAccount(
        _ request: Request,
        _ context: AppRequestContext,
        logging kind: SecurityEventKind,
        change: @Sendable (_ school: Int, _ account: Int, _ now: Date, _ sql: any SQLDatabase) async throws -> Void
    ) async throws -> Response {
        let (actor, card, account) = try await accountOfCard(request, context)
        let now = clock()
        try await database.write { sql in
            try await change(actor.schoolID, account, now, sql)
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: actor.schoolID,
                    at: now,
                    kind: kind,
                    accountID: account,
                    login: card.account?.login,
                    clientAddress: context.clientAddress,
                    detail: "by \(context.session?.login ?? "?")"
                ),
                in: sql
            )
        }
        return .redirect(to: "/admin/people/\(card.personID)")
    }

    /// An account for a person without one, or a new initial password for one who has it: one slip.
    func issueOne(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try await access.require(.manageAccounts, on: .school(id: actor(context).schoolID), context: context, path: request.uri.path)
        let card = try await loadCard(request, context, actor: actor)
        if let account = card.account {
            try await access.require(
                .manageAccounts,
                on: .account(AccountFacts(schoolID: actor.schoolID, accountID: account.id, roles: Set(account.roles))),
                context: context,
                path: request.uri.path
            )
        }
        let person = IssuedPerson(
            personID: card.personID,
            lastName: card.lastName,
            firstName: card.firstName,
            patronymic: card.patronymic,
            accountID: card.account?.id
        )
        let slips = try await issuer.issue(to: [person], role: nil, resetExisting: true, school: actor.schoolID)
        return pages.page(
            "slips",
            SlipsPage(
                title: "Учётные данные: \(card.fullName)",
                chrome: Chrome(context),
                slips: slips,
                className: card.className,
                address: issuer.publicURL
            )
        )
    }

    struct ClassCredentialsForm: Decodable {
        let who: String?
    }

    /// Accounts or new initial passwords for every pupil of a class, or for all their parents, as slips to print.
    func issueClass(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try await access.require(.manageAccounts, on: .school(id: actor(context).schoolID), context: context, path: request.uri.path)
        let classID = try context.parameters.require("id", as: Int.self)
        let today = SchoolCalendar.today(clock())
        guard
            let schoolClass = try await database.read({ try await PeopleDirectory.classes(school: actor.schoolID, today: today, in: $0) })
                .first(where: { $0.id == classID })
        else { try await access.missing("class", context: context, path: request.uri.path) }
        let form = try await request.form(ClassCredentialsForm.self, context: context)
        guard let who = form.who, who == "pupils" || who == "parents" else {
            throw AppError.invalid("who_required", "Выберите, кому выдать учётные данные: ученикам или родителям.")
        }
        let guardians = who == "parents"
        let people = try await database.read {
            try await PeopleDirectory.classMembers(school: actor.schoolID, classID: classID, guardians: guardians, today: today, in: $0)
        }
        // Only those without an account get one: existing accounts are reset one at a time from a person's card,
        // where the policy is asked about each.
        let slips = try await issuer.issue(to: people, role: guardians ? .parent : .student, resetExisting: false, school: actor.schoolID)
        let title = "Учётные данные \(guardians ? "родителей" : "учеников") \(schoolClass.name)"
        let already = people.count - slips.count
        return pages.page(
            "slips",
            SlipsPage(
                title: title,
                chrome: Chrome(context),
                slips: slips,
                className: schoolClass.name,
                address: issuer.publicURL,
                alreadyIssued: already
            )
        )
    }

    // MARK: New staff

    struct NewPersonPage: PageContext {
        let title = "Новая учётная запись"
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let lastName: String
        let firstName: String
        let patronymic: String
        let roleChoices: [CardPage.RoleChoice]
    }

    func newPersonPage(_ request: Request, _ context: AppRequestContext, error: AppError?, form: [String: String]?) async throws -> Response {
        try await access.require(.manageAccounts, on: .school(id: actor(context).schoolID), context: context, path: request.uri.path)
        let form = form ?? [:]
        return pages.page(
            "admin-person-new",
            NewPersonPage(
                chrome: Chrome(context),
                csrf: context.session?.csrfToken ?? "",
                error: error?.message,
                lastName: form["lastName"] ?? "",
                firstName: form["firstName"] ?? "",
                patronymic: form["patronymic"] ?? "",
                roleChoices: Role.allCases.map { role in
                    CardPage.RoleChoice(value: role.rawValue, label: role.russianTitle, checked: form["role_\(role.rawValue)"] != nil)
                }
            ),
            status: error?.status ?? .ok
        )
    }

    func createPerson(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try await access.require(.manageAccounts, on: .school(id: actor(context).schoolID), context: context, path: request.uri.path)
        let form = try await request.form([String: String].self, context: context)
        let roles = Set(Role.allCases.filter { form["role_\($0.rawValue)"] != nil })
        guard let lastName = form["lastName"].trimmed, let firstName = form["firstName"].trimmed else {
            return try await newPersonPage(request, context, error: .invalid("name_required", "Укажите фамилию и имя."), form: form)
        }
        guard !roles.isEmpty else {
            return try await newPersonPage(request, context, error: .invalid("roles_required", "Отметьте хотя бы одну роль."), form: form)
        }
        let (issued, slips) = try await issuer.issueToNewPerson(
            lastName: lastName,
            firstName: firstName,
            patronymic: form["patronymic"].trimmed,
            roles: roles,
            school: actor.schoolID
        )
        return pages.page(
            "slips",
            SlipsPage(title: "Учётные данные: \(issued.fullName)", chrome: Chrome(context), slips: slips, className: nil, address: issuer.publicURL)
        )
    }

    // MARK: Helpers

    private func actor(_ context: AppRequestContext) throws -> Actor { try context.requireActor() }

    private func loadCard(_ request: Request, _ context: AppRequestContext, actor: Actor) async throws -> PersonCard {
        let id = try context.parameters.require("id", as: Int.self)
        let now = clock()
        // Scoped to the administrator's school: another school's person is "not found".
        guard let card = try await database.read({ try await PersonCard.load(school: actor.schoolID, person: id, now: now, in: $0) }) else {
            try await access.missing("person", context: context, path: request.uri.path)
        }
        return card
    }

    /// The card and its account, after the policy allowed managing that account.
    private func accountOfCard(_ request: Request, _ context: AppRequestContext) async throws -> (Actor, PersonCard, Int) {
        let actor = try await access.require(.manageAccounts, on: .school(id: actor(context).schoolID), context: context, path: request.uri.path)
        let card = try await loadCard(request, context, actor: actor)
        guard let account = card.account?.id else {
            throw AppError.invalid("no_account", "У этого человека ещё нет учётной записи: сначала выдайте её.")
        }
        try await access.require(
            .manageAccounts,
            on: .account(AccountFacts(schoolID: actor.schoolID, accountID: account, roles: Set(card.account?.roles ?? []))),
            context: context,
            path: request.uri.path
        )
        return (actor, card, account)
    }
}

/// Printable slips, one per person: whom, the login, the one-time password and where to sign in.
struct SlipsPage: PageContext {
    let title: String
    let chrome: Chrome?
    let slips: [CredentialIssue.Slip]
    let className: String?
    let address: String
    let validDays = Int(AccountStore.initialPasswordLifetime / 86_400)
    /// Stored, not computed: Mustache reads a page's stored properties only.
    let empty: Bool
    /// How many of a class already had accounts and got no slip.
    let alreadyIssued: Int
    /// What a staff list did, above its slips.
    let summary: String?

    init(
        title: String,
        chrome: Chrome?,
        slips: [CredentialIssue.Slip],
        className: String?,
        address: String,
        alreadyIssued: Int = 0,
        summary: String? = nil
    ) {
        self.title = title
        self.chrome = chrome
        self.slips = slips
        self.className = className
        self.address = address
        self.empty = slips.isEmpty
        self.alreadyIssued = alreadyIssued
        self.summary = summary
    }
}
