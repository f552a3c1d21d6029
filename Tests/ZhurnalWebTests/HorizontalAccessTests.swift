import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// SECURITY.md, Access control, through the real router: a parent trying other children's ids, a teacher trying
/// another teacher's course, a school's admin trying another school's objects — all refused and logged; no list
/// leaks a row of another school; a client cannot assign roles or schools; a right taken away applies at once.
struct HorizontalAccessTests {
    typealias Login = AccessSchool.Login

    // MARK: Families

    @Test(arguments: TestDatabases.flavors)
    func aParentReadsHisOwnChildAndNoOtherPupil(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            var parent = APIClient(client: client)
            #expect(try await parent.signIn(Login.parent).status == .ok)

            let own = try await parent.call(.get, "/api/v1/students/\(TinySchool.aksyonova)")
            #expect(own.status == .ok)
            #expect(try json(own)["fullName"] as? String == "Аксёнова Мария Ивановна")
            #expect(try json(own)["className"] as? String == "5А")

            for other in [AccessSchool.otherPupil, TinySchool.volkov, TinySchool.borisov] {
                let answer = try await parent.call(.get, "/api/v1/students/\(other)")
                #expect(answer.status == .forbidden, "pupil \(other)")
                #expect(try errorCode(answer) == "forbidden", "pupil \(other)")
            }
            let refused = try await parent.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)")
            #expect(!refused.text.contains("Громов"))

            let otherSchool = try await parent.call(.get, "/api/v1/students/\(AccessSchool.otherSchoolPupil)")
            #expect(otherSchool.status == .notFound)
            #expect(try errorCode(otherSchool) == "not_found")
            #expect(!otherSchool.text.contains("Зайцева"))

            let missing = try await parent.call(.get, "/api/v1/students/99999")
            #expect(missing.status == .notFound)
            #expect(try errorCode(missing) == "not_found")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aPupilReadsHimselfAndNoClassmate(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            var pupil = APIClient(client: client)
            #expect(try await pupil.signIn(Login.pupil).status == .ok)

            let own = try await pupil.call(.get, "/api/v1/students/\(TinySchool.aksyonova)")
            #expect(own.status == .ok)
            #expect(try json(own)["id"] as? Int == TinySchool.aksyonova)
            #expect(try json(own)["fullName"] as? String == "Аксёнова Мария Ивановна")

            for other in [TinySchool.volkov, TinySchool.borisov, AccessSchool.otherPupil] {
                let answer = try await pupil.call(.get, "/api/v1/students/\(other)")
                #expect(answer.status == .forbidden, "pupil \(other)")
                #expect(try errorCode(answer) == "forbidden", "pupil \(other)")
            }
            let otherSchool = try await pupil.call(.get, "/api/v1/students/\(AccessSchool.otherSchoolPupil)")
            #expect(otherSchool.status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func familiesAndTheObserverGetNoCourseList(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            for login in [Login.pupil, Login.parent, Login.observer] {
                var api = APIClient(client: client)
                #expect(try await api.signIn(login).status == .ok, "\(login)")
                let list = try await api.call(.get, "/api/v1/courses")
                #expect(list.status == .forbidden, "\(login)")
                #expect(try errorCode(list) == "forbidden", "\(login)")
                #expect(!list.text.contains("Математика"), "\(login)")
                let course = try await api.call(.get, "/api/v1/courses/\(TinySchool.course)")
                #expect(course.status == .forbidden, "\(login)")
            }
            var observer = APIClient(client: client)
            try await observer.signIn(Login.observer)
            for student in [TinySchool.aksyonova, AccessSchool.otherPupil] {
                let answer = try await observer.call(.get, "/api/v1/students/\(student)")
                #expect(answer.status == .forbidden)
                #expect(try errorCode(answer) == "forbidden")
            }
            // He observes school 2's aggregates, not its pupils.
            #expect(try await observer.call(.get, "/api/v1/students/\(AccessSchool.otherSchoolPupil)").status == .notFound)
        }
    }

    // MARK: Teachers

    @Test(arguments: TestDatabases.flavors)
    func aTeacherSeesOnlyHisOwnCourses(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            var teacher = APIClient(client: client)
            #expect(try await teacher.signIn(Login.teacher).status == .ok)

            let list = try await teacher.call(.get, "/api/v1/courses")
            #expect(list.status == .ok)
            #expect(try courseIDs(list) == [TinySchool.course])
            #expect(!list.text.contains("Орлов"))

            let other = try await teacher.call(.get, "/api/v1/courses/\(AccessSchool.otherCourse)")
            #expect(other.status == .forbidden)
            #expect(try errorCode(other) == "forbidden")
            #expect(!other.text.contains("6Б"))

            let otherSchool = try await teacher.call(.get, "/api/v1/courses/\(AccessSchool.otherSchoolCourse)")
            #expect(otherSchool.status == .notFound)
            #expect(try errorCode(otherSchool) == "not_found")
            #expect(!otherSchool.text.contains("Физика"))

            let own = try await teacher.call(.get, "/api/v1/courses/\(TinySchool.course)")
            #expect(own.status == .ok)
            let body = try json(own)
            #expect(body["id"] as? Int == TinySchool.course)
            #expect(body["subject"] as? String == "Математика")
            #expect(body["group"] as? String == "5А")
            let teachers = try #require(body["teachers"] as? [[String: Any]])
            #expect(teachers.map { $0["fullName"] as? String } == ["Смирнова Ольга Петровна"])
            #expect(teachers.map { $0["id"] as? Int } == [TinySchool.teacher])

            // The pupils of his course, and no one else's.
            #expect(try await teacher.call(.get, "/api/v1/students/\(TinySchool.aksyonova)").status == .ok)
            #expect(try await teacher.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)").status == .forbidden)
        }
    }

    /// Орлов keeps no journal of 6Б here (Смирнова teaches both its courses); as its homeroom teacher he still reads
    /// its pupils and all its subjects, and nothing of 5А.
    @Test(arguments: TestDatabases.flavors)
    func theHomeroomTeacherReadsThePupilsAndCoursesOfHisClass(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.smirnovaTeachesSixB) { client, _ in
            var homeroom = APIClient(client: client)
            #expect(try await homeroom.signIn(Login.otherTeacher).status == .ok)

            let pupil = try await homeroom.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)")
            #expect(pupil.status == .ok)
            #expect(try json(pupil)["fullName"] as? String == "Громов Кирилл Андреевич")
            #expect(try json(pupil)["className"] as? String == "6Б")

            #expect(try await homeroom.call(.get, "/api/v1/students/\(TinySchool.aksyonova)").status == .forbidden)

            let list = try await homeroom.call(.get, "/api/v1/courses")
            #expect(try courseIDs(list) == [AccessSchool.otherCourse, Self.sixBScience])
            #expect(try await homeroom.call(.get, "/api/v1/courses/\(Self.sixBScience)").status == .ok)
            #expect(try await homeroom.call(.get, "/api/v1/courses/\(TinySchool.course)").status == .forbidden)
        }
    }

    // MARK: School administration

    @Test(arguments: TestDatabases.flavors)
    func schoolAdministrationListsEveryCourseOfItsSchoolAndNoRowOfAnother(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            for login in [Login.deputy, Login.director, Login.admin] {
                var api = APIClient(client: client)
                #expect(try await api.signIn(login).status == .ok, "\(login)")
                let list = try await api.call(.get, "/api/v1/courses")
                #expect(list.status == .ok, "\(login)")
                #expect(try courseIDs(list) == [TinySchool.course, AccessSchool.otherCourse], "\(login)")
                #expect(!list.text.contains("Физика"), "\(login)")
                #expect(!list.text.contains("Жуков"), "\(login)")
                #expect(try await api.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)").status == .ok, "\(login)")
                #expect(try await api.call(.get, "/api/v1/courses/\(AccessSchool.otherCourse)").status == .ok, "\(login)")
                let course = try await api.call(.get, "/api/v1/courses/\(AccessSchool.otherSchoolCourse)")
                #expect(course.status == .notFound, "\(login)")
                #expect(try errorCode(course) == "not_found", "\(login)")
                let student = try await api.call(.get, "/api/v1/students/\(AccessSchool.otherSchoolPupil)")
                #expect(student.status == .notFound, "\(login)")
                #expect(try errorCode(student) == "not_found", "\(login)")
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theOtherSchoolsAdminSeesOnlyHisSchool(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            var api = APIClient(client: client)
            #expect(try await api.signIn(Login.otherSchoolAdmin).status == .ok)
            let list = try await api.call(.get, "/api/v1/courses")
            #expect(list.status == .ok)
            #expect(try courseIDs(list) == [AccessSchool.otherSchoolCourse])
            #expect(!list.text.contains("Математика"))
            #expect(try await api.call(.get, "/api/v1/students/\(AccessSchool.otherSchoolPupil)").status == .ok)
            for uri in [
                "/api/v1/courses/\(TinySchool.course)", "/api/v1/courses/\(AccessSchool.otherCourse)",
                "/api/v1/students/\(TinySchool.aksyonova)", "/api/v1/students/\(AccessSchool.otherPupil)",
            ] {
                let answer = try await api.call(.get, uri)
                #expect(answer.status == .notFound, "\(uri)")
                #expect(try errorCode(answer) == "not_found", "\(uri)")
            }

            let browser = Browser(client)
            try await browser.signIn(Login.otherSchoolAdmin)
            for person in [TinySchool.teacher, TinySchool.aksyonova, AccessSchool.admin] {
                let card = try await browser.get("/admin/people/\(person)")
                #expect(card.status == .notFound, "person \(person)")
                #expect(card.text.contains("Такой страницы нет"), "person \(person)")
            }
            let people = try await browser.get("/admin/people")
            #expect(people.status == .ok)
            #expect(people.text.contains("Жуков Павел Андреевич"))
            #expect(people.text.contains("Зайцева Ольга Игоревна"))
            for name in Self.schoolOneSurnames {
                #expect(!people.text.contains(name), "\(name)")
            }
            #expect(PageText.rows(people.text).count == 2)
            // Searching or filtering by school 1's class finds nothing either.
            let search = try await browser.get(PageText.uri("/admin/people?q=аксён"))
            #expect(search.text.contains("Никого не нашлось"))
            let byClass = try await browser.get("/admin/people?class=\(AccessSchool.otherClass)")
            for name in Self.schoolOneSurnames {
                #expect(!byClass.text.contains(name), "\(name)")
            }
        }
    }

    /// Another school's objects are answered as if they did not exist, for writes as for reads, and nothing changes.
    @Test(arguments: TestDatabases.flavors)
    func theOtherSchoolsAdminChangesNothingInThisSchool(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let before = try await Stored.accounts(database)
            let rolesBefore = try await Stored.allRoles(database)
            let teacher = Browser(client, address: "198.51.100.21")
            try await teacher.signIn(Login.teacher)
            let teacherSession = try await Stored.count(
                database,
                "SELECT MAX(id) AS n FROM sessions WHERE account_id = \(bind: TinySchool.teacher)"
            )

            let admin = Browser(client)
            try await admin.signIn(Login.otherSchoolAdmin)
            try await admin.get("/admin/people")
            let person = TinySchool.teacher
            for (uri, fields) in [
                ("/admin/people/\(person)/deactivate", []), ("/admin/people/\(person)/credentials", []),
                ("/admin/people/\(person)/roles", [("role_admin", "on")]), ("/admin/people/\(person)/second-factor/remove", []),
                ("/admin/classes/1/credentials", [("who", "pupils")]), ("/account/sessions/\(teacherSession)/end", []),
            ] as [(String, [(String, String)])] {
                let answer = try await admin.post(uri, fields)
                #expect(answer.status == .notFound, "\(uri)")
            }
            #expect(try await Stored.accounts(database) == before)
            #expect(try await Stored.allRoles(database) == rolesBefore)
            #expect(try await teacher.get("/").status == .ok)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM accounts WHERE person_id = \(bind: TinySchool.volkov)") == 0)
        }
    }

    // MARK: Pages

    @Test(arguments: TestDatabases.flavors)
    func pagesRefuseInRussian(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let parent = Browser(client, address: "198.51.100.31")
            try await parent.signIn(Login.parent)
            let parentSession = try await Stored.count(database, "SELECT MAX(id) AS n FROM sessions WHERE account_id = \(bind: AccessSchool.parent)")

            let teacher = Browser(client)
            try await teacher.signIn(Login.teacher)
            try await teacher.get("/")
            for uri in ["/admin/people", "/admin/people/\(TinySchool.aksyonova)", "/admin/people/new", "/admin/security"] {
                let page = try await teacher.get(uri)
                #expect(page.status == .forbidden, "\(uri)")
                #expect(page.text.contains("У вас нет прав"), "\(uri)")
                #expect(page.text.contains("<html lang=\"ru\">"), "\(uri)")
                #expect(!page.text.contains("Аксёнова"), "\(uri)")
            }
            // Ending another person's session is the administrator's.
            let end = try await teacher.post("/account/sessions/\(parentSession)/end")
            #expect(end.status == .forbidden)
            #expect(end.text.contains("У вас нет прав"))
            #expect(try await parent.get("/").status == .ok)
        }
    }

    // MARK: Logging refusals

    @Test(arguments: TestDatabases.flavors)
    func everyRefusalWithinTheSchoolIsLogged(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            var cases: [(login: String, uri: String)] = [
                (Login.parent, "/api/v1/students/\(AccessSchool.otherPupil)"),
                (Login.pupil, "/api/v1/students/\(TinySchool.volkov)"),
                (Login.teacher, "/api/v1/courses/\(AccessSchool.otherCourse)"),
                (Login.teacher, "/api/v1/students/\(AccessSchool.otherPupil)"),
                (Login.observer, "/api/v1/students/\(TinySchool.aksyonova)"),
                (Login.otherTeacher, "/api/v1/courses/\(TinySchool.course)"),
            ]
            for (login, uri) in cases {
                var api = APIClient(client: client)
                try await api.signIn(login)
                let before = try await Stored.denials(database).count
                #expect(try await api.call(.get, uri).status == .forbidden, "\(login) \(uri)")
                let denials = try await Stored.denials(database)
                #expect(denials.count == before + 1, "\(login) \(uri)")
                #expect(denials.last?.login == login, "\(login) \(uri)")
                #expect(denials.last?.detail?.hasSuffix(uri) == true, "\(login) \(uri)")
            }
            cases = [(Login.teacher, "/admin/people"), (Login.deputy, "/admin/security"), (Login.parent, "/admin/people/new")]
            for (login, uri) in cases {
                let browser = Browser(client)
                try await browser.signIn(login)
                let before = try await Stored.denials(database).count
                #expect(try await browser.get(uri).status == .forbidden, "\(login) \(uri)")
                let denials = try await Stored.denials(database)
                #expect(denials.count == before + 1, "\(login) \(uri)")
                #expect(denials.last?.login == login, "\(login) \(uri)")
                #expect(denials.last?.detail?.hasSuffix(uri) == true, "\(login) \(uri)")
            }
        }
    }

    /// A pupil, a parent or the observer asking for the course list is refused like any other request, and the log
    /// says so.
    @Test(arguments: TestDatabases.flavors)
    func aRefusedCourseListIsLogged(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            for login in [Login.pupil, Login.parent, Login.observer] {
                var api = APIClient(client: client)
                try await api.signIn(login)
                let before = try await Stored.denials(database).count
                #expect(try await api.call(.get, "/api/v1/courses").status == .forbidden, "\(login)")
                let denials = try await Stored.denials(database)
                #expect(denials.count == before + 1, "\(login)")
                #expect(denials.last?.login == login, "\(login)")
                #expect(denials.last?.detail?.hasSuffix("/api/v1/courses") == true, "\(login)")
            }
        }
    }

    /// Ids of another school are answered "not found" (so they cannot be probed), but the probe is a refusal all
    /// the same and leaves its row in the log, as `Access` promises for `.otherSchool`.
    @Test(arguments: TestDatabases.flavors)
    func probingAnotherSchoolsIdsIsLogged(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            var api = APIClient(client: client)
            try await api.signIn(Login.otherSchoolAdmin)
            let browser = Browser(client)
            try await browser.signIn(Login.otherSchoolAdmin)
            for uri in ["/api/v1/students/\(TinySchool.aksyonova)", "/api/v1/courses/\(TinySchool.course)", "/admin/people/\(TinySchool.teacher)"] {
                let before = try await Stored.denials(database).count
                let answer = uri.hasPrefix("/api/") ? try await api.call(.get, uri) : try await browser.get(uri)
                #expect(answer.status == .notFound, "\(uri)")
                let denials = try await Stored.denials(database)
                #expect(denials.count == before + 1, "\(uri)")
                #expect(denials.last?.login == Login.otherSchoolAdmin, "\(uri)")
                #expect(denials.last?.detail?.hasSuffix(uri) == true, "\(uri)")
            }
        }
    }

    // MARK: Mass assignment

    @Test(arguments: TestDatabases.flavors)
    func theRolesFormSetsOnlyTheListedRoles(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let before = try await Stored.accounts(database)
            let rolesBefore = try await Stored.allRoles(database)
            let admin = Browser(client)
            try await admin.signIn(Login.admin)
            try await admin.get("/admin/people/\(AccessSchool.otherPupil)")
            let answer = try await admin.post(
                "/admin/people/\(AccessSchool.otherPupil)/roles",
                [
                    ("role_student", "on"), ("role_homeroom", "on"), ("school_id", "2"), ("account_id", "\(AccessSchool.admin)"),
                    ("person_id", "\(AccessSchool.otherSchoolPupil)"), ("role_superuser", "on"), ("role", "admin"), ("roles", "admin"),
                    ("login", "admin"), ("deactivated_at", ""), ("must_change_password", "0"), ("password_hash", "x"),
                ]
            )
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/admin/people/\(AccessSchool.otherPupil)")
            #expect(try await Stored.roles(database, account: AccessSchool.otherPupil) == ["homeroom", "student"])
            // Nothing else: no account, no other role row, no other school moved.
            #expect(try await Stored.accounts(database) == before)
            let expected = rolesBefore + ["1 \(AccessSchool.otherPupil) homeroom"]
            #expect(try await Stored.allRoles(database) == expected.sorted(by: Self.roleOrder))
            let roleNames = try await database.read { sql in
                try await sql.raw("SELECT DISTINCT role FROM account_roles ORDER BY role").all().map {
                    try $0.decode(column: "role", as: String.self)
                }
            }
            #expect(!roleNames.contains("superuser"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aNewAccountCannotBePlacedInAnotherSchool(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = Browser(client)
            try await admin.signIn(Login.admin)
            try await admin.get("/admin/people/new")
            let answer = try await admin.post(
                "/admin/people",
                [
                    ("lastName", "Соколова"), ("firstName", "Вера"), ("role_teacher", "on"), ("school_id", "2"),
                    ("schoolId", "2"), ("account_id", "1"), ("id", "1"), ("person_id", "1"), ("login", "admin9"), ("role_superuser", "on"),
                ]
            )
            #expect(answer.status == .ok)
            #expect(PageText.slips(answer.text).map(\.login) == ["sokolova.v"])
            let row = try await database.read { sql in
                try #require(
                    try await sql.raw(
                        """
                        SELECT a.school_id, a.id, p.school_id AS person_school, p.id AS person_id
                        FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.login = 'sokolova.v'
                        """
                    ).first()
                )
                .decode(model: NewAccount.self)
            }
            #expect(row.school_id == 1)
            #expect(row.person_school == 1)
            #expect(row.id != 1)
            #expect(row.person_id != 1)
            #expect(try await Stored.roles(database, account: row.id) == ["teacher"])
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM accounts WHERE login = 'admin9'") == 0)
        }
    }

    // MARK: Revoked rights

    /// Смирнова teaches 5А (whose homeroom teacher she is) and, here, 6Б's science. Her `teacher` role taken away in
    /// SQL, her very next call with the same token lists only 5А's course (she reads it as homeroom teacher); with
    /// `homeroom` gone too, the list is refused.
    @Test(arguments: TestDatabases.flavors)
    func aRevokedRightAppliesAtTheNextRequest(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.smirnovaTeachesSixB) { client, database in
            var teacher = APIClient(client: client)
            try await teacher.signIn(Login.teacher)
            let page = Browser(client)
            try await page.signIn(Login.teacher)
            #expect(try courseIDs(try await teacher.call(.get, "/api/v1/courses")).contains(Self.sixBScience))
            #expect(try await teacher.call(.get, "/api/v1/courses/\(Self.sixBScience)").status == .ok)

            try await database.write { sql in
                try await sql.raw("DELETE FROM account_roles WHERE account_id = \(bind: TinySchool.teacher) AND role = 'teacher'").run()
            }
            let list = try await teacher.call(.get, "/api/v1/courses")
            #expect(list.status == .ok)
            #expect(try courseIDs(list) == [TinySchool.course])
            #expect(try await teacher.call(.get, "/api/v1/courses/\(Self.sixBScience)").status == .forbidden)
            #expect(try await teacher.call(.get, "/api/v1/courses/\(TinySchool.course)").status == .ok)

            try await database.write { sql in
                try await sql.raw("DELETE FROM account_roles WHERE account_id = \(bind: TinySchool.teacher)").run()
            }
            #expect(try await teacher.call(.get, "/api/v1/courses").status == .forbidden)
            #expect(try await teacher.call(.get, "/api/v1/courses/\(TinySchool.course)").status == .forbidden)
            #expect(try await teacher.call(.get, "/api/v1/students/\(TinySchool.aksyonova)").status == .forbidden)

            // A right given applies at once as well: the deputy's role opens the administration's reading.
            try await database.write { sql in
                try await sql.raw("INSERT INTO account_roles (school_id, account_id, role) VALUES (1, \(bind: TinySchool.teacher), 'deputy')").run()
            }
            #expect(
                try courseIDs(try await teacher.call(.get, "/api/v1/courses")) == [TinySchool.course, AccessSchool.otherCourse, Self.sixBScience]
            )
            #expect(try await page.get("/admin/people").status == .forbidden)
        }
    }

    // MARK: Fixture

    static let sixBScience = 3

    /// 6Б gets a second course taught by Смирнова, and Смирнова takes over 6Б's first course too.
    @Sendable static func smirnovaTeachesSixB(_ database: Database) async throws {
        try await database.write { sql in
            try await sql.raw("INSERT INTO subjects (school_id, id, name, short_name) VALUES (1, 2, 'Природоведение', 'Природ.')").run()
            try await sql.raw(
                """
                INSERT INTO courses (school_id, id, year_id, subject_id, class_id, journal_kind, hours_per_week)
                VALUES (1, \(bind: sixBScience), 1, 2, \(bind: AccessSchool.otherClass), 'lesson', 2)
                """
            ).run()
            try await sql.raw(
                "INSERT INTO course_teachers (school_id, course_id, teacher_id) VALUES (1, \(bind: sixBScience), \(bind: TinySchool.teacher))"
            ).run()
            try await sql.raw(
                "UPDATE course_teachers SET teacher_id = \(bind: TinySchool.teacher) WHERE school_id = 1 AND course_id = \(bind: AccessSchool.otherCourse)"
            ).run()
            try await IdentitySequences.advance(sql, flavor: database.flavor)
        }
    }

    static let schoolOneSurnames = [
        "Смирнова", "Аксёнова", "Борисов", "Волков", "Кузнецов", "Лебедева", "Морозова", "Орлов", "Аксёнов", "Громов", "Белов",
    ]

    static func roleOrder(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: " ")
        let y = b.split(separator: " ")
        return (Int(x[0])!, Int(x[1])!, x[2]) < (Int(y[0])!, Int(y[1])!, y[2])
    }

    struct NewAccount: Decodable {
        let school_id: Int
        let id: Int
        let person_school: Int
        let person_id: Int
    }
}

/// The ids of a `/api/v1/courses` answer, in its order.
func courseIDs(_ response: TestResponse) throws -> [Int] {
    let courses = try #require(try json(response)["courses"] as? [[String: Any]])
    return courses.compactMap { $0["id"] as? Int }
}
