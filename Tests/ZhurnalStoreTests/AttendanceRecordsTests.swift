import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// The attendance reports' reads on both databases: a pupil moved from 6Б to 5А on 05.10 counts in each class for his own
/// days, and the whole school costs a fixed number of statements.
struct AttendanceRecordsTests {
    static let gromov = AccessSchool.otherPupil
    static let september = LocalDate(iso: "2026-09-01")!
    static let today = LocalDate(iso: "2026-10-12")!

    static func seeded(_ flavor: SQLFlavor, _ body: @escaping @Sendable (Database) async throws -> Void) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            // 6Б's lesson on 21.09, while Громов was still there.
            try await TinySchool.addLesson(
                20,
                course: AccessSchool.otherCourse,
                on: "2026-09-21",
                number: 1,
                teacher: AccessSchool.otherTeacher,
                into: database
            )
            try await database.write { sql in
                try await sql.raw("UPDATE enrolments SET ends_on = '2026-10-04' WHERE id = 10").run()
                try await sql.raw(
                    "INSERT INTO enrolments (school_id, id, student_id, class_id, starts_on) VALUES (1, 11, \(bind: gromov), 1, '2026-10-05')"
                ).run()
                for (lesson, code) in [(20, "б"), (3, "н")] {
                    try await sql.raw(
                        """
                        INSERT INTO attendance (school_id, lesson_id, student_id, code, entered_by, entered_at, updated_at)
                        VALUES (1, \(bind: lesson), \(bind: gromov), \(bind: code), 1, '2026-10-05T09:00:00Z', '2026-10-05T09:00:00Z')
                        """
                    ).run()
                }
            }
            try await body(database)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aMovedPupilCountsInEachClassForHisOwnDays(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let span = DateSpan(Self.september, Self.today)
            let (range, statements) = try await database.statements.measure {
                try await database.read { try await AttendanceRecords.range(school: 1, span: span, heldUntil: Self.today, in: $0) }
            }
            #expect(statements == 2)
            #expect(range.members.map(\.className) == ["5А", "5А", "5А", "5А", "6Б"])
            #expect(range.members.filter { $0.studentID == Self.gromov }.map(\.classID) == [1, 2])
            // In 6Б: its lesson of 21.09, missed through illness, a whole day.
            let before = try #require(range.lessons[.init(studentID: Self.gromov, classID: 2)]).tally
            #expect(before.lessons == 1)
            #expect(before.missedDays == AbsenceCounts(ill: 1))
            // In 5А: lessons 3 (05.10) and 4 (12.10), not 1 and 2 of September; 05.10 missed whole, without a reason yet.
            let after = try #require(range.lessons[.init(studentID: Self.gromov, classID: 1)]).tally
            #expect(after.lessons == 2)
            #expect(after.missedLessons == AbsenceCounts(absent: 1))
            #expect(after.missedDays == AbsenceCounts(absent: 1))
            #expect(after.missedShare == Rational(1, 2))

            let (ofClass, classStatements) = try await database.statements.measure {
                try await database.read { try await AttendanceRecords.range(school: 1, span: span, heldUntil: Self.today, classID: 1, in: $0) }
            }
            #expect(classStatements == 2)
            #expect(ofClass.members.map(\.name) == ["Аксёнова Мария Ивановна", "Борисов Пётр Олегович", "Волков Илья", "Громов Кирилл Андреевич"])
            #expect(Set(ofClass.lessons.keys.map(\.classID)) == [1])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aRangeNotYetHeldReadsOnlyItsPupils(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let ahead = DateSpan(Self.today.adding(days: 1), Self.today.adding(days: 7))
            let (range, statements) = try await database.statements.measure {
                try await database.read { try await AttendanceRecords.range(school: 1, span: ahead, heldUntil: Self.today, in: $0) }
            }
            #expect(statements == 1)
            #expect(range.members.count == 3)
            #expect(range.lessons.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theDayOfAMovedPupil(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let (day, statements) = try await database.statements.measure {
                try await database.read { try await AttendanceRecords.day(school: 1, date: LocalDate(iso: "2026-10-05")!, in: $0) }
            }
            #expect(statements == 2)
            // 6Б has nobody that day: Громов left it the day before.
            #expect(day.classes.map(\.name) == ["5А"])
            #expect(day.classes.map(\.pupils) == [3])
            #expect(day.pupils.map(\.studentID) == [Self.gromov])
            #expect(day.pupils.first?.lessons.map(\.code) == [.absent])
            #expect(day.pupils.first?.day.missedDayReason == .absent)
        }
    }
}
