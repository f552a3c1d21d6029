import Testing

@testable import ZhurnalCore

struct PupilImportTests {
    let header = PupilList.headings
    let year = DateSpan(LocalDate(year: 2026, month: 9, day: 1)!, LocalDate(year: 2027, month: 8, day: 31)!)

    func row(_ line: Int, _ cells: String...) -> ImportRow { ImportRow(line: line, cells: cells) }

    func state(
        pupils: [String: PupilRollState.KnownPupil] = [:],
        guardians: [String: Int] = [:],
        links: Set<PupilRollState.Link> = []
    ) -> PupilRollState {
        PupilRollState(year: year, classes: ["5А": 1, "6Б": 2], pupils: pupils, guardians: guardians, links: links)
    }

    func plan(_ rows: [ImportRow], _ state: PupilRollState) throws -> PupilImportPlan {
        let (entries, refusals) = try PupilList.read(header: header, rows: rows)
        return PupilImportPlan(entries: entries, refusals: refusals, state: state)
    }

    @Test func spreadsheetDates() {
        #expect(LocalDate(spreadsheet: "01.09.2026") == LocalDate(year: 2026, month: 9, day: 1))
        #expect(LocalDate(spreadsheet: " 1.9.2026 ") == LocalDate(year: 2026, month: 9, day: 1))
        #expect(LocalDate(spreadsheet: "2026-09-01") == LocalDate(year: 2026, month: 9, day: 1))
        // Excel's day number for 1 September 2026, and for 1 January 1900.
        #expect(LocalDate(spreadsheet: "46266") == LocalDate(year: 2026, month: 9, day: 1))
        #expect(LocalDate(spreadsheet: "2") == LocalDate(year: 1900, month: 1, day: 1))
        for bad in ["31.02.2015", "1.9.26", "01/09/2026", "сентябрь", "", "0", "1234567", "01.09.2026г", "1..2026"] {
            #expect(LocalDate(spreadsheet: bad) == nil, "\(bad)")
        }
    }

    @Test func ages() {
        let birthday = LocalDate(year: 2015, month: 9, day: 2)!
        #expect(birthday.age(on: LocalDate(year: 2026, month: 9, day: 1)!) == 10)
        #expect(birthday.age(on: LocalDate(year: 2026, month: 9, day: 2)!) == 11)
    }

    @Test func missingColumnsAreNamed() {
        do {
            _ = try PupilList.read(header: ["Фамилия", "имя ", "Дата рождения"], rows: [])
            Issue.record("read without «Класс»")
        } catch {
            #expect(error.code == "missing_column")
            #expect(error.russianMessage.contains("«Класс»"))
        }
        // Headings match whatever their case, spaces and «ё».
        #expect(throws: Never.self) { try PupilList.read(header: [" фамилия", "ИМЯ", "дата рождения", "класс"], rows: []) }
    }

    @Test func aNewPupilWithTwoGuardians() throws {
        let plan = try plan(
            [row(2, "Ёлкина", "анна", "Петровна", "03.04.2015", "5 а", "", "Ёлкина Мария Ивановна", "Мать", "Ёлкин Пётр", "")],
            state()
        )
        #expect(plan.refusals.isEmpty)
        #expect(plan.newPupils == 1 && plan.newGuardians == 2 && plan.knownPupils == 0)
        #expect(plan.newPeople.map(\.name.full) == ["Ёлкина анна Петровна", "Ёлкина Мария Ивановна", "Ёлкин Пётр"])
        #expect(plan.enrolments == [.init(pupil: .new(0), classID: 1, startsOn: year.start)])
        #expect(plan.guardianships.map(\.relation) == ["мать", "законный представитель"])
        #expect(plan.guardianships.map(\.guardian) == [.new(1), .new(2)])
    }

    @Test func everyBadRowIsRefusedByLineWithItsReason() throws {
        let plan = try plan(
            [
                row(2, "Иванов", "", "", "01.01.2015", "5А"),
                row(3, "Иванов", "Иван", "", "31.02.2015", "5А"),
                row(4, "Иванов", "Иван", "", "01.01.2015", "5Г"),
                row(5, "Иванов", "Иван", "", "01.01.2015", "5A"),
                row(6, "Иванов", "Иван", "", "01.01.2015", "А5"),
                row(7, "Иванов2", "Иван", "", "01.01.2015", "5А"),
                row(8, "Иванов", "Иван", "", "01.01.2024", "5А"),
                row(9, "Петренко", "Иван", "", "01.01.2015", "5А", "01.09.2027"),
                row(10, "Иванов", "Иван", "", "01.01.2015", "5А", "", "Иванова", "мать"),
                row(11, "Петров", "Пётр", "", "01.01.2015", "5А", "", "Петрова Анна", "мать", "петрова анна", "мать"),
                row(12, "Сидоров", "Олег", "", "02.02.2015", "5А"),
                row(13, "сидоров", "олег", "", "2015-02-02", "6Б"),
            ],
            state()
        )
        #expect(
            plan.refusals.map { "\($0.line) \($0.code)" } == [
                "2 missing_field", "3 bad_date", "4 unknown_class", "5 bad_letter", "6 bad_class", "7 bad_name",
                "8 bad_birth_date", "9 bad_date", "10 bad_name", "11 duplicate_guardian", "13 duplicate_row",
            ]
        )
        #expect(plan.refusals.first?.russianMessage == "Не заполнено поле «Имя».")
        #expect(plan.refusals.last?.russianMessage == "Этот ученик уже есть в строке 12.")
        #expect(plan.rows == 12 && plan.newPupils == 1)
    }

    @Test func theSameFileAgainChangesNothing() throws {
        let rows = [row(2, "Ёлкина", "Анна", "", "03.04.2015", "5А", "", "Ёлкина Мария", "мать")]
        let known = state(
            pupils: ["елкина анна|2015-04-03": .init(id: 40, className: "5А")],
            guardians: [
                PupilRollState.guardianKey(PersonalName(lastName: "Елкина", firstName: "мария", patronymic: nil), childLastName: "Елкина"): 41
            ],
            links: [.init(guardian: 41, pupil: 40)]
        )
        let plan = try plan(rows, known)
        #expect(plan.refusals.isEmpty && plan.changesNothing && plan.knownPupils == 1)
    }

    @Test func aKnownPupilInAnotherClassIsATransferNotAnImport() throws {
        let plan = try plan(
            [row(2, "Ёлкина", "Анна", "", "03.04.2015", "5А")],
            state(pupils: ["елкина анна|2015-04-03": .init(id: 40, className: "6Б")])
        )
        #expect(plan.refusals.map(\.code) == ["other_class"])
    }

    @Test func aKnownPupilOutOfEveryClassIsEnrolledAgain() throws {
        let plan = try plan(
            [row(2, "Ёлкина", "Анна", "", "03.04.2015", "5А", "12.01.2027")],
            state(pupils: ["елкина анна|2015-04-03": .init(id: 40, className: nil)])
        )
        #expect(plan.enrolments == [.init(pupil: .existing(40), classID: 1, startsOn: LocalDate(year: 2027, month: 1, day: 12)!)])
        #expect(plan.newPeople.isEmpty && plan.knownPupils == 1)
    }

    @Test func brothersShareTheirMotherButNamesakesDoNot() throws {
        let plan = try plan(
            [
                row(2, "Орлов", "Иван", "", "01.01.2015", "5А", "", "Орлова Нина", "мать"),
                row(3, "Орлов", "Павел", "", "01.01.2014", "6Б", "", "Орлова Нина", "мать"),
                // The same name beside a child of another surname is another woman.
                row(4, "Котов", "Илья", "", "01.01.2014", "6Б", "", "Орлова Нина", "мать"),
            ],
            state()
        )
        #expect(plan.refusals.isEmpty)
        #expect(plan.newGuardians == 2)
        #expect(plan.guardianships.map(\.guardian) == [.new(1), .new(1), .new(4)])
        #expect(plan.guardianships.map(\.pupil) == [.new(0), .new(2), .new(3)])
    }

    @Test func aBrotherAndASisterShareTheirFamilyName() {
        for (brother, sister) in [("Ёлкин", "Елкина"), ("Толстой", "Толстая"), ("Вяземский", "Вяземская"), ("Орлов", "Орлова"), ("Цой", "Цой")] {
            #expect(PupilRollState.familyStem(brother) == PupilRollState.familyStem(sister), "\(brother)")
        }
        #expect(PupilRollState.familyStem("Орлов") != PupilRollState.familyStem("Котов"))
        #expect(PupilRollState.familyStem("Ким") == "ким")
    }

    @Test func aKnownMotherIsLinkedToHerNewChild() throws {
        let mother = PersonalName(lastName: "Орлова", firstName: "Нина", patronymic: nil)
        let plan = try plan(
            [row(2, "Орлов", "Павел", "", "01.01.2014", "6Б", "", "Орлова Нина", "мать")],
            state(guardians: [PupilRollState.guardianKey(mother, childLastName: "Орлов"): 7])
        )
        #expect(plan.newGuardians == 0)
        #expect(plan.guardianships == [.init(guardian: .existing(7), pupil: .new(0), relation: "мать")])
    }
}
