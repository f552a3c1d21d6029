import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The journal's pages: the grid of TinySchool's mathematics in 5А (first quarter; "today" is 12.10) and the plain
/// lesson page whose form saves the whole class.
struct JournalPageTests {
    /// The HTML of one pupil's row of the grid.
    static func row(_ html: String, student: Int) throws -> String {
        let start = try #require(html.range(of: "<tr data-student=\"\(student)\">"))
        let end = try #require(html.range(of: "</tr>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func signedIn(_ client: any TestClientProtocol, _ login: String) async throws -> Browser {
        let browser = Browser(client)
        try await browser.signIn(login)
        return browser
    }

    @Test(arguments: TestDatabases.flavors)
    func theGridShowsPupilsLessonsCellsAndAverages(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            let page = try await teacher.get("/courses/1/journal")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1 id=\"journal-title\">Математика, 5А</h1>"))
            #expect(html.contains("aria-current=\"page\">1 четверть</a>"))
            // Lessons by date, each linking to its page, the topic as the column's title.
            for (id, day) in [(1, "07.09"), (2, "14.09"), (3, "05.10"), (4, "12.10")] {
                #expect(html.contains("title=\"Тема \(id)\"><a href=\"/lessons/\(id)\">\(day)</a>"))
            }
            // Аксёнова: 5 (07.09), 4 (14.09), 5 (05.10), н (12.10); 26/6 = 4,33; too few marks for a proposal.
            let aksyonova = try Self.row(html, student: TinySchool.aksyonova)
            #expect(aksyonova.contains(">Аксёнова Мария Ивановна</th>"))
            #expect(aksyonova.contains(">5</span>"))
            #expect(aksyonova.contains(">4</span>"))
            #expect(aksyonova.contains("<span class=\"code\">н</span>"))
            #expect(aksyonova.contains("<td class=\"sum average\">4,33</td>"))
            #expect(aksyonova.contains("Недостаточно отметок: 3 из 5 необходимых"))
            // Волков arrived on 05.10: no cells before it.
            let volkov = try Self.row(html, student: TinySchool.volkov)
            #expect(volkov.components(separatedBy: "class=\"cell outside\"").count - 1 == 2)
            #expect(volkov.contains("<td class=\"sum average\">3,00</td>"))
            // Борисов left on 01.10: shown apart, below the others, his cells only inside his enrolment.
            let left = try #require(html.range(of: "Выбыли"))
            #expect(try #require(html.range(of: "<tr data-student=\"\(TinySchool.borisov)\">")).lowerBound > left.upperBound)
            #expect(try #require(html.range(of: "<tr data-student=\"\(TinySchool.volkov)\">")).lowerBound < left.lowerBound)
            let borisov = try Self.row(html, student: TinySchool.borisov)
            #expect(borisov.components(separatedBy: "class=\"cell outside\"").count - 1 == 2)
            #expect(borisov.contains("<span class=\"code\">б</span>"))
            // The teacher keeps this journal: the grid is editable; 12.10 and 05.10 are open, 07.09 is past the window.
            #expect(html.contains("data-editable=\"true\""))
            #expect(aksyonova.contains("<td class=\"cell open\" data-lesson=\"4\""))
            #expect(aksyonova.contains("<td class=\"cell\" data-lesson=\"1\""))
            #expect(html.contains("<script src=\"/static/journal.js\" defer></script>"))
            #expect(!html.contains("onclick") && !html.contains("<script>"))
            // The start page links to his journals.
            #expect(try await teacher.get("/").text.contains("<a href=\"/courses/1/journal\">Математика, 5А</a>"))
        }
    }

    @Test func theScriptIsServedAsJavaScript() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let script = try await client.execute(uri: "/static/journal.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("X-CSRF-Token"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theGridIsReadByThoseWhoMaySeeTheCourseOnly(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let deputy = try await Self.signedIn(client, AccessSchool.Login.deputy)
            let read = try await deputy.get("/courses/1/journal")
            #expect(read.status == .ok)
            // The deputy reads and may correct (with a reason), so the grid is editable for him too.
            #expect(read.text.contains("data-editable=\"true\""))
            let director = try await Self.signedIn(client, AccessSchool.Login.director)
            let directors = try await director.get("/courses/1/journal")
            #expect(directors.status == .ok)
            #expect(!directors.text.contains("data-editable"))
            #expect(!directors.text.contains("id=\"work-type\""))

            let other = try await Self.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.get("/courses/1/journal").status == .forbidden)
            #expect(try await other.get("/lessons/4").status == .forbidden)
            #expect(try await other.post("/lessons/4", [("att_4", "н"), ("was_4", "")]).status == .forbidden)
            let stranger = try await Self.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await stranger.get("/courses/1/journal").status == .notFound)
            #expect(try await stranger.get("/lessons/4").status == .notFound)
            let parent = try await Self.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.get("/courses/1/journal").status == .forbidden)
            // Nothing was written by the refused form, and the refusals are in the security log.
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM attendance WHERE lesson_id = 4 AND student_id = 4") == 0)
            #expect(try await Stored.denials(database).count >= 4)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func namesAndTopicsAreEscaped(flavor: SQLFlavor) async throws {
        let evil = "<script>alert(1)</script>"
        try await TestApp.withSchool(
            flavor,
            extraSeed: { database in
                try await database.write { sql in
                    try await sql.raw("UPDATE people SET last_name = \(bind: evil) WHERE id = \(bind: TinySchool.aksyonova)").run()
                    try await sql.raw("UPDATE lessons SET topic = \(bind: "\"><b>" + evil) WHERE id = 4").run()
                    try await sql.raw("UPDATE marks SET comment = \(bind: evil) WHERE id = 1").run()
                }
            }
        ) { client, _ in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            for uri in ["/courses/1/journal", "/lessons/4", "/lessons/1"] {
                let html = try await teacher.get(uri).text
                #expect(!html.contains(evil), "\(uri)")
                #expect(!html.contains("\"><b>"), "\(uri)")
                #expect(html.contains("&lt;script&gt;"), "\(uri)")
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theLessonFormSavesTheWholeClassInOneGo(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            let form = try await teacher.get("/lessons/4")
            #expect(form.status == .ok)
            #expect(form.text.contains("<form method=\"post\" action=\"/lessons/4\""))
            // Pupils of the lesson's day only: Борисов had left.
            #expect(form.text.contains("name=\"att_\(TinySchool.aksyonova)\""))
            #expect(form.text.contains("name=\"mark_\(TinySchool.volkov)\""))
            #expect(!form.text.contains("name=\"att_\(TinySchool.borisov)\""))
            let saved = try await teacher.post(
                "/lessons/4",
                [
                    ("version", "1"), ("topic", "Дроби"), ("homework", "№ 5, 6"), ("workType", "2"),
                    ("was_\(TinySchool.aksyonova)", "н"), ("att_\(TinySchool.aksyonova)", "оп"), ("mark_\(TinySchool.aksyonova)", "5 4"),
                    ("was_\(TinySchool.volkov)", ""), ("att_\(TinySchool.volkov)", "н"), ("mark_\(TinySchool.volkov)", ""),
                ]
            )
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/lessons/4?saved=1")
            #expect(try await teacher.get("/lessons/4?saved=1").text.contains("Сохранено."))
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM attendance WHERE lesson_id = 4 AND student_id = 2 AND code = 'оп'") == 1
            )
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM attendance WHERE lesson_id = 4 AND student_id = 4 AND code = 'н'") == 1
            )
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM marks WHERE lesson_id = 4 AND student_id = 2 AND work_type_id = 2") == 2
            )
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE id = 4 AND topic = 'Дроби'") == 1)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM homework WHERE lesson_id = 4 AND body = '№ 5, 6'") == 1)
            // Every change has its history line: two attendance, two marks, the topic and the homework.
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM history WHERE lesson_id = 4") == 6)
            // The grid shows them.
            let row = try Self.row(try await teacher.get("/courses/1/journal").text, student: TinySchool.aksyonova)
            #expect(row.contains("<span class=\"code\">оп</span>"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aBadMarkRefusesTheFormAndWritesNothing(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get("/lessons/4")
            let counts = { () async throws -> [Int] in
                [
                    try await Stored.count(database, "SELECT COUNT(*) AS n FROM marks"),
                    try await Stored.count(database, "SELECT COUNT(*) AS n FROM attendance"),
                    try await Stored.count(database, "SELECT COUNT(*) AS n FROM history"),
                    try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE topic = 'Тема 4'"),
                ]
            }
            let before = try await counts()
            let refused = try await teacher.post(
                "/lessons/4",
                [
                    ("version", "1"), ("topic", "Новая тема"), ("homework", ""), ("workType", "1"),
                    ("was_\(TinySchool.aksyonova)", "н"), ("att_\(TinySchool.aksyonova)", "оп"), ("mark_\(TinySchool.aksyonova)", "5"),
                    ("was_\(TinySchool.volkov)", ""), ("att_\(TinySchool.volkov)", ""), ("mark_\(TinySchool.volkov)", "6"),
                ]
            )
            #expect(refused.status == .unprocessableContent)
            let html = refused.text
            #expect(html.contains("role=\"alert\" id=\"lesson-error\">Волков Илья: "))
            // The values typed come back, the wrong one marked.
            #expect(html.contains("value=\"Новая тема\""))
            #expect(html.contains("name=\"mark_\(TinySchool.volkov)\" value=\"6\""))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(html.contains("<option value=\"оп\" selected>"))
            #expect(try await counts() == before)
        }
    }

    /// What the grid's script needs to edit a cell in place is on the page: each mark's version, work type and comment,
    /// the term mark's version, which columns want a reason, whether the history opens, and the editor's dialog.
    @Test(arguments: TestDatabases.flavors)
    func theGridCarriesWhatItsEditorNeeds(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(
            flavor,
            extraSeed: { database in
                try await database.write { try await $0.raw("UPDATE marks SET comment = 'устно' WHERE id = 5").run() }
            }
        ) { client, database in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            let api = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            _ = try await api.call(.put, "/api/v1/courses/1/term-marks/\(TinySchool.aksyonova)", json: "{\"periodId\": 1, \"value\": \"4\"}")
            let html = try await teacher.get("/courses/1/journal").text
            #expect(html.contains("data-history=\"true\""))
            #expect(!html.contains("data-term-reason"))
            // The teacher needs no reason within the window, and 07.09 and 14.09 are closed to him altogether.
            #expect(!html.contains("data-reason"))
            let aksyonova = try Self.row(html, student: TinySchool.aksyonova)
            #expect(
                aksyonova.contains(
                    "<span class=\"mark\" data-id=\"5\" data-version=\"1\" data-work-type=\"1\" data-comment=\"устно\" title=\"Ответ на уроке (вес 1): устно\">5</span>"
                )
            )
            #expect(aksyonova.contains("<td class=\"sum term open\" tabindex=\"-1\" data-version=\"1\"><span class=\"term-value\">4</span></td>"))
            let volkov = try Self.row(html, student: TinySchool.volkov)
            #expect(volkov.contains("<td class=\"sum term open\" tabindex=\"-1\" data-version=\"0\"><span class=\"term-value\"></span></td>"))
            // The editor: labelled fields, the school's work types, the reason's field, the history's place.
            #expect(html.contains("<dialog class=\"cell-editor\" id=\"cell-editor\" aria-labelledby=\"editor-title\">"))
            for label in ["editor-value", "editor-work-type", "editor-comment", "editor-reason"] {
                #expect(html.contains("<label for=\"\(label)\""), "\(label)")
            }
            #expect(html.contains("<option value=\"2\">Контрольная работа (вес 4)</option>"))
            #expect(html.contains("id=\"editor-history-list\""))

            // The deputy corrects with a reason everywhere: every open column and the term marks say so.
            let deputy = try await Self.signedIn(client, AccessSchool.Login.deputy)
            let deputys = try await deputy.get("/courses/1/journal").text
            #expect(deputys.contains("data-term-reason=\"true\""))
            #expect(deputys.contains("data-history=\"true\""))
            #expect(deputys.components(separatedBy: "data-reason=\"true\"").count - 1 == 4)
            // The director reads the grid, but neither writes nor reads the history.
            let director = try await Self.signedIn(client, AccessSchool.Login.director)
            let directors = try await director.get("/courses/1/journal").text
            #expect(!directors.contains("data-history"))
            #expect(directors.contains("<td class=\"sum term\" tabindex=\"-1\" data-version=\"1\">"))
            // A closed period: the term marks are read only, for the teacher too.
            try await database.write { try await $0.raw("UPDATE periods SET closed_at = '2026-10-12T08:00:00Z' WHERE id = 1").run() }
            let closed = try await teacher.get("/courses/1/journal").text
            #expect(!closed.contains("sum term open"))
            #expect(closed.contains("data-history=\"true\""))
        }
    }

    /// The grid page's statements do not grow with the class: measured, and held to a budget.
    @Test func theGridPageCostsAFixedNumberOfStatements() async throws {
        try await TestApp.withSchool(.sqlite) { client, database in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get("/courses/1/journal")
            var durations: [Duration] = []
            var statements: [Int] = []
            for _ in 0..<30 {
                let before = database.statements.value
                let started = ContinuousClock.now
                #expect(try await teacher.get("/courses/1/journal").status == .ok)
                durations.append(ContinuousClock.now - started)
                statements.append(database.statements.value - before)
            }
            durations.sort()
            print("grid page: median \(durations[durations.count / 2]), statements \(Set(statements).sorted())")
            // The session (1), then one snapshot: the course's head (its facts, periods and work types) and the
            // period's pupils, lessons, cells and term marks (2).
            #expect(Set(statements) == [3])
        }
    }
}
