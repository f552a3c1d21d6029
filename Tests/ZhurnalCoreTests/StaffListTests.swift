import Testing

@testable import ZhurnalCore

struct StaffListTests {
    func rows(_ cells: [[String]]) -> [ImportRow] {
        cells.enumerated().map { ImportRow(line: $0.offset + 2, cells: $0.element) }
    }

    let header = ["Фамилия", "Имя", "Отчество", "Роли"]

    @Test func newStaffKnownStaffAndPromotions() throws {
        // Смирнова teaches already and becomes the deputy too; Орлов stays a teacher; Петров is new.
        let known = [
            "смирнова ольга петровна": StaffList.Known(accountID: 11, roles: [.teacher]),
            "орлов иван сергеевич": StaffList.Known(accountID: 12, roles: [.teacher, .homeroom]),
        ]
        let reading = try StaffList.read(
            header: header,
            rows: rows([
                ["Смирнова", "Ольга", "Петровна", "учитель, завуч"],
                ["Орлов", "Иван", "Сергеевич", "Учитель"],
                ["Петров", "Пётр", "", "учитель; директор"],
            ]),
            known: known
        )
        #expect(reading.refusals.isEmpty)
        #expect(reading.promotions == [StaffList.Promotion(line: 2, accountID: 11, added: [.deputy])])
        #expect(reading.unchanged == 1)
        #expect(reading.new.map(\.name.full) == ["Петров Пётр"])
        #expect(reading.new.first?.roles == [.teacher, .director])
    }

    @Test func everyBadRowIsRefusedWithItsLine() throws {
        let reading = try StaffList.read(
            header: header,
            rows: rows([
                ["Иванов", "Иван", "", ""],
                ["Иванова", "Мария", "", "повар"],
                ["Сидоров", "Олег", "", "администратор"],
                ["Кузнецов", "", "", "учитель"],
                ["Лебедев", "Ян", "", "учитель"],
                ["ЛЕБЕДЕВ", "ян", "", "директор"],
                ["Лебедев2", "Ян", "", "учитель"],
            ]),
            known: [:]
        )
        #expect(
            reading.refusals.map { "\($0.line) \($0.code)" } == [
                "2 missing_field", "3 unknown_role", "4 admin_by_hand", "5 missing_field", "7 duplicate_row", "8 bad_name",
            ]
        )
        #expect(reading.new.count == 1)
    }

    @Test func anExportReadBackChangesNothingEvenForTheAdministrator() throws {
        let known = ["тихонов егор русланович": StaffList.Known(accountID: 1, roles: [.admin, .teacher])]
        let reading = try StaffList.read(header: header, rows: rows([["Тихонов", "Егор", "Русланович", "администратор, учитель"]]), known: known)
        #expect(reading.unchanged == 1)
        #expect(reading.refusals.isEmpty && reading.new.isEmpty && reading.promotions.isEmpty)
        #expect(StaffList.word(for: .deputy) == "заместитель директора")
        #expect(StaffList.word(for: .parent) == nil)
    }

    @Test func someoneWithAnotherAccountIsLeftToTheAdministrator() throws {
        // Аксёнов is a parent: a teacher of the same name is not given the parent's account, nor a second one.
        let reading = try StaffList.read(
            header: header,
            rows: rows([["Аксёнов", "Иван", "Петрович", "учитель"]]),
            known: [:],
            taken: ["аксенов иван петрович"]
        )
        #expect(reading.refusals.map(\.code) == ["account_exists"])
    }

    @Test func aListWithoutTheRolesColumnIsRefusedWhole() {
        #expect(throws: RuleRefusal.self) { try StaffList.read(header: ["Фамилия", "Имя"], rows: [], known: [:]) }
    }
}
