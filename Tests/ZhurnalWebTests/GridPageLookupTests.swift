import Mustache
import Testing
import ZhurnalCore

@testable import ZhurnalWeb

/// The grid page avoids Mustache's `Mirror` twice: the page and its columns answer lookups by name, and the rows are
/// written by hand. Both must say exactly what a template would have.
struct GridPageLookupTests {
    typealias Page = JournalPageController.GridPage

    /// The rows' template as it stood before they were written by hand: the reference for their markup and escaping.
    static let rowTemplate = """
        {{#rows}}<tr data-student="{{studentID}}">
          <th scope="row" class="pupil-col" title="{{name}}">{{name}}</th>
          {{#cells}}{{#inside}}<td class="cell{{#open}} open{{/open}}" data-lesson="{{lessonID}}" tabindex="{{tabIndex}}">{{#marks}}<span class="mark" data-id="{{id}}" data-version="{{version}}" data-work-type="{{workTypeID}}" data-comment="{{comment}}" title="{{hint}}">{{value}}</span>{{/marks}}{{#code}}<span class="code">{{.}}</span>{{/code}}</td>{{/inside}}{{^inside}}<td class="cell outside" data-lesson="{{lessonID}}"><span class="visually-hidden">не в классе</span></td>{{/inside}}{{/cells}}
          <td class="sum average">{{average}}</td>
          <td class="sum proposal">{{proposal}}{{#proposalNote}}<span class="why">{{.}}</span>{{/proposalNote}}</td>
          <td class="sum term{{#editable}} open{{/editable}}" tabindex="-1" data-version="{{termVersion}}"><span class="term-value">{{termMark}}</span></td>
        </tr>
        {{/rows}}
        """

    static let hostile = "<script>alert('x')</script> & \"Ёлкин\""

    static func rows() -> [Page.Row] {
        let chip = Page.MarkChip(id: 7, value: "5", version: 2, workTypeID: 3, comment: hostile, hint: "Ответ: " + hostile)
        return [
            Page.Row(
                studentID: 9,
                name: hostile,
                cells: [
                    Page.Cell(lessonID: 1, inside: true, open: true, tabIndex: 0, marks: [chip, chip], code: "н"),
                    Page.Cell(lessonID: 2, inside: true, open: false, tabIndex: -1, marks: [], code: nil),
                    Page.Cell(lessonID: 3, inside: false, open: false, tabIndex: -1, marks: [], code: nil),
                ],
                average: "4,50",
                proposal: "—",
                proposalNote: "мало отметок <3>",
                termMark: "5",
                termVersion: 1
            ),
            Page.Row(studentID: 10, name: "Борисов Пётр", cells: [], average: "—", proposal: "4", proposalNote: nil, termMark: "", termVersion: 0),
        ]
    }

    @Test(arguments: [true, false])
    func theRowsAreWhatTheTemplateWrote(editable: Bool) throws {
        let template = try MustacheTemplate(string: Self.rowTemplate)
        let expected = template.render(["rows": Self.rows(), "editable": editable])
        let written = JournalRowsHTML.render(Self.rows(), editable: editable, sums: GridSums(.marks))
        #expect(written == expected)
        #expect(!written.contains("<script>"))
        #expect(written.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Ёлкин&quot;"))
    }

    @Test func everyColumnFieldIsAnsweredByName() {
        let column = Page.Column(
            lessonID: 1,
            day: "07.09",
            hint: "Тема",
            cancelled: false,
            open: true,
            needsReason: false,
            control: .init(id: 2, label: "К/р", name: "Контрольная работа"),
            attendanceTaken: true
        )
        let fields = Mirror(reflecting: column).children.compactMap(\.label)
        #expect(fields.count == 8)
        for field in fields {
            #expect(column.child(named: field) != nil, "Column.\(field) is not answered by name")
        }
        #expect(column.child(named: "editable") == nil)
        let template = try? MustacheTemplate(string: "{{#columns}}{{day}}{{#control}}[{{label}}]{{/control}}{{#editable}}!{{/editable}}{{/columns}}")
        #expect(template?.render(["columns": [column], "editable": true]) == "07.09[К/р]!")
    }

    @Test func everyPageFieldIsAnsweredByName() {
        let page = Page(
            title: "Журнал",
            chrome: nil,
            csrf: "t",
            courseID: 1,
            periodID: 2,
            subject: "Математика",
            group: "5А",
            teachers: "Смирнова",
            periodTitle: "1 четверть",
            periodDates: "…",
            periods: [],
            closed: false,
            editable: true,
            history: true,
            termNeedsReason: false,
            workTypes: [],
            sums: GridSums(.marks),
            grading: "marks",
            columns: [],
            rowsHTML: "<tr></tr>",
            leftRowsHTML: "",
            hasLeft: false,
            hasLessons: true,
            span: 4
        )
        // The chrome is nil on this page (no one signed in), which answers as nil too.
        let fields = Mirror(reflecting: page).children.compactMap(\.label).filter { $0 != "chrome" }
        for field in fields {
            #expect(page.child(named: field) != nil, "GridPage.\(field) is not answered by name")
        }
        let sums = GridSums(.passFail)
        for field in Mirror(reflecting: sums).children.compactMap(\.label) {
            #expect(sums.child(named: field) as? Bool != nil, "GridSums.\(field) is not answered by name")
        }
    }

    /// A pass/fail course's rows end with the term mark alone; an ungraded course's with the last lesson.
    @Test func theRowsEndWithTheSumsTheGradingHas() {
        let row = Self.rows()[1]
        let passFail = JournalRowsHTML.render([row], editable: true, sums: GridSums(.passFail))
        #expect(!passFail.contains("sum average") && !passFail.contains("sum proposal"))
        #expect(passFail.contains("<td class=\"sum term open\" tabindex=\"-1\" data-version=\"0\">"))
        let ungraded = JournalRowsHTML.render([Self.rows()[0]], editable: true, sums: GridSums(.ungraded))
        #expect(!ungraded.contains("class=\"sum"))
        #expect(ungraded.hasSuffix("<span class=\"visually-hidden\">не в классе</span></td>\n</tr>\n"))
        #expect(GridSums(.marks).count == 3 && GridSums(.passFail).count == 1 && GridSums(.ungraded).count == 0)
    }
}
