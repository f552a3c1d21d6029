import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The administrator's people pages (DOMAIN.md §1, SECURITY.md Sessions and Authentication): the list, a person's
/// card, new staff, credentials for a class as slips, deactivating and resetting — and nobody else may use them.
struct AdminPeopleTests {
    typealias Login = AccessSchool.Login

    // MARK: The list

    @Test(arguments: TestDatabases.flavors)
    func theListFindsBySurnameInAnyCase(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await Self.signedInAdmin(client)
            for query in ["аксён", "АКСЁН", "аКсЁнОв", "Аксёнов", "  аксён  ", "аксенов", "АКСЕН"] {
                let page = try await admin.get(PageText.uri("/admin/people?q=\(query)"))
                #expect(page.status == .ok, "\(query)")
                #expect(Self.names(page) == ["Аксёнов Иван Петрович", "Аксёнова Мария Ивановна"], "\(query)")
            }
            let middle = try await admin.get(PageText.uri("/admin/people?q=РОМОВ"))
            #expect(Self.names(middle) == ["Громов Кирилл Андреевич", "Громова Анна Юрьевна"])
            let byLogin = try await admin.get("/admin/people?q=SMIRN")
            #expect(Self.names(byLogin) == ["Смирнова Ольга Петровна"])
            let none = try await admin.get(PageText.uri("/admin/people?q=Жуков"))
            #expect(none.text.contains("Никого не нашлось. Измените условия поиска."))
            #expect(PageText.rows(none.text).isEmpty)
            // The search box keeps what was typed.
            #expect(try await admin.get(PageText.uri("/admin/people?q=ГРОМ")).text.contains("value=\"ГРОМ\""))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theListFiltersByClassAndRole(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await Self.signedInAdmin(client)
            // 5А today: Аксёнова and Волков (Борисов left on 01.10), and Аксёнова's father.
            let fiveA = try await admin.get("/admin/people?class=1")
            #expect(Self.names(fiveA) == ["Аксёнов Иван Петрович", "Аксёнова Мария Ивановна", "Волков Илья"])
            #expect(PageText.rows(fiveA.text).map { $0[3] } == ["", "5А", "5А"])
            #expect(fiveA.text.contains("<option value=\"1\" selected>5А</option>"))
            // A chosen class offers its credentials form.
            #expect(fiveA.text.contains("action=\"/admin/classes/1/credentials\""))
            #expect(!(try await admin.get("/admin/people")).text.contains("/admin/classes/"))

            let sixB = try await admin.get("/admin/people?class=\(AccessSchool.otherClass)")
            #expect(Self.names(sixB) == ["Громов Кирилл Андреевич", "Громова Анна Юрьевна"])

            let teachers = try await admin.get("/admin/people?role=teacher")
            #expect(Self.names(teachers) == ["Орлов Дмитрий Ильич", "Смирнова Ольга Петровна"])
            #expect(PageText.rows(teachers.text).map { $0[2] } == ["Учитель, Классный руководитель", "Учитель, Классный руководитель"])
            let parents = try await admin.get("/admin/people?role=parent")
            #expect(Self.names(parents) == ["Аксёнов Иван Петрович", "Громова Анна Юрьевна"])
            let both = try await admin.get(PageText.uri("/admin/people?role=parent&class=1&q=акс"))
            #expect(Self.names(both) == ["Аксёнов Иван Петрович"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theListPagesFiftyAtATimeKeepingTheFilter(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.sixtyYakovlevs) { client, _ in
            let admin = try await Self.signedInAdmin(client)
            let first = try await admin.get(PageText.uri("/admin/people?q=ЯКОВЛЕВ"))
            #expect(PageText.rows(first.text).count == 50)
            #expect(Self.names(first).first == "Яковлев Имя01")
            #expect(PageText.link(first.text, labelled: "← Предыдущие") == nil)
            let next = try #require(PageText.link(first.text, labelled: "Следующие →"))
            #expect(next.hasPrefix("/admin/people?page=1"))
            #expect(next.contains("q="))

            let second = try await admin.get(PageText.uri(next))
            #expect(second.status == .ok)
            #expect(Self.names(second) == (51...60).map { "Яковлев Имя\($0)" })
            #expect(PageText.link(second.text, labelled: "Следующие →") == nil)
            let previous = try #require(PageText.link(second.text, labelled: "← Предыдущие"))
            #expect(previous.hasPrefix("/admin/people?page=0"))
            #expect(Self.names(try await admin.get(PageText.uri(previous))) == Self.names(first))

            // Without a filter the whole school pages too: 12 people of the fixture and 60 more.
            let all = try await admin.get("/admin/people?page=1")
            #expect(PageText.rows(all.text).count == 22)
            let roles = try await admin.get("/admin/people?role=teacher&page=0")
            #expect(PageText.link(roles.text, labelled: "Следующие →") == nil)
        }
    }

    // MARK: A person's card

    @Test(arguments: TestDatabases.flavors)
    func aCardShowsTheAccountItsRolesAndStatus(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await Self.signedInAdmin(client)
            let pupil = try await admin.get("/admin/people/\(TinySchool.aksyonova)")
            #expect(pupil.status == .ok)
            let html = pupil.text
            #expect(html.contains("<h1 id=\"person-title\">Аксёнова Мария Ивановна</h1>"))
            #expect(html.contains("Ученик класса 5А"))
            #expect(html.contains("<code>\(Login.pupil)</code>"))
            #expect(html.contains("<dd>Действует</dd>"))
            #expect(html.contains("name=\"role_student\" checked"))
            #expect(!html.contains("name=\"role_teacher\" checked"))
            #expect(html.contains("action=\"/admin/people/\(TinySchool.aksyonova)/deactivate\""))
            #expect(html.contains("action=\"/admin/people/\(TinySchool.aksyonova)/credentials\""))

            let teacher = try await admin.get("/admin/people/\(TinySchool.teacher)")
            #expect(teacher.text.contains("name=\"role_teacher\" checked"))
            #expect(teacher.text.contains("name=\"role_homeroom\" checked"))
            #expect(!teacher.text.contains("name=\"role_student\" checked"))
            #expect(!teacher.text.contains("Ученик класса"))

            let noAccount = try await admin.get("/admin/people/\(TinySchool.volkov)")
            #expect(noAccount.text.contains("Учётной записи нет."))
            #expect(noAccount.text.contains("Выдать учётную запись и напечатать листок"))

            let own = try await admin.get("/admin/people/\(AccessSchool.admin)")
            #expect(own.text.contains("Это ваша учётная запись"))
            #expect(!own.text.contains("/deactivate\""))

            let missing = try await admin.get("/admin/people/99999")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Такой страницы нет"))
        }
    }

    /// A pupil's card links his parents, a parent's card his children, each with the relation.
    @Test(arguments: TestDatabases.flavors)
    func aCardLinksChildrenAndParents(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await Self.signedInAdmin(client)
            let pupil = try await admin.get("/admin/people/\(TinySchool.aksyonova)").text
            #expect(pupil.contains("<h2>Родители и законные представители</h2>"))
            #expect(pupil.contains("<a href=\"/admin/people/\(AccessSchool.parent)\">Аксёнов Иван Петрович</a> <span class=\"muted\">(отец)</span>"))

            let parent = try await admin.get("/admin/people/\(AccessSchool.parent)").text
            #expect(parent.contains("<h2>Дети</h2>"))
            #expect(
                parent.contains("<a href=\"/admin/people/\(TinySchool.aksyonova)\">Аксёнова Мария Ивановна</a> <span class=\"muted\">(отец)</span>")
            )
            #expect(parent.contains("name=\"role_parent\" checked"))

            // Nobody's card shows relatives he does not have.
            let teacher = try await admin.get("/admin/people/\(TinySchool.teacher)").text
            #expect(!teacher.contains("<h2>Дети</h2>"))
            #expect(!teacher.contains("Родители и законные представители"))
        }
    }

    // MARK: New staff

    @Test(arguments: TestDatabases.flavors)
    func aStaffAccountFormRefusesInRussianAndWritesNothing(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await Self.signedInAdmin(client)
            let form = try await admin.get("/admin/people/new")
            #expect(form.status == .ok)
            #expect(form.text.contains("Новая учётная запись"))
            let people = try await Stored.count(database, "SELECT COUNT(*) AS n FROM people")
            let accounts = try await Stored.accounts(database)
            let events = try await Stored.events(database).count

            let noName = try await admin.post("/admin/people", [("lastName", "  "), ("firstName", "Анна"), ("role_teacher", "on")])
            #expect(noName.status == .unprocessableContent)
            #expect(noName.text.contains("Укажите фамилию и имя."))
            #expect(noName.text.contains("value=\"Анна\""))
            #expect(noName.text.contains("name=\"role_teacher\" checked"))

            let noFirstName = try await admin.post("/admin/people", [("lastName", "Петрова"), ("role_teacher", "on")])
            #expect(noFirstName.status == .unprocessableContent)
            #expect(noFirstName.text.contains("Укажите фамилию и имя."))

            let noRole = try await admin.post("/admin/people", [("lastName", "Петрова"), ("firstName", "Анна")])
            #expect(noRole.status == .unprocessableContent)
            #expect(noRole.text.contains("Отметьте хотя бы одну роль."))
            #expect(noRole.text.contains("value=\"Петрова\""))

            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM people") == people)
            #expect(try await Stored.accounts(database) == accounts)
            #expect(try await Stored.events(database).count == events)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aNewStaffAccountGetsASlipWhosePasswordSignsInOnceAndMustBeChanged(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await Self.signedInAdmin(client)
            try await admin.get("/admin/people/new")
            let answer = try await admin.post(
                "/admin/people",
                [("lastName", " Петрова "), ("firstName", "Анна"), ("patronymic", "Сергеевна"), ("role_teacher", "on"), ("role_homeroom", "on")]
            )
            #expect(answer.status == .ok)
            let slips = PageText.slips(answer.text)
            #expect(slips.count == 1)
            let slip = try #require(slips.first)
            #expect(slip.fullName == "Петрова Анна Сергеевна")
            #expect(slip.login == "petrova.as")
            #expect(slip.address == "http://127.0.0.1:8080")
            #expect(slip.password.count >= 10)
            let account = try await Stored.count(database, "SELECT id AS n FROM accounts WHERE login = 'petrova.as'")
            #expect(try await Stored.roles(database, account: account) == ["homeroom", "teacher"])
            #expect(try await Stored.events(database, kind: "account_created").map(\.login) == ["petrova.as"])

            let newcomer = Browser(client, address: "198.51.100.40")
            let signIn = try await newcomer.signIn(slip.login, slip.password)
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/password")
            #expect(try await newcomer.get("/").location == "/password")
            let page = try await newcomer.get("/password")
            #expect(page.text.contains("Придумайте свой пароль"))
            // Once only.
            let again = try await Browser(client, address: "198.51.100.41").signIn(slip.login, slip.password)
            #expect(again.status == .unauthorized)
            #expect(again.text.contains("Этот одноразовый пароль уже использован"))
        }
    }

    // MARK: Credentials for a class

    @Test(arguments: TestDatabases.flavors)
    func issuingToAClassCreatesAccountsAndLeavesExistingOnesAlone(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.volkovFamily) { client, database in
            // Аксёнова has her account and is signed in on a phone and in an app before the slips are printed.
            let phone = Browser(client, address: "198.51.100.50")
            try await phone.signIn(Login.pupil)
            #expect(try await phone.get("/").status == .ok)
            var app = APIClient(client: client)
            try await app.signIn(Login.pupil)

            let admin = try await Self.signedInAdmin(client)
            try await admin.get("/admin/people?class=1")
            let answer = try await admin.post("/admin/classes/1/credentials", [("who", "pupils")])
            #expect(answer.status == .ok)
            #expect(answer.text.contains("Учётные данные учеников 5А"))
            #expect(answer.text.contains("У 1 чел. учётная запись уже есть"))
            let slips = PageText.slips(answer.text)
            #expect(slips.map(\.fullName) == ["Волков Илья", "Волкова Анна"])
            #expect(slips.map(\.login) == ["volkov.i", "volkova.a"])
            #expect(Set(slips.map(\.password)).count == 2)
            #expect(slips.allSatisfy { $0.address == "http://127.0.0.1:8080" && $0.password.count >= 10 })
            #expect(!answer.text.contains("Борисов"))

            // The new accounts are pupils' with a one-time password; Аксёнова's account and sessions are untouched.
            let volkov = try await Stored.count(database, "SELECT id AS n FROM accounts WHERE login = 'volkov.i'")
            #expect(try await Stored.roles(database, account: volkov) == ["student"])
            #expect(try await Stored.count(database, "SELECT person_id AS n FROM accounts WHERE login = 'volkov.i'") == TinySchool.volkov)
            #expect(try await phone.get("/").status == .ok)
            #expect(try await app.call(.get, "/api/v1/me").status == .ok)

            for slip in slips {
                let browser = Browser(client, address: "198.51.100.52")
                let signIn = try await browser.signIn(slip.login, slip.password)
                #expect(signIn.location == "/password", "\(slip.login)")
            }
            let created = try await Stored.events(database, kind: "account_created").map(\.login)
            #expect(created == ["volkov.i", "volkova.a"])
            #expect(try await Stored.events(database, kind: "password_reset").isEmpty)

            // Pressing the button again issues nothing new.
            let again = try await admin.post("/admin/classes/1/credentials", [("who", "pupils")])
            #expect(PageText.slips(again.text).isEmpty)
            #expect(again.text.contains("Новых листков нет"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func issuingToParentsGivesEachParentOneSlip(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.volkovFamily) { client, database in
            let father = Browser(client, address: "198.51.100.60")
            try await father.signIn(Login.parent)
            let admin = try await Self.signedInAdmin(client)
            try await admin.get("/admin/people?class=1")
            let answer = try await admin.post("/admin/classes/1/credentials", [("who", "parents")])
            #expect(answer.status == .ok)
            #expect(answer.text.contains("Учётные данные родителей 5А"))
            let slips = PageText.slips(answer.text)
            // Волкова is the mother of two pupils of 5А and gets one slip; Аксёнов has his account already.
            #expect(slips.map(\.fullName) == ["Волкова Светлана Игоревна"])
            #expect(slips.map(\.login) == ["volkova.si"])
            #expect(answer.text.components(separatedBy: "Волкова Светлана Игоревна").count == 2)
            let mother = try await Stored.count(database, "SELECT id AS n FROM accounts WHERE login = 'volkova.si'")
            #expect(try await Stored.roles(database, account: mother) == ["parent"])
            #expect(try await father.get("/").status == .ok)
            // Pupils get nothing when parents are chosen.
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM accounts WHERE person_id = \(bind: TinySchool.volkov)") == 0)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func issuingToAClassNeedsAChoiceAndAClassOfThisSchool(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await Self.signedInAdmin(client)
            let accounts = try await Stored.accounts(database)
            let none = try await admin.post("/admin/classes/1/credentials")
            #expect(none.status == .unprocessableContent)
            #expect(none.text.contains("Выберите, кому выдать учётные данные: ученикам или родителям."))
            let wrong = try await admin.post("/admin/classes/1/credentials", [("who", "teachers")])
            #expect(wrong.status == .unprocessableContent)
            let otherSchool = try await admin.post("/admin/classes/1001/credentials", [("who", "pupils")])
            #expect(otherSchool.status == .notFound)
            #expect(try await Stored.accounts(database) == accounts)
        }
    }

    // MARK: Deactivating, reactivating, resetting

    @Test(arguments: TestDatabases.flavors)
    func deactivationEndsSessionsAtTheNextRequestAndSignInFailsLikeAWrongPassword(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = Browser(client, address: "198.51.100.70")
            try await teacher.signIn(Login.teacher)
            #expect(try await teacher.get("/").status == .ok)
            var app = APIClient(client: client)
            try await app.signIn(Login.teacher)
            #expect(try await app.call(.get, "/api/v1/courses").status == .ok)

            let admin = try await Self.signedInAdmin(client)
            try await admin.get("/admin/people/\(TinySchool.teacher)")
            let off = try await admin.post("/admin/people/\(TinySchool.teacher)/deactivate")
            #expect(off.status == .seeOther)
            #expect(off.location == "/admin/people/\(TinySchool.teacher)")
            let card = try await admin.get("/admin/people/\(TinySchool.teacher)")
            #expect(card.text.contains("<dd>Отключена</dd>"))
            #expect(card.text.contains("action=\"/admin/people/\(TinySchool.teacher)/reactivate\""))
            #expect(try await admin.get("/admin/people?role=teacher").text.contains("<span class=\"badge\">отключена</span>"))

            let page = try await teacher.get("/")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/login") == true)
            let api = try await app.call(.get, "/api/v1/courses")
            #expect(api.status == .unauthorized)
            #expect(try errorCode(api) == "invalid_token")

            let again = try await Browser(client, address: "198.51.100.71").signIn(Login.teacher)
            let wrong = try await Browser(client, address: "198.51.100.72").signIn(Login.otherTeacher, "совсем не тот пароль")
            #expect(again.status == .unauthorized)
            #expect(again.status == wrong.status)
            #expect(again.text.contains("Неверный логин или пароль."))
            #expect(again.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("zhurnal=") })
            var token = APIClient(client: client, address: "203.0.113.70")
            let apiAgain = try await token.signIn(Login.teacher)
            #expect(apiAgain.status == .unauthorized)
            #expect(try errorCode(apiAgain) == "invalid_credentials")

            try await admin.get("/admin/people/\(TinySchool.teacher)")
            let on = try await admin.post("/admin/people/\(TinySchool.teacher)/reactivate")
            #expect(on.status == .seeOther)
            #expect(try await admin.get("/admin/people/\(TinySchool.teacher)").text.contains("<dd>Действует</dd>"))
            let back = Browser(client, address: "198.51.100.73")
            #expect(try await back.signIn(Login.teacher).location == "/")
            #expect(try await back.get("/").status == .ok)
            // The sessions that ended stay ended.
            #expect(try await teacher.get("/").location?.hasPrefix("/login") == true)
            #expect(try await app.call(.get, "/api/v1/courses").status == .unauthorized)

            let kinds = try await Stored.events(database).filter { $0.kind.hasPrefix("account_") }
            #expect(kinds.map(\.kind) == ["account_deactivated", "account_reactivated"])
            #expect(kinds.allSatisfy { $0.login == Login.teacher && $0.detail == "by \(Login.admin)" })
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func resettingAPasswordEndsSessionsAndPrintsASlip(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = Browser(client, address: "198.51.100.80")
            try await teacher.signIn(Login.teacher)
            var app = APIClient(client: client)
            try await app.signIn(Login.teacher)

            let admin = try await Self.signedInAdmin(client)
            try await admin.get("/admin/people/\(TinySchool.teacher)")
            let answer = try await admin.post("/admin/people/\(TinySchool.teacher)/credentials")
            #expect(answer.status == .ok)
            let slip = try #require(PageText.slips(answer.text).first)
            #expect(slip.fullName == "Смирнова Ольга Петровна")
            #expect(slip.login == Login.teacher)

            #expect(try await teacher.get("/").location?.hasPrefix("/login") == true)
            #expect(try await app.call(.get, "/api/v1/courses").status == .unauthorized)
            #expect(try await Browser(client, address: "198.51.100.81").signIn(Login.teacher).status == .unauthorized)
            let fresh = Browser(client, address: "198.51.100.82")
            #expect(try await fresh.signIn(Login.teacher, slip.password).location == "/password")
            let card = try await admin.get("/admin/people/\(TinySchool.teacher)")
            #expect(card.text.contains("Выдан одноразовый пароль, действует до 26.10.2026"))
            #expect(try await Stored.events(database, kind: "password_reset").map(\.login) == [Login.teacher])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func anAdministratorCannotDeactivateResetOrDemoteHimself(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await Self.signedInAdmin(client)
            let accounts = try await Stored.accounts(database)
            for action in ["deactivate", "credentials", "roles", "second-factor/remove"] {
                try await admin.get("/admin/people/\(AccessSchool.admin)")
                let answer = try await admin.post("/admin/people/\(AccessSchool.admin)/\(action)")
                #expect(answer.status == .forbidden, "\(action)")
                #expect(answer.text.contains("У вас нет прав"), "\(action)")
            }
            #expect(try await Stored.accounts(database) == accounts)
            #expect(try await Stored.roles(database, account: AccessSchool.admin) == ["admin"])
            #expect(try await admin.get("/admin/people").status == .ok)
            #expect(try await Stored.denials(database).count == 4)
        }
    }

    // MARK: Nobody else

    @Test(arguments: TestDatabases.flavors)
    func nobodyButTheAdministratorOpensOrPostsToAnAdminRoute(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let accounts = try await Stored.accounts(database)
            let roles = try await Stored.allRoles(database)
            let people = try await Stored.count(database, "SELECT COUNT(*) AS n FROM people")
            let pupil = TinySchool.aksyonova
            let reads = ["/admin/people", "/admin/people?class=1", "/admin/people/new", "/admin/people/\(pupil)", "/admin/security"]
            let writes: [(String, [(String, String)])] = [
                ("/admin/people", [("lastName", "Петрова"), ("firstName", "Анна"), ("role_admin", "on")]),
                ("/admin/people/\(pupil)/roles", [("role_admin", "on")]),
                ("/admin/people/\(pupil)/credentials", []),
                ("/admin/people/\(pupil)/deactivate", []),
                ("/admin/people/\(pupil)/reactivate", []),
                ("/admin/people/\(pupil)/second-factor/remove", []),
                ("/admin/classes/1/credentials", [("who", "pupils")]),
                ("/admin/classes/1/credentials", [("who", "parents")]),
            ]
            var refusals = 0
            for login in [Login.director, Login.deputy, Login.teacher, Login.otherTeacher, Login.parent, Login.pupil, Login.observer] {
                let browser = Browser(client, address: "198.51.100.9\(refusals % 10)")
                try await browser.signIn(login)
                #expect(try await browser.get("/").status == .ok, "\(login)")
                let csrf = try #require(browser.csrf, "\(login)")
                for uri in reads {
                    let page = try await browser.get(uri)
                    #expect(page.status == .forbidden, "\(login) GET \(uri)")
                    #expect(page.text.contains("У вас нет прав"), "\(login) GET \(uri)")
                    refusals += 1
                }
                for (uri, fields) in writes {
                    let answer = try await browser.post(uri, fields, csrf: csrf)
                    #expect(answer.status == .forbidden, "\(login) POST \(uri)")
                    #expect(answer.text.contains("У вас нет прав"), "\(login) POST \(uri)")
                    refusals += 1
                }
                // The token was good: the same form to his own page goes through.
                #expect(try await browser.post("/account/sessions/end-others", csrf: csrf).status == .seeOther, "\(login)")
            }
            #expect(try await Stored.accounts(database) == accounts)
            #expect(try await Stored.allRoles(database) == roles)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM people") == people)
            #expect(try await Stored.denials(database).count == refusals)
        }
    }

    // MARK: Helpers

    static func signedInAdmin(_ client: any TestClientProtocol) async throws -> Browser {
        let admin = Browser(client, address: "198.51.100.200")
        let answer = try await admin.signIn(Login.admin)
        #expect(answer.location == "/")
        try await admin.get("/")
        return admin
    }

    /// The names in the list's table, in its order.
    static func names(_ response: TestResponse) -> [String] {
        PageText.rows(response.text).map { row in
            row.first.map { $0.replacingOccurrences(of: " отключена", with: "") } ?? ""
        }
    }

    /// Sixty people named Яковлев, so that a search gets two pages.
    @Sendable static func sixtyYakovlevs(_ database: Database) async throws {
        try await database.write { sql in
            var people = RowBatch(table: "people", columns: ["school_id", "id", "last_name", "first_name", "patronymic", "created_at"])
            for number in 1...60 {
                people.append([1, 100 + number, "Яковлев", "Имя" + (number < 10 ? "0" : "") + String(number), String?.none, "2026-09-01T09:00:00Z"])
            }
            try await people.flush(into: sql)
            try await IdentitySequences.advance(sql, flavor: database.flavor)
        }
    }

    /// Волкова Светлана Игоревна, mother of Волков Илья and of Волкова Анна, who joins 5А; none of them has an account.
    @Sendable static func volkovFamily(_ database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO people (school_id, id, last_name, first_name, patronymic, created_at) VALUES
                (1, 30, 'Волкова', 'Светлана', 'Игоревна', '2026-09-01T09:00:00Z'),
                (1, 31, 'Волкова', 'Анна', NULL, '2026-09-01T09:00:00Z')
                """
            ).run()
            try await sql.raw(
                "INSERT INTO enrolments (school_id, id, student_id, class_id, starts_on, ends_on) VALUES (1, 30, 31, 1, '2026-09-01', NULL)"
            ).run()
            try await sql.raw(
                """
                INSERT INTO guardianships (school_id, guardian_id, student_id, relation) VALUES
                (1, 30, \(bind: TinySchool.volkov), 'мать'), (1, 30, 31, 'мать')
                """
            ).run()
            try await IdentitySequences.advance(sql, flavor: database.flavor)
        }
    }
}
