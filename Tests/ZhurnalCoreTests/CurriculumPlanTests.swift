import Testing

@testable import ZhurnalCore

struct CurriculumPlanTests {
    func row(_ line: Int, _ cells: String...) -> ImportRow { ImportRow(line: line, cells: cells) }

    @Test func aTableOfHoursIsReadAndBadRowsRefused() throws {
        let subjects = ["математика": 1, "русский язык": 2]
        let (hours, refusals) = try CurriculumPlan.read(
            header: ["Предмет", "1", "2", "5"],
            rows: [
                row(2, "Математика", "4", "", "5"), row(3, "Русский язык", "5", "0", "41"), row(4, "Астрономия", "1"),
                row(5, "математика", "1"),
            ],
            subjects: subjects
        )
        #expect(hours == [.init(subjectID: 1, parallel: 1, hours: 4), .init(subjectID: 1, parallel: 5, hours: 5)])
        #expect(refusals.map { "\($0.line) \($0.code)" } == ["3 bad_hours", "4 unknown_subject", "5 duplicate_row"])
        #expect(refusals.first?.russianMessage == "5 класс: часов в неделю — целое число от 0 до 40.")
    }
}
