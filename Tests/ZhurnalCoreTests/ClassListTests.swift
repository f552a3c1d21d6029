import Testing

@testable import ZhurnalCore

struct ClassListTests {
    func row(_ line: Int, _ cells: String...) -> ImportRow { ImportRow(line: line, cells: cells) }

    @Test func newClassesAreReadAndTheKnownLeftAlone() throws {
        let teachers = ["смирнова ольга петровна": 1, "орлов дмитрий ильич": 13, "пестова ирина": 60]
        let (classes, known, refusals) = try ClassList.read(
            header: ["Класс", "Классный руководитель", "Периоды"],
            rows: [
                row(2, "5А", "Смирнова Ольга Петровна", ""), row(3, "10 б", "Пестова Ирина", ""), row(4, "7в", "", "триместры"),
                row(5, "7В", "", ""), row(6, "8А", "Орлов Дмитрий Ильич", ""), row(7, "8Б", "Иванов Иван", ""),
                row(8, "9А", "", "семестры"), row(9, "9Б", "Пестова Ирина", ""),
            ],
            teachers: teachers,
            existing: [(5, "А", 1), (6, "Б", 13)]
        )
        #expect(known == 1)
        #expect(
            classes.map { "\($0.parallel)\($0.letter) \($0.periodKind.rawValue) \($0.homeroomID.map(String.init) ?? "-")" } == [
                "10Б half_year 60", "7В trimester -",
            ]
        )
        #expect(
            refusals.map { "\($0.line) \($0.code)" } == [
                "5 duplicate_row", "6 already_homeroom", "7 unknown_teacher", "8 bad_periods", "9 already_homeroom",
            ]
        )
    }
}
