import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The final-marks sheet through the API: TinySchool's mathematics in 5А (5 hours a week, so 5 marks a quarter) over
/// four quarters, "today" 12.10 in the first. Аксёнова has 3 marks in it, Волков 1; Борисов left on 01.10.
struct YearMarksAPITests {
    static let sheet = "/api/v1/courses/1/year-marks"
    static func mark(_ student: Int) -> String { "/api/v1/courses/1/year-marks/\(student)" }
    static func period(_ student: Int) -> String { "/api/v1/courses/1/term-marks/\(student)" }
    static let (aksyonova, borisov, volkov) = (TinySchool.aksyonova, TinySchool.borisov, TinySchool.volkov)

    static func withYear(_ flavor: SQLFlavor, _ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void) async throws {
        try await TestApp.withSchool(flavor, extraSeed: { try await TinySchool.addLaterQuarters(into: $0) }, body)
    }

    static func student(_ sheet: [String: Any], _ id: Int) throws -> [String: Any] {
        try #require((sheet["students"] as? [[String: Any]])?.first { $0["id"] as? Int == id })
    }

    static func periods(_ student: [String: Any]) throws -> [[String: Any]] {
        try #require(student["periods"] as? [[String: Any]])
    }

    static func part(_ student: [String: Any], _ kind: String) throws -> [String: Any] {
        try #require(student[kind] as? [String: Any])
    }

    @Test(arguments: TestDatabases.flavors)
    func theSheetShowsEveryPeriodWithItsProposalAndWhyNone(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, _ in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let answer = try await teacher.call(.get, Self.sheet)
            #expect(answer.status == .ok)
            let sheet = try json(answer)
            #expect(
                (sheet["periods"] as? [[String: Any]])?.map { $0["name"] as? String } == ["1 четверть", "2 четверть", "3 четверть", "4 четверть"]
            )
            #expect((sheet["year"] as? [String: Any])?["name"] as? String == "2026/27")
            #expect(sheet["examShown"] as? Bool == false)
            let locks = try #require(sheet["locks"] as? [String: Any])
            #expect(locks.count == 3 && locks.values.allSatisfy { $0 is NSNull })
            #expect((sheet["students"] as? [[String: Any]])?.map { $0["id"] as? Int } == [Self.aksyonova, Self.borisov, Self.volkov])

            let aksyonova = try Self.student(sheet, Self.aksyonova)
            #expect(aksyonova["leftOn"] is NSNull)
            let first = try Self.periods(aksyonova)[0]
            #expect(first["member"] as? Bool == true)
            #expect(first["weightedAverage"] as? String == "4.33")
            #expect(first["markCount"] as? Int == 3)
            #expect(first["proposedMark"] is NSNull)
            #expect(first["proposal"] as? String == "Недостаточно отметок: 3 из 5 необходимых")
            #expect(first["warning"] is NSNull)
            #expect(first["mark"] is NSNull)
            let year = try Self.part(aksyonova, "year")
            #expect(year["proposedMark"] is NSNull)
            #expect(year["proposal"] as? String == "Нет отметки за 1 четверть, 2 четверть, 3 четверть, 4 четверть")
            #expect(try Self.part(aksyonova, "final")["proposal"] as? String == "Сначала поставьте годовую отметку")
            #expect(try Self.part(aksyonova, "exam")["proposal"] is NSNull)

            // Борисов belonged to the course in the first quarter only.
            let borisov = try Self.student(sheet, Self.borisov)
            #expect(borisov["leftOn"] as? String == "2026-10-01")
            #expect(try Self.periods(borisov).map { $0["member"] as? Bool } == [true, false, false, false])
            #expect(try Self.part(borisov, "year")["proposal"] as? String == "Нет отметки за 1 четверть")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aGradeBelowTheAccumulationMinimumIsSavedWithAWarning(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let saved = try await teacher.call(.put, Self.period(Self.aksyonova), json: "{\"periodId\": 1, \"value\": \"4\"}")
            #expect(saved.status == .ok)
            let body = try json(saved)
            #expect(body["value"] as? String == "4")
            let warning = try #require(body["warning"] as? [String: Any])
            #expect(warning["code"] as? String == "too_few_marks")
            #expect(warning["message"] as? String == "Накопляемость не выполнена: 3 из 5 необходимых отметок за период.")
            // The sheet flags him too.
            let sheet = try json(try await teacher.call(.get, Self.sheet))
            let first = try Self.periods(try Self.student(sheet, Self.aksyonova))[0]
            #expect((first["warning"] as? [String: Any])?["code"] as? String == "too_few_marks")
            #expect((first["mark"] as? [String: Any])?["value"] as? String == "4")
            // н/а is the answer to too few marks: no warning.
            let notAttested = try await teacher.call(.put, Self.period(Self.aksyonova), json: "{\"periodId\": 1, \"value\": \"н/а\", \"version\": 1}")
            #expect(try json(notAttested)["warning"] is NSNull)
            // With five marks the minimum is met.
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO marks (school_id, lesson_id, student_id, work_type_id, value, work_date, author_id, entered_at, updated_at)
                    VALUES (1, 4, \(bind: Self.volkov), 1, '4', '2026-10-12', 1, '2026-10-12T09:00:00Z', '2026-10-12T09:00:00Z'),
                           (1, 4, \(bind: Self.volkov), 1, '4', '2026-10-12', 1, '2026-10-12T09:00:00Z', '2026-10-12T09:00:00Z'),
                           (1, 4, \(bind: Self.volkov), 1, '5', '2026-10-12', 1, '2026-10-12T09:00:00Z', '2026-10-12T09:00:00Z'),
                           (1, 4, \(bind: Self.volkov), 1, '4', '2026-10-12', 1, '2026-10-12T09:00:00Z', '2026-10-12T09:00:00Z')
                    """
                ).run()
            }
            let met = try await teacher.call(.put, Self.period(Self.volkov), json: "{\"periodId\": 1, \"value\": \"4\"}")
            #expect(met.status == .ok)
            #expect(try json(met)["warning"] is NSNull)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func yearExamAndFinalMarksWithTheirProposals(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            for (period, value) in zip(1...4, ["4", "5", "4", "5"]) {
                let answer = try await teacher.call(.put, Self.period(Self.aksyonova), json: "{\"periodId\": \(period), \"value\": \"\(value)\"}")
                #expect(answer.status == .ok)
            }
            var sheet = try json(try await teacher.call(.get, Self.sheet))
            // 4, 5, 4, 5: a mean of 4.5 rounds for the pupil.
            #expect(try Self.part(try Self.student(sheet, Self.aksyonova), "year")["proposedMark"] as? String == "5")

            let year = try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"year\", \"value\": \"5\"}")
            #expect(year.status == .ok)
            let yearBody = try json(year)
            #expect(yearBody["kind"] as? String == "year")
            #expect(yearBody["value"] as? String == "5")
            #expect(yearBody["version"] as? Int == 1)
            #expect(yearBody["studentId"] as? Int == Self.aksyonova)
            sheet = try json(try await teacher.call(.get, Self.sheet))
            #expect(try Self.part(try Self.student(sheet, Self.aksyonova), "final")["proposedMark"] as? String == "5")

            // Any course takes an exam mark; once there is one, the sheet shows the column.
            #expect(try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"exam\", \"value\": \"3\"}").status == .ok)
            sheet = try json(try await teacher.call(.get, Self.sheet))
            #expect(sheet["examShown"] as? Bool == true)
            let aksyonova = try Self.student(sheet, Self.aksyonova)
            #expect((try Self.part(aksyonova, "exam")["mark"] as? [String: Any])?["value"] as? String == "3")
            // (5 + 3) / 2 = 4.
            #expect(try Self.part(aksyonova, "final")["proposedMark"] as? String == "4")
            #expect(try Self.part(aksyonova, "final")["proposal"] as? String == "Предлагается 4")
            let final = try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"final\", \"value\": \"4\"}")
            #expect(try json(final)["version"] as? Int == 1)

            // Changed with the version seen; a stale one is a conflict; null removes.
            #expect(
                try errorCode(try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"year\", \"value\": \"4\"}")) == "conflict"
            )
            let changed = try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"year\", \"value\": \"4\", \"version\": 1}")
            #expect(try json(changed)["version"] as? Int == 2)
            let removed = try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"exam\", \"value\": null, \"version\": 1}")
            let removedBody = try json(removed)
            #expect(removedBody["version"] as? Int == 0)
            #expect(removedBody["value"] is NSNull && removedBody["id"] is NSNull)

            let history = try await database.read { try await JournalHistory.of(school: 1, .termMark, id: "1:year:\(Self.aksyonova)", in: $0) }
            #expect(history.map(\.action) == ["create", "update"])
            #expect(history.map(\.newValue) == ["5", "4"])
            #expect(history.allSatisfy { $0.actorRole == "teacher" })
            #expect(try await database.read { try await JournalHistory.of(school: 1, .termMark, id: "1:exam:\(Self.aksyonova)", in: $0) }.count == 2)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func badInputIsRefusedWithItsReason(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let uri = Self.mark(Self.aksyonova)
            #expect(try errorCode(try await teacher.call(.put, uri, json: "{\"kind\": \"period\", \"value\": \"5\"}")) == "unknown_kind")
            #expect(try errorCode(try await teacher.call(.put, uri, json: "{\"kind\": \"четверть\", \"value\": \"5\"}")) == "unknown_kind")
            let noKind = try await teacher.call(.put, uri, json: "{\"value\": \"5\"}")
            #expect(noKind.status == .badRequest)
            #expect(try errorCode(noKind) == "bad_request")
            #expect(try (json(noKind)["error"] as? [String: Any])?["message"] as? String == "Не хватает поля «kind».")
            for value in ["6", "4/3", "5.5", "５", "н"] {
                let refused = try await teacher.call(.put, uri, json: "{\"kind\": \"year\", \"value\": \"\(value)\"}")
                #expect(refused.status == .unprocessableContent, "\(value)")
                #expect(try errorCode(refused) == "invalid_mark", "\(value)")
            }
            // A pupil of another class, and one of another school.
            #expect(
                try errorCode(try await teacher.call(.put, Self.mark(AccessSchool.otherPupil), json: "{\"kind\": \"year\", \"value\": \"5\"}"))
                    == "pupil_not_enrolled"
            )
            #expect(
                try errorCode(try await teacher.call(.put, Self.mark(AccessSchool.otherSchoolPupil), json: "{\"kind\": \"final\", \"value\": \"5\"}"))
                    == "pupil_not_enrolled"
            )
            #expect(
                try await teacher.call(.put, "/api/v1/courses/999/year-marks/2", json: "{\"kind\": \"year\", \"value\": \"5\"}").status == .notFound
            )
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM term_marks") == 0)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func onlyTheTeacherEntersAndTheDeputyCorrectsWithAReason(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let body = "{\"kind\": \"year\", \"value\": \"5\"}"
            let other = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.call(.put, Self.mark(Self.aksyonova), json: body).status == .forbidden)
            #expect(try await other.call(.get, Self.sheet).status == .forbidden)
            let director = try await APIClient.signedIn(client, AccessSchool.Login.director)
            #expect(try await director.call(.get, Self.sheet).status == .ok)
            #expect(try await director.call(.put, Self.mark(Self.aksyonova), json: body).status == .forbidden)
            let parent = try await APIClient.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, Self.sheet).status == .forbidden)
            let stranger = try await APIClient.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await stranger.call(.get, Self.sheet).status == .notFound)
            #expect(try await stranger.call(.put, Self.mark(Self.aksyonova), json: body).status == .notFound)

            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            #expect(try errorCode(try await deputy.call(.put, Self.mark(Self.aksyonova), json: body)) == "reason_required")
            let corrected = try await deputy.call(
                .put,
                Self.mark(Self.aksyonova),
                json: "{\"kind\": \"year\", \"value\": \"5\", \"reason\": \"решение педсовета\"}"
            )
            #expect(corrected.status == .ok)
            let history = try await database.read { try await JournalHistory.of(school: 1, .termMark, id: "1:year:\(Self.aksyonova)", in: $0) }
            #expect(history.map(\.actorRole) == ["deputy"])
            #expect(history.map(\.reason) == ["решение педсовета"])
            #expect(try await Stored.denials(database).count >= 5)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theYearMarkLocksWithTheLastPeriodAndEverythingWithTheArchive(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            try await database.write { try await $0.raw("UPDATE periods SET closed_at = '2027-05-28T10:00:00Z' WHERE id = 4").run() }
            let year = "{\"kind\": \"year\", \"value\": \"5\", \"reason\": \"исправление\"}"
            #expect(try errorCode(try await teacher.call(.put, Self.mark(Self.aksyonova), json: year)) == "last_period_closed")
            // Locked for everyone, the deputy too.
            #expect(try errorCode(try await deputy.call(.put, Self.mark(Self.aksyonova), json: year)) == "last_period_closed")
            // Exams come after the last period: still open.
            #expect(try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"exam\", \"value\": \"4\"}").status == .ok)
            #expect(try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"final\", \"value\": \"4\"}").status == .ok)
            #expect(
                try errorCode(try await teacher.call(.put, Self.period(Self.aksyonova), json: "{\"periodId\": 4, \"value\": \"4\"}"))
                    == "period_closed"
            )
            var sheet = try json(try await teacher.call(.get, Self.sheet))
            #expect((sheet["locks"] as? [String: Any])?["year"] as? String == "last_period_closed")
            #expect((sheet["locks"] as? [String: Any])?["exam"] is NSNull)

            try await database.write { try await $0.raw("UPDATE academic_years SET archived_at = '2027-08-20T10:00:00Z' WHERE id = 1").run() }
            for kind in ["exam", "final"] {
                let refused = try await teacher.call(
                    .put,
                    Self.mark(Self.aksyonova),
                    json: "{\"kind\": \"\(kind)\", \"value\": \"5\", \"version\": 1}"
                )
                #expect(try errorCode(refused) == "year_archived")
            }
            #expect(
                try errorCode(try await teacher.call(.put, Self.period(Self.aksyonova), json: "{\"periodId\": 2, \"value\": \"4\"}"))
                    == "year_archived"
            )
            sheet = try json(try await teacher.call(.get, Self.sheet))
            #expect((sheet["locks"] as? [String: Any])?.values.compactMap { $0 as? String } == ["year_archived", "year_archived", "year_archived"])
            #expect((sheet["year"] as? [String: Any])?["archived"] as? Bool == true)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func answersFitTheDocument(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await Self.withYear(flavor) { client, _ in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let get = "get /api/v1/courses/{courseId}/year-marks"
            let put = "put /api/v1/courses/{courseId}/year-marks/{studentId}"
            let term = "put /api/v1/courses/{courseId}/term-marks/{studentId}"
            try OpenAPITests.conforms(try await teacher.call(.get, Self.sheet), to: get, in: document)
            let warned = try await teacher.call(.put, Self.period(Self.aksyonova), json: "{\"periodId\": 1, \"value\": \"4\"}")
            try OpenAPITests.conforms(warned, to: term, in: document)
            try OpenAPITests.conforms(
                try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"year\", \"value\": \"4\"}"),
                to: put,
                in: document
            )
            try OpenAPITests.conforms(
                try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"exam\", \"value\": \"5\"}"),
                to: put,
                in: document
            )
            try OpenAPITests.conforms(
                try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"exam\", \"value\": null, \"version\": 1}"),
                to: put,
                in: document
            )
            try OpenAPITests.conforms(try await teacher.call(.get, Self.sheet), to: get, in: document)
            try OpenAPITests.conforms(
                try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"year\", \"value\": \"7\"}"),
                to: put,
                in: document
            )
            try OpenAPITests.conforms(
                try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"kind\": \"year\", \"value\": \"5\"}"),
                to: put,
                in: document
            )
            try OpenAPITests.conforms(try await teacher.call(.put, Self.mark(Self.aksyonova), json: "{\"value\": 5}"), to: put, in: document)
            try OpenAPITests.conforms(try await teacher.call(.get, "/api/v1/courses/999/year-marks"), to: get, in: document)
            let parent = try await APIClient.signedIn(client, AccessSchool.Login.parent)
            try OpenAPITests.conforms(try await parent.call(.get, Self.sheet), to: get, in: document)
        }
    }
}
