import Mustache
import Testing

@testable import ZhurnalWeb

/// The grid's rows, cells, marks and columns answer Mustache by name instead of through `Mirror`: every field a
/// template can name must be answered, or it would render empty without a word.
struct GridPageLookupTests {
    typealias Page = JournalPageController.GridPage

    static let chip = Page.MarkChip(id: 7, value: "5", version: 2, workTypeID: 3, comment: "устно", hint: "Ответ")
    static let cell = Page.Cell(lessonID: 1, inside: true, open: true, tabIndex: 0, marks: [chip], code: "н")
    static let row = Page.Row(
        studentID: 9,
        name: "Аксёнова Мария",
        cells: [cell],
        average: "4,50",
        proposal: "5",
        proposalNote: "мало отметок",
        termMark: "5",
        termVersion: 1
    )
    static let column = Page.Column(
        lessonID: 1,
        day: "07.09",
        hint: "Тема",
        cancelled: false,
        open: true,
        needsReason: false,
        control: .init(id: 2, label: "К/р", name: "Контрольная работа"),
        attendanceTaken: true
    )

    @Test(arguments: 0..<4)
    func everyFieldIsAnsweredByName(_ index: Int) {
        let value = ([Self.row, Self.cell, Self.chip, Self.column] as [any MustacheParent])[index]
        let fields = Mirror(reflecting: value).children.compactMap(\.label)
        #expect(!fields.isEmpty)
        for field in fields {
            #expect(value.child(named: field) != nil, "\(type(of: value)).\(field) is not answered by name")
        }
        #expect(value.child(named: "editable") == nil)
    }

    @Test func theRowRendersAsThroughMirror() throws {
        let template = try MustacheTemplate(
            string:
                "{{#rows}}{{name}}:{{#cells}}{{lessonID}}{{#marks}}[{{value}}/{{workTypeID}}]{{/marks}}{{code}}{{/cells}}|{{termMark}}{{#editable}}!{{/editable}}{{/rows}}"
        )
        #expect(template.render(["rows": [Self.row], "editable": true]) == "Аксёнова Мария:1[5/3]н|5!")
    }
}
