import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The attendance reports through the real router, over ``AccessSchool`` with the lessons below; every figure is
/// recomputed by hand in the comments.
///
/// 5А (course 1, Математика; group course 3 across classes):
/// - Аксёнова (from 01.09): lessons 1 (07.09), 2 (14.09), 3 and 6 (05.10), 4 and 5 (12.10) = 6; lesson 7 (14.09) was
///   cancelled and lesson 9 (20.10) is after today (12.10). н on 4 and 5, б on 6: 3 missed, 12.10 a whole day «н»
///   (05.10 not: lesson 3 attended). 3/6 = 50,0 %.
/// - Борисов (01.09–01.10): lessons 1, 2 = 2; б on 2, so 14.09 — whose other lesson was cancelled — a whole day «б».
///   1/2 = 50,0 %.
/// - Волков (from 05.10): lessons 3, 4, 5, 6 and the group's 10 (12.10) = 5; late to 5, н on 10: 1 missed, no day.
///   1/5 = 20,0 %.
/// - the class: 13 lessons, н 3, б 2, у 0 = 5 missed, 5/13 = 38,5 %; days н 1, б 1; 1 late.
///
/// 6Б: Громов (from 01.09): lesson 8 (12.10) and the group's 10 = 2; б on 8, but he came to the group's lesson, so
/// 12.10 is not a missed day. 1/2 = 50,0 %.
/// The school: 4 pupils, 15 lessons, н 3, б 3 = 6 missed, 40,0 %; days н 1, б 1; 1 late.
struct AttendanceReportTests {
    static let range = "from=2026-09-01&to=2026-10-31"

    static func seed(_ database: Database) async throws {
        for (id, course, day, number) in [
            (5, 1, "2026-10-12", 2), (6, 1, "2026-10-05", 2), (7, 1, "2026-09-14", 2), (8, 2, "2026-10-12", 1), (9, 1, "2026-10-20", 1),
        ] {
            try await TinySchool.addLesson(id, course: course, on: day, number: number, teacher: TinySchool.teacher, into: database)
        }
        try await database.write { sql in
            try await sql.raw("UPDATE lessons SET status = 'cancelled' WHERE id = 7").run()
            try await sql.raw("INSERT INTO groups (school_id, id, year_id, class_id, title, kind) VALUES (1, 50, 1, NULL, 'Кружок', 'cross_class')")
                .run()
            try await sql.raw(
                """
                INSERT INTO group_members (school_id, group_id, student_id, starts_on, ends_on)
                VALUES (1, 50, \(bind: TinySchool.volkov), '2026-10-05', NULL), (1, 50, \(bind: AccessSchool.otherPupil), '2026-09-01', NULL)
                """
            ).run()
            try await sql.raw(
                "INSERT INTO courses (school_id, id, year_id, subject_id, group_id, journal_kind, hours_per_week) VALUES (1, 3, 1, 1, 50, 'lesson', 1)"
            ).run()
        }
        try await database.write { sql in
            try await sql.raw("INSERT INTO bells (school_id, lesson_number, starts_at, ends_at) VALUES (1, 3, '10:30', '11:15')").run()
        }
        try await TinySchool.addLesson(10, course: 3, on: "2026-10-12", number: 3, teacher: TinySchool.teacher, into: database)
        try await database.write { sql in
            for (lesson, student, code) in [
                (5, TinySchool.aksyonova, "н"), (6, TinySchool.aksyonova, "б"), (7, TinySchool.aksyonova, "у"), (5, TinySchool.volkov, "оп"),
                (10, TinySchool.volkov, "н"), (8, AccessSchool.otherPupil, "б"),
                (9, TinySchool.aksyonova, "н"),
            ] {
                try await sql.raw(
                    """
                    INSERT INTO attendance (school_id, lesson_id, student_id, code, entered_by, entered_at, updated_at)
                    VALUES (1, \(bind: lesson), \(bind: student), \(bind: code), 1, '2026-10-12T09:00:00Z', '2026-10-12T09:00:00Z')
                    """
                ).run()
            }
        }
    }

    struct Counts: Decodable, Equatable {
        let absent: Int
        let ill: Int
        let excused: Int
        let total: Int
    }

    struct Figures: Decodable, Equatable {
        let lessons: Int
        let missedLessons: Counts
        let missedPercent: String?
        let missedDays: Counts
        let lateLessons: Int
    }

    struct Row: Decodable {
        let id: Int
        let label: String
        let pupils: Int
        let figures: Figures
    }

    struct RangeJSON: Decodable {
        let countedTo: String
        let groupBy: String
        let className: String?
        let rows: [Row]
        let pupils: Int
        let total: Figures
    }

    static func figures(_ lessons: Int, _ missed: (Int, Int, Int), _ percent: String?, days: (Int, Int, Int), late: Int) -> Figures {
        Figures(
            lessons: lessons,
            missedLessons: Counts(absent: missed.0, ill: missed.1, excused: missed.2, total: missed.0 + missed.1 + missed.2),
            missedPercent: percent,
            missedDays: Counts(absent: days.0, ill: days.1, excused: days.2, total: days.0 + days.1 + days.2),
            lateLessons: late
        )
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(String(buffer: response.body).utf8))
    }

    @Test(arguments: TestDatabases.flavors)
    func theSchoolByClassAndAClassByPupilAsCountedByHand(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seed) { client, _ in
            let document = try await OpenAPITests.document()
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let school = try await deputy.call(.get, "/api/v1/reports/attendance?\(Self.range)")
            #expect(school.status == .ok)
            try OpenAPITests.conforms(school, to: "get /api/v1/reports/attendance", in: document)
            let byClass = try Self.decode(RangeJSON.self, school)
            #expect(byClass.groupBy == "class")
            #expect(byClass.countedTo == "2026-10-12")
            #expect(byClass.rows.map(\.label) == ["5А", "6Б"])
            #expect(byClass.rows.map(\.pupils) == [3, 1])
            #expect(byClass.rows[0].figures == Self.figures(13, (3, 2, 0), "38.5", days: (1, 1, 0), late: 1))
            #expect(byClass.rows[1].figures == Self.figures(2, (0, 1, 0), "50.0", days: (0, 0, 0), late: 0))
            #expect(byClass.pupils == 4)
            #expect(byClass.total == Self.figures(15, (3, 3, 0), "40.0", days: (1, 1, 0), late: 1))

            let ofClass = try await deputy.call(.get, "/api/v1/reports/attendance?\(Self.range)&classId=1")
            try OpenAPITests.conforms(ofClass, to: "get /api/v1/reports/attendance", in: document)
            let byPupil = try Self.decode(RangeJSON.self, ofClass)
            #expect(byPupil.groupBy == "pupil")
            #expect(byPupil.className == "5А")
            #expect(byPupil.rows.map(\.label) == ["Аксёнова Мария Ивановна", "Борисов Пётр Олегович", "Волков Илья"])
            #expect(byPupil.rows[0].figures == Self.figures(6, (2, 1, 0), "50.0", days: (1, 0, 0), late: 0))
            #expect(byPupil.rows[1].figures == Self.figures(2, (0, 1, 0), "50.0", days: (0, 1, 0), late: 0))
            #expect(byPupil.rows[2].figures == Self.figures(5, (1, 0, 0), "20.0", days: (0, 0, 0), late: 1))
            #expect(byPupil.total == byClass.rows[0].figures)

            // Only September: Волков had not come yet and has no lessons; Борисов's day is there.
            let september = try Self.decode(
                RangeJSON.self,
                try await deputy.call(.get, "/api/v1/reports/attendance?from=2026-09-01&to=2026-09-30&classId=1")
            )
            #expect(september.rows.map(\.label) == ["Аксёнова Мария Ивановна", "Борисов Пётр Олегович"])
            #expect(september.total == Self.figures(4, (0, 1, 0), "25.0", days: (0, 1, 0), late: 0))

            // A range after today counts no lesson: the share is unknown, not zero.
            let ahead = try Self.decode(RangeJSON.self, try await deputy.call(.get, "/api/v1/reports/attendance?from=2026-10-19&to=2026-10-23"))
            #expect(ahead.total == Self.figures(0, (0, 0, 0), nil, days: (0, 0, 0), late: 0))
            #expect(ahead.rows.map(\.pupils) == [2, 1])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func whoReadsWhichReport(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seed) { client, database in
            let document = try await OpenAPITests.document()
            let stranger = APIClient(client: client)
            for path in ["/api/v1/reports/attendance?from=bad", "/api/v1/reports/attendance/day?page=0"] {
                let refused = try await stranger.call(.get, path)
                #expect(refused.status == .unauthorized)
            }
            let homeroom = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await homeroom.call(.get, "/api/v1/reports/attendance?\(Self.range)&classId=1").status == .ok)
            #expect(try await homeroom.call(.get, "/api/v1/reports/attendance?\(Self.range)&classId=2").status == .forbidden)
            #expect(try await homeroom.call(.get, "/api/v1/reports/attendance?\(Self.range)").status == .forbidden)
            let dayRefused = try await homeroom.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12")
            #expect(dayRefused.status == .forbidden)
            try OpenAPITests.conforms(dayRefused, to: "get /api/v1/reports/attendance/day", in: document)
            let otherHomeroom = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await otherHomeroom.call(.get, "/api/v1/reports/attendance?\(Self.range)&classId=1").status == .forbidden)
            #expect(try await otherHomeroom.call(.get, "/api/v1/reports/attendance?\(Self.range)&classId=2").status == .ok)
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, "/api/v1/reports/attendance?\(Self.range)").status == .forbidden)

            // The observer: the figures by class of the schools he was given, never a pupil's name.
            let observer = try await JournalAPITests.signedIn(client, AccessSchool.Login.observer)
            let own = try await observer.call(.get, "/api/v1/reports/attendance?\(Self.range)")
            #expect(own.status == .ok)
            #expect(try Self.decode(RangeJSON.self, own).total.missedLessons.total == 6)
            let other = try await observer.call(.get, "/api/v1/reports/attendance?\(Self.range)&schoolId=\(AccessSchool.otherSchool)")
            #expect(other.status == .ok)
            try OpenAPITests.conforms(other, to: "get /api/v1/reports/attendance", in: document)
            let otherReport = try Self.decode(RangeJSON.self, other)
            #expect(otherReport.rows.map(\.label) == ["7В"])
            #expect(otherReport.total.missedPercent == nil)
            #expect(!String(buffer: own.body).contains("Аксёнова"))
            #expect(try await observer.call(.get, "/api/v1/reports/attendance?\(Self.range)&classId=1").status == .forbidden)
            #expect(try await observer.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12").status == .forbidden)
            #expect(try await observer.call(.get, "/api/v1/reports/attendance?\(Self.range)&schoolId=3").status == .notFound)

            // Another school's administrator: school 1 and its classes do not exist for him.
            let foreign = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await foreign.call(.get, "/api/v1/reports/attendance?\(Self.range)&schoolId=1").status == .notFound)
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            #expect(try await deputy.call(.get, "/api/v1/reports/attendance?\(Self.range)&classId=1001").status == .notFound)
            for login in [AccessSchool.Login.director, AccessSchool.Login.admin] {
                let reader = try await JournalAPITests.signedIn(client, login)
                #expect(try await reader.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12").status == .ok)
            }
            #expect(try await Stored.denials(database).count >= 8)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func badInputIsRefusedWithItsReason(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let document = try await OpenAPITests.document()
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let cases: [(String, String)] = [
                ("/api/v1/reports/attendance?from=2026-13-01", "bad_date"),
                ("/api/v1/reports/attendance?from=2026-10-02&to=2026-10-01", "bad_range"),
                ("/api/v1/reports/attendance?from=2025-09-01&to=2026-09-02", "range_too_long"),
                ("/api/v1/reports/attendance?classId=x", "bad_class"),
                ("/api/v1/reports/attendance?schoolId=-1", "bad_school"),
                ("/api/v1/reports/attendance/day?date=12.10.2026", "bad_date"),
                ("/api/v1/reports/attendance/day?page=0", "bad_page"),
                ("/api/v1/reports/attendance/day?page=2", "bad_page"),
            ]
            for (path, code) in cases {
                let response = try await deputy.call(.get, path)
                #expect(response.status == .unprocessableContent, "\(path)")
                let error = try #require(try json(response)["error"] as? [String: Any])
                #expect(error["code"] as? String == code, "\(path)")
                #expect((error["message"] as? String)?.isEmpty == false)
                let operation = path.contains("/day") ? "get /api/v1/reports/attendance/day" : "get /api/v1/reports/attendance"
                try OpenAPITests.conforms(response, to: operation, in: document)
            }
            let browser = Browser(client)
            _ = try await browser.signIn(AccessSchool.Login.deputy)
            let page = try await browser.get("/reports/attendance?from=2026-10-02&to=2026-10-01")
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("позже его конца"))
        }
    }

    struct DayJSON: Decodable {
        let page: Int
        let pageCount: Int
        let nextPage: Int?
        let pupils: Int
        let absentPupils: Int
        let wholeDayPupils: Int
        let classes: [DayClass]

        struct DayClass: Decodable {
            let className: String
            let pupils: Int
            let entries: [Entry]
        }

        struct Entry: Decodable {
            let name: String
            let missedLessons: Int
            let lateLessons: Int
            let wholeDay: String?
            let lessons: [Lesson]
        }

        struct Lesson: Decodable, Equatable {
            let number: Int
            let subject: String
            let code: String?
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theWholeSchoolsDay(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seed) { client, _ in
            let document = try await OpenAPITests.document()
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let response = try await deputy.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12")
            #expect(response.status == .ok)
            try OpenAPITests.conforms(response, to: "get /api/v1/reports/attendance/day", in: document)
            let day = try Self.decode(DayJSON.self, response)
            #expect((day.page, day.pageCount, day.nextPage) == (1, 1, nil))
            // Борисов left on 01.10: 5А has two pupils that day, 6Б one; all three have an entry.
            #expect((day.pupils, day.absentPupils, day.wholeDayPupils) == (3, 3, 1))
            #expect(day.classes.map(\.className) == ["5А", "6Б"])
            #expect(day.classes.map(\.pupils) == [2, 1])
            let fifth = day.classes[0].entries
            #expect(fifth.map(\.name) == ["Аксёнова Мария Ивановна", "Волков Илья"])
            #expect(fifth[0].wholeDay == "н")
            #expect(fifth[0].lessons == [.init(number: 1, subject: "Математика", code: "н"), .init(number: 2, subject: "Математика", code: "н")])
            #expect(fifth[1].wholeDay == nil)
            #expect((fifth[1].missedLessons, fifth[1].lateLessons) == (1, 1))
            #expect(fifth[1].lessons.map(\.code) == [nil, "оп", "н"])
            // Громов missed his class's lesson but came to the group's: not the whole day.
            #expect(day.classes[1].entries.map(\.wholeDay) == [nil])
            #expect(day.classes[1].entries.first?.lessons.map(\.code) == ["б", nil])

            // A day without entries lists the classes and nobody in them.
            let quiet = try Self.decode(DayJSON.self, try await deputy.call(.get, "/api/v1/reports/attendance/day?date=2026-10-06"))
            #expect(quiet.absentPupils == 0)
            #expect(quiet.classes.allSatisfy { $0.entries.isEmpty })
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aHomeroomTeacherReadsHisClasssDay(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seed) { client, _ in
            let document = try await OpenAPITests.document()
            let homeroom = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let own = try await homeroom.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12&classId=1")
            #expect(own.status == .ok)
            try OpenAPITests.conforms(own, to: "get /api/v1/reports/attendance/day", in: document)
            let day = try Self.decode(DayJSON.self, own)
            // The class's figures only: Аксёнова and Волков missed lessons, she the whole day.
            #expect(day.classes.map(\.className) == ["5А"])
            #expect((day.pupils, day.absentPupils, day.wholeDayPupils) == (2, 2, 1))
            #expect(try await homeroom.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12&classId=2").status == .forbidden)
            let foreign = try await homeroom.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12&classId=1001")
            #expect(foreign.status == .notFound)
            try OpenAPITests.conforms(foreign, to: "get /api/v1/reports/attendance/day", in: document)

            let browser = Browser(client)
            _ = try await browser.signIn(AccessSchool.Login.teacher)
            let report = try await browser.get("/reports/attendance?\(Self.range)&classId=1")
            #expect(report.status == .ok)
            // His class's day is a link away; the school by class is not his, so no link leads there.
            #expect(report.text.contains("/reports/attendance/day?date=2026-10-12&amp;classId=1"))
            #expect(!report.text.contains("Все классы"))
            // The chart labels pupils with their initials, so that a long name does not run into its bar.
            #expect(report.text.contains(">Аксёнова М. И.</text>"))
            #expect(report.text.contains(">Волков И.</text>"))
            let page = try await browser.get("/reports/attendance/day?date=2026-10-12&classId=1")
            #expect(page.status == .ok)
            #expect(page.text.contains("Посещаемость за 12.10.2026, класс 5А"))
            #expect(!page.text.contains("Громов"))
            let file = try await browser.get("/reports/attendance/day?date=2026-10-12&classId=1&format=csv")
            #expect(file.text.contains("Аксёнова Мария Ивановна"))
            #expect(!file.text.contains("Громов"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theDayIsPaginatedByTenClasses(flavor: SQLFlavor) async throws {
        let seed: @Sendable (Database) async throws -> Void = { database in
            try await Self.seed(database)
            try await database.write { sql in
                for index in 0..<10 {
                    let (person, classID) = (300 + index, 30 + index)
                    try await sql.raw(
                        """
                        INSERT INTO people (school_id, id, last_name, first_name, created_at)
                        VALUES (1, \(bind: person), 'Ученик', \(bind: "№\(index)"), '2026-09-01T09:00:00Z')
                        """
                    ).run()
                    try await sql.raw(
                        """
                        INSERT INTO classes (school_id, id, year_id, parallel, letter, period_kind)
                        VALUES (1, \(bind: classID), 1, 9, \(bind: String(UnicodeScalar(0x0410 + index)!)), 'quarter')
                        """
                    ).run()
                    try await sql.raw(
                        """
                        INSERT INTO enrolments (school_id, id, student_id, class_id, starts_on)
                        VALUES (1, \(bind: 300 + index), \(bind: person), \(bind: classID), '2026-09-01')
                        """
                    ).run()
                }
            }
        }
        try await TestApp.withSchool(flavor, extraSeed: seed) { client, _ in
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let first = try Self.decode(DayJSON.self, try await deputy.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12"))
            #expect((first.page, first.pageCount, first.nextPage) == (1, 2, 2))
            #expect(first.classes.count == 10)
            #expect(first.classes.first?.className == "5А")
            // School-wide totals on every page.
            #expect(first.pupils == 13)
            let second = try Self.decode(DayJSON.self, try await deputy.call(.get, "/api/v1/reports/attendance/day?date=2026-10-12&page=2"))
            #expect((second.page, second.pageCount, second.nextPage) == (2, 2, nil))
            #expect(second.classes.map(\.className) == ["9И", "9Й"])
            #expect(second.absentPupils == 3)

            let browser = Browser(client)
            _ = try await browser.signIn(AccessSchool.Login.deputy)
            let page = try await browser.get("/reports/attendance/day?date=2026-10-12")
            #expect(page.text.contains("Страница 1 из 2"))
            #expect(page.text.contains("/reports/attendance/day?date=2026-10-12&amp;page=2"))
            let file = try await browser.get("/reports/attendance/day?date=2026-10-12&format=csv")
            // The file holds the whole day, not a page.
            #expect(file.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(file.text.contains("Громов Кирилл Андреевич"))
            #expect(file.text.contains("весь день (н)"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePagesChartsAndFiles(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seed) { client, _ in
            let anonymous = try await Browser(client).get("/reports/attendance")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.location?.hasPrefix("/login") == true)

            let browser = Browser(client)
            _ = try await browser.signIn(AccessSchool.Login.deputy)
            let page = try await browser.get("/reports/attendance?\(Self.range)")
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg class=\"attendance-chart\""))
            #expect(page.text.contains("/reports/attendance?\(Self.range.replacingOccurrences(of: "&", with: "&amp;"))&amp;classId=1"))
            let rows = PageText.rows(page.text)
            #expect(rows.first == ["3", "13", "3", "2", "0", "5", "38,5", "1", "1", "0", "2", "1"])
            #expect(page.text.contains("Уроки после 12.10.2026 ещё не прошли"))

            let csv = try await browser.get("/reports/attendance?\(Self.range)&classId=1&format=csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentDisposition]?.contains("attendance-class-1-2026-09-01-2026-10-31.csv") == true)
            let lines = csv.text.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.count == 5)
            #expect(lines[1].contains("Аксёнова Мария Ивановна"))
            #expect(lines[1].contains("50,0"))
            #expect(lines[4].hasPrefix("Итого"))
            let xlsx = try await browser.get("/reports/attendance?\(Self.range)&format=xlsx")
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            #expect(try await browser.get("/reports/attendance?format=pdf").status == .unprocessableContent)

            // The observer's page: no link into a class, since its pupils' names are not his to read.
            let observer = Browser(client, address: "198.51.100.8")
            _ = try await observer.signIn(AccessSchool.Login.observer)
            let aggregate = try await observer.get("/reports/attendance?\(Self.range)")
            #expect(aggregate.status == .ok)
            #expect(!aggregate.text.contains("classId=1"))
            #expect(!aggregate.text.contains("/reports/attendance/day"))
        }
    }
}
