import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The final-marks page (`/courses/1/year`): TinySchool's mathematics in 5А over four quarters, "today" 12.10.
struct YearMarksPageTests {
    static let page = "/courses/1/year"
    static let (aksyonova, borisov, volkov) = (TinySchool.aksyonova, TinySchool.borisov, TinySchool.volkov)

    static func withYear(
        _ flavor: SQLFlavor,
        _ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void
    ) async throws {
        try await TestApp.withSchool(flavor, extraSeed: { try await TinySchool.addLaterQuarters(into: $0) }, body)
    }

    static func row(_ html: String, _ student: Int) throws -> String {
        try JournalPageTests.row(html, student: student)
    }

    /// A field as the page shows it, with what it showed and the version (an unchanged `was` is not sent).
    static func field(_ name: String, _ value: String, was: String = "", version: Int = 0) -> [(String, String)] {
        [(name, value), ("was_" + name, was), ("v_" + name, String(version))]
    }

    static func termMarks(_ database: Database) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT kind, period_id, student_id, value FROM term_marks ORDER BY student_id, kind, period_id").all().map { row in
                let period = try row.decode(column: "period_id", as: Int?.self).map { ":\($0)" } ?? ""
                return "\(try row.decode(column: "student_id", as: Int.self)) \(try row.decode(column: "kind", as: String.self))\(period) "
                    + (try row.decode(column: "value", as: String.self))
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theSheetShowsEveryPeriodAndTheProposals(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, _ in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            // The grid's period switcher leads here.
            #expect(try await teacher.get("/courses/1/journal").text.contains("<li><a href=\"/courses/1/year\">Итоговые</a></li>"))
            let answer = try await teacher.get(Self.page)
            #expect(answer.status == .ok)
            let html = answer.text
            #expect(html.contains("<h1 id=\"year-title\">Математика, 5А: итоговые отметки</h1>"))
            #expect(html.contains("<a href=\"/courses/1/journal?periodId=1\">1 четверть</a>"))
            #expect(html.contains("aria-current=\"page\">Итоговые</a>"))
            #expect(html.contains("Классическое округление"))
            for title in ["1 четверть", "2 четверть", "3 четверть", "4 четверть", "Годовая", "Итоговая"] {
                #expect(html.contains(">\(title)</th>"), "\(title)")
            }
            // No exam column in the 5th grade until an exam mark is entered.
            #expect(!html.contains(">Экзамен</th>"))
            #expect(!html.contains("name=\"exam_"))
            #expect(html.contains("<form method=\"post\" action=\"/courses/1/year\""))

            let aksyonova = try Self.row(html, Self.aksyonova)
            #expect(aksyonova.contains("name=\"p1_\(Self.aksyonova)\""))
            #expect(aksyonova.contains("aria-label=\"Аксёнова Мария Ивановна, 1 четверть\""))
            #expect(aksyonova.contains("Мало отметок: 3 из 5"))
            // The later quarters have had no lesson yet: no "too few marks" there.
            #expect(aksyonova.components(separatedBy: "Мало отметок").count - 1 == 1)
            #expect(!html.contains("field-error") && !html.contains("role=\"alert\""))
            #expect(aksyonova.contains("Нет отметки за 1 четверть, 2 четверть, 3 четверть, 4 четверть"))
            #expect(aksyonova.contains("Сначала поставьте годовую отметку"))
            #expect(aksyonova.contains("name=\"year_\(Self.aksyonova)\""))
            #expect(aksyonova.contains("name=\"final_\(Self.aksyonova)\""))
            // Борисов left on 01.10: shown apart, a field for the first quarter only.
            let left = try #require(html.range(of: ">Выбыли</th>"))
            #expect(try #require(html.range(of: "<tr data-student=\"\(Self.borisov)\">")).lowerBound > left.upperBound)
            let borisov = try Self.row(html, Self.borisov)
            #expect(borisov.contains("выбыл(а) 01.10.2026"))
            #expect(borisov.contains("name=\"p1_\(Self.borisov)\""))
            #expect(!borisov.contains("name=\"p2_\(Self.borisov)\""))
            #expect(borisov.components(separatedBy: "term-cell outside").count - 1 == 3)
            #expect(!html.contains("<script"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theWholeTableIsSavedInOneGo(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get(Self.page)
            let a = Self.aksyonova
            let saved = try await teacher.post(
                Self.page,
                Self.field("p1_\(a)", "4") + Self.field("p2_\(a)", "5") + Self.field("p3_\(a)", "4") + Self.field("p4_\(a)", " 5 ")
                    + Self.field("year_\(a)", "5") + Self.field("final_\(a)", "") + Self.field("p1_\(Self.volkov)", "н/а")
                    + Self.field("year_\(Self.volkov)", "")
            )
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/courses/1/year?saved=1")
            #expect(
                try await Self.termMarks(database) == ["2 period:1 4", "2 period:2 5", "2 period:3 4", "2 period:4 5", "2 year 5", "4 period:1 н/а"]
            )
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM history WHERE entity = 'term_mark'") == 6)

            let html = try await teacher.get("/courses/1/year?saved=1").text
            #expect(html.contains("Сохранено."))
            let row = try Self.row(html, a)
            #expect(row.contains("name=\"year_\(a)\" value=\"5\""))
            #expect(row.contains("name=\"v_year_\(a)\" value=\"1\""))
            // 4, 5, 4, 5 → 5; the final mark is proposed from the year mark.
            #expect(row.contains("Предлагается 5"))
            // Four grades below the minimum: each flagged, in words.
            #expect(row.components(separatedBy: "<span class=\"warn\">Накопляемость не выполнена:").count - 1 == 4)
            #expect(row.contains("Накопляемость не выполнена: 3 из 5 необходимых отметок за период."))
            #expect(!(try Self.row(html, Self.volkov)).contains("class=\"warn\""))

            // Saving again what the page shows changes nothing.
            let again = try await teacher.post(Self.page, Self.field("year_\(a)", "5", was: "5", version: 1))
            #expect(again.status == .seeOther)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM history WHERE entity = 'term_mark'") == 6)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func everyRefusedFieldIsNamedAndNothingIsWritten(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get(Self.page)
            let refused = try await teacher.post(
                Self.page,
                Self.field("p1_\(Self.aksyonova)", "6") + Self.field("year_\(Self.volkov)", "отл") + Self.field("p2_\(Self.aksyonova)", "4")
                    + Self.field("p2_\(Self.borisov)", "4")
            )
            #expect(refused.status == .unprocessableContent)
            let html = refused.text
            #expect(html.contains("Отметки не сохранены: исправьте отмеченные поля (3) и сохраните ещё раз."))
            #expect(html.contains("<a href=\"#p1_\(Self.aksyonova)\">Аксёнова Мария Ивановна, 1 четверть: Отметка «6» вне шкалы"))
            #expect(html.contains("<a href=\"#year_\(Self.volkov)\">Волков Илья, Годовая: Отметка «отл» не распознана"))
            #expect(html.contains("Борисов Пётр Олегович, 2 четверть: Ученик не учился на этом курсе в этом периоде."))
            // Each refused field carries its own message, and only those fields; Борисов's has no field to carry it
            // (he was not there in that quarter), so the list above names it.
            #expect(html.components(separatedBy: "<span class=\"field-error\"").count - 1 == 2)
            #expect(html.components(separatedBy: "Отметки не сохранены").count - 1 == 1)
            let row = try Self.row(html, Self.aksyonova)
            // What was typed comes back, the refused field marked and described.
            #expect(row.contains("name=\"p1_\(Self.aksyonova)\" value=\"6\""))
            #expect(row.contains("aria-invalid=\"true\" aria-describedby=\"err-p1_\(Self.aksyonova)\""))
            #expect(row.contains("name=\"p2_\(Self.aksyonova)\" value=\"4\""))
            #expect(try await Self.termMarks(database) == [])
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM history") == 0)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aStaleFieldShowsWhatIsStoredNow(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get(Self.page)
            #expect(try await teacher.post(Self.page, Self.field("year_\(Self.aksyonova)", "4")).status == .seeOther)
            // A second tab still shows the empty field.
            let stale = try await teacher.post(Self.page, Self.field("year_\(Self.aksyonova)", "3") + Self.field("final_\(Self.aksyonova)", "3"))
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Эту запись уже изменили (теперь версия 1)"))
            let row = try Self.row(stale.text, Self.aksyonova)
            #expect(row.contains("name=\"year_\(Self.aksyonova)\" value=\"4\""))
            #expect(row.contains("name=\"final_\(Self.aksyonova)\" value=\"3\""))
            #expect(try await Self.termMarks(database) == ["2 year 4"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func readersSeeMarksWithoutAForm(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get(Self.page)
            #expect(try await teacher.post(Self.page, Self.field("year_\(Self.aksyonova)", "4")).status == .seeOther)

            let director = try await JournalPageTests.signedIn(client, AccessSchool.Login.director)
            let html = try await director.get(Self.page).text
            #expect(!html.contains("<form method=\"post\" action=\"/courses/1/year\""))
            #expect(!html.contains("class=\"term-input\""))
            #expect(html.contains("Вы можете только просматривать эти отметки."))
            #expect(try Self.row(html, Self.aksyonova).contains("<span class=\"term-value\">4</span>"))
            #expect(try await director.post(Self.page, Self.field("year_\(Self.aksyonova)", "5", was: "4", version: 1)).status == .forbidden)

            let other = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.get(Self.page).status == .forbidden)
            let parent = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.get(Self.page).status == .forbidden)
            let stranger = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await stranger.get(Self.page).status == .notFound)
            #expect(try await Self.termMarks(database) == ["2 year 4"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func closedPeriodsAndTheArchiveLockTheirFields(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            try await database.write { try await $0.raw("UPDATE periods SET closed_at = '2026-10-24T10:00:00Z' WHERE id = 1").run() }
            var html = try await teacher.get(Self.page).text
            #expect(html.contains("Период «1 четверть» закрыт: его отметки изменить нельзя."))
            #expect(!html.contains("name=\"p1_\(Self.aksyonova)\""))
            #expect(html.contains("name=\"p2_\(Self.aksyonova)\""))
            #expect(html.contains("name=\"year_\(Self.aksyonova)\""))
            // A forged field of the closed period is refused all the same.
            let forged = try await teacher.post(Self.page, Self.field("p1_\(Self.aksyonova)", "5"))
            #expect(forged.status == .unprocessableContent)
            #expect(forged.text.contains("Период закрыт"))

            try await database.write { try await $0.raw("UPDATE periods SET closed_at = '2027-05-28T10:00:00Z' WHERE id = 4").run() }
            html = try await teacher.get(Self.page).text
            #expect(html.contains("Последний период года закрыт"))
            #expect(!html.contains("name=\"year_\(Self.aksyonova)\""))
            #expect(html.contains("name=\"final_\(Self.aksyonova)\""))

            try await database.write { try await $0.raw("UPDATE academic_years SET archived_at = '2027-08-20T10:00:00Z' WHERE id = 1").run() }
            html = try await teacher.get(Self.page).text
            #expect(html.contains("Учебный год сдан в архив"))
            #expect(!html.contains("<form method=\"post\" action=\"/courses/1/year\""))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theDeputyCorrectsWithAReason(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let deputy = try await JournalPageTests.signedIn(client, AccessSchool.Login.deputy)
            let form = try await deputy.get(Self.page).text
            #expect(form.contains("<label for=\"reason\">Причина исправления</label>"))
            let refused = try await deputy.post(Self.page, Self.field("year_\(Self.aksyonova)", "5"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Укажите причину исправления"))
            #expect(refused.text.contains("name=\"year_\(Self.aksyonova)\" value=\"5\""))
            let saved = try await deputy.post(Self.page, Self.field("year_\(Self.aksyonova)", "5") + [("reason", "решение педсовета")])
            #expect(saved.status == .seeOther)
            let history = try await database.read { try await JournalHistory.of(school: 1, .termMark, id: "1:year:\(Self.aksyonova)", in: $0) }
            #expect(history.map(\.actorRole) == ["deputy"])
            #expect(history.map(\.reason) == ["решение педсовета"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func anExamParallelHasTheExamColumn(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(
            flavor,
            extraSeed: { database in
                try await TinySchool.addLaterQuarters(into: database)
                try await database.write { try await $0.raw("UPDATE classes SET parallel = 9 WHERE id = 1").run() }
            }
        ) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let html = try await teacher.get(Self.page).text
            #expect(html.contains(">Экзамен</th>"))
            #expect(html.contains("colspan=\"8\""))
            let saved = try await teacher.post(
                Self.page,
                Self.field("year_\(Self.aksyonova)", "3") + Self.field("exam_\(Self.aksyonova)", "4")
            )
            #expect(saved.status == .seeOther)
            // (3 + 4) / 2 rounds half up to 4.
            #expect(try Self.row(try await teacher.get(Self.page).text, Self.aksyonova).contains("Предлагается 4"))
            #expect(try await Self.termMarks(database) == ["2 exam 4", "2 year 3"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aBrokenFormAndAMissingTokenAreRefused(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get(Self.page)
            // A pupil who is not on the course has no field on the page, but his refusal is named.
            let stranger = try await teacher.post(Self.page, Self.field("year_\(AccessSchool.otherPupil)", "5"))
            #expect(stranger.status == .unprocessableContent)
            #expect(stranger.text.contains("Поле «year_\(AccessSchool.otherPupil)»: Этот ученик не учился на этом курсе в этом учебном году."))
            let broken = try await teacher.post(Self.page, [("grade_2", "5")])
            #expect(broken.status == .badRequest)
            #expect(broken.text.contains("Форма испорчена"))
            let forged = try await teacher.post(Self.page, Self.field("year_\(Self.aksyonova)", "5"), includeCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(try await Self.termMarks(database) == [])
        }
    }

    /// The page and a save of the whole table cost a fixed number of statements, whatever the class's size.
    @Test func theSheetCostsAFixedNumberOfStatements() async throws {
        try await Self.withYear(.sqlite) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            try await teacher.get(Self.page)
            let (_, reading) = try await database.statements.measure { try await teacher.get(Self.page) }
            // Session (1), the course's facts (1), then one snapshot: the course (1), the sheet (2), the year's grid (1).
            #expect(reading == 6)
            let fields = [Self.aksyonova, Self.volkov].flatMap { pupil in
                Self.field("p1_\(pupil)", "4") + Self.field("year_\(pupil)", "4") + Self.field("final_\(pupil)", "4")
            }
            let (saved, writing) = try await database.statements.measure { try await teacher.post(Self.page, fields) }
            #expect(saved.status == .seeOther)
            // Session (1), the course's facts (1), then one transaction: the sheet (2), the grid (1), the current marks,
            // one insert and the history (3).
            #expect(writing == 8)
        }
    }
}
