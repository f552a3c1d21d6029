import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

struct DiaryQueriesTests {
    static let week = SchoolWeek(iso: DiaryWeekSeed.monday)!

    static func seeded(_ flavor: SQLFlavor, _ body: @escaping @Sendable (Database) async throws -> Void) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            try await DiaryWeekSeed.write(into: database)
            try await body(database)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aPupilsWeekIsOneStatement(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let (week, statements) = try await database.statements.measure {
                try await database.read { sql in
                    try await DiaryQueries.week(
                        school: 1,
                        student: TinySchool.aksyonova,
                        week: Self.week,
                        family: AccessSchool.parent,
                        in: sql
                    )
                }
            }
            #expect(statements == 1)
            // Her class's lesson on Monday, her group's on Tuesday and Thursday; not Friday's, after she left the group.
            #expect(week.lessons.map(\.id) == [3, DiaryWeekSeed.substituted, DiaryWeekSeed.cancelled])
            let monday = week.lessons[0]
            #expect(monday.subject == "Математика" && monday.topic == "Тема 3" && monday.number == 1)
            #expect(monday.startsAt == "08:30" && monday.endsAt == "09:15")
            #expect(monday.teacher == "Смирнова Ольга Петровна" && !monday.substitution)
            #expect(monday.marks.map(\.value) == ["5"])
            #expect(monday.marks.map(\.workType) == ["Ответ на уроке"] && monday.marks.map(\.weight) == [1])
            #expect(monday.attendance == nil)
            // The class's homework first, with its file and due date; then hers; never Волков's own.
            #expect(monday.homework.map(\.body) == ["№ 12, 14", "Доклад о дробях"])
            #expect(monday.homework.map(\.personal) == [false, true])
            #expect(monday.homework[0].dueOn == LocalDate(iso: "2026-10-12"))
            #expect(monday.homework[0].files.map(\.name) == ["задачи.pdf"] && monday.homework[0].files[0].byteSize == 9)
            let tuesday = week.lessons[1]
            #expect(tuesday.subject == "Английский язык" && tuesday.teacher == "Смирнова Ольга Петровна" && tuesday.substitution)
            #expect(tuesday.controlWork == "Контрольная работа")
            #expect(week.lessons[2].cancelled && !week.lessons[1].cancelled)
            #expect(week.children.map(\.fullName) == ["Аксёнова Мария Ивановна"])
            #expect(week.isInSchoolYear)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func eachPupilSeesHisOwnWithinHisEnrolment(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            try await database.read { sql in
                let volkov = try await DiaryQueries.week(school: 1, student: TinySchool.volkov, week: Self.week, in: sql)
                #expect(volkov.lessons.map(\.id) == [3])
                #expect(volkov.lessons[0].marks.map(\.value) == ["3"] && volkov.lessons[0].marks[0].weight == 4)
                #expect(volkov.lessons[0].homework.map(\.body) == ["№ 12, 14", "Повторить § 3"])
                #expect(volkov.children.isEmpty)
                // Борисов left on 01.10: nothing that week; in September his lesson and his illness.
                let borisov = try await DiaryQueries.week(school: 1, student: TinySchool.borisov, week: Self.week, in: sql)
                #expect(borisov.lessons.isEmpty)
                let september = try await DiaryQueries.week(school: 1, student: TinySchool.borisov, week: SchoolWeek(iso: "2026-09-14")!, in: sql)
                #expect(september.lessons.map(\.id) == [2] && september.lessons[0].attendance == "б")
                // A week with one day in the year is in it; the next summer's is not.
                let first = try await DiaryQueries.week(school: 1, student: TinySchool.aksyonova, week: SchoolWeek(iso: "2026-08-31")!, in: sql)
                #expect(first.isInSchoolYear)
                let later = try await DiaryQueries.week(school: 1, student: TinySchool.aksyonova, week: SchoolWeek(iso: "2027-09-06")!, in: sql)
                #expect(!later.isInSchoolYear && later.lessons.isEmpty)
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func familyStudentsAreAParentsChildrenOrThePupilHimself(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let today = LocalDate(iso: "2026-10-12")!
            try await database.read { sql in
                let fathers = try await FamilyStudents.of(school: 1, parent: AccessSchool.parent, pupil: nil, today: today, in: sql)
                #expect(fathers.map(\.fullName) == ["Аксёнова Мария Ивановна"])
                #expect(fathers.map(\.className) == ["5А"] && fathers.map(\.familyConsent) == [true])
                let gromov = try await FamilyStudents.of(school: 1, parent: nil, pupil: AccessSchool.otherPupil, today: today, in: sql)
                #expect(gromov.map(\.className) == ["6Б"] && gromov.map(\.familyConsent) == [false])
                #expect(try await FamilyStudents.of(school: 1, parent: nil, pupil: nil, today: today, in: sql).isEmpty)
                // A parent of school 1 asking in school 2 finds nobody.
                #expect(try await FamilyStudents.of(school: 2, parent: AccessSchool.parent, pupil: nil, today: today, in: sql).isEmpty)
            }
        }
    }
}

struct DiaryMarksQueryTests {
    @Test(arguments: TestDatabases.flavors)
    func aPupilsPeriodIsOneStatement(flavor: SQLFlavor) async throws {
        try await DiaryQueriesTests.seeded(flavor) { database in
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO term_marks (school_id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at)
                    VALUES (1, 1, \(bind: TinySchool.aksyonova), 'period', 1, '4', 1, '2026-10-20T09:00:00Z', '2026-10-20T09:00:00Z')
                    """
                ).run()
            }
            let today = LocalDate(iso: "2026-10-12")!
            let (marks, statements) = try await database.statements.measure {
                try await database.read { sql in
                    try await DiaryQueries.marks(school: 1, student: TinySchool.aksyonova, period: nil, today: today, in: sql)
                }
            }
            #expect(statements == 1)
            let found = try #require(marks)
            #expect(found.pupilName == "Аксёнова Мария Ивановна")
            #expect(found.period.title == "1 четверть" && found.periods.map(\.id) == [1])
            #expect(found.rules.profile == .classic)
            // Mathematics (5 a week) and her English group (3 a week, no marks), by subject.
            #expect(found.courses.map(\.subject) == ["Английский язык", "Математика"])
            let maths = try #require(found.courses.last)
            #expect(maths.weeklyHours == 5 && maths.lessonsHeld == 4 && maths.absences == 1)
            // The English lessons she belonged to: 06.10 held, 08.10 cancelled; 09.10 after she left.
            #expect(found.courses[0].lessonsHeld == 1 && found.courses[0].absences == 0)
            #expect(found.marks.map(\.value) == ["5", "4", "5"] && found.marks.map(\.weight) == [1, 4, 1])
            #expect(found.marks.map(\.workType) == ["Ответ на уроке", "Контрольная работа", "Ответ на уроке"])
            #expect(found.termMarks.map(\.value) == ["4"] && found.termMarks[0].kind == .period && found.termMarks[0].periodID == 1)

            try await database.read { sql in
                #expect(try await DiaryQueries.marks(school: 1, student: TinySchool.aksyonova, period: 1, today: today, in: sql)?.period.id == 1)
                // Not a period of her class; and a pupil of school 2 has none in school 1.
                #expect(try await DiaryQueries.marks(school: 1, student: TinySchool.aksyonova, period: 99, today: today, in: sql) == nil)
                #expect(try await DiaryQueries.marks(school: 1, student: AccessSchool.otherSchoolPupil, period: nil, today: today, in: sql) == nil)
                // Before the year and after it: the first period, the last begun.
                let before = try await DiaryQueries.marks(
                    school: 1,
                    student: TinySchool.aksyonova,
                    period: nil,
                    today: LocalDate(iso: "2026-08-01")!,
                    in: sql
                )
                #expect(before?.period.id == 1)
                let after = try await DiaryQueries.marks(
                    school: 1,
                    student: TinySchool.volkov,
                    period: nil,
                    today: LocalDate(iso: "2027-01-15")!,
                    in: sql
                )
                #expect(after?.period.id == 1 && after?.marks.map(\.value) == ["3"])
            }
        }
    }
}
