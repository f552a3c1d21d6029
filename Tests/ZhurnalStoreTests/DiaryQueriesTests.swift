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
