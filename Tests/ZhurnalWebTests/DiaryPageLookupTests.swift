import Mustache
import Testing

@testable import ZhurnalWeb

/// The diary's week page and the layout's chrome answer Mustache's lookups by name: every field, so that a field
/// added later and forgotten there fails here instead of vanishing from the page.
struct DiaryPageLookupTests {
    typealias Page = DiaryPageController.WeekPage

    @Test func everyFieldIsAnsweredByName() throws {
        let file = Page.File(href: "/f", name: "задачи.pdf", size: "9 байт")
        let homework = Page.Homework(body: "№ 1", due: "сдать к 12.10.2026", personal: false, files: [file])
        let mark = Page.Mark(value: "5", detail: "Ответ на уроке, вес 1")
        let lesson = Page.Lesson(
            number: 1,
            time: "08:30–09:15",
            subject: "Математика",
            teacher: "Смирнова",
            substitution: true,
            cancelled: false,
            moved: "перенесён с 03.10.2026",
            topic: "Дроби",
            control: "Контрольная работа",
            homework: [homework],
            marks: [mark],
            attendance: "н"
        )
        let day = Page.Day(id: "day-2026-10-05", heading: "понедельник, 05.10", today: true, lessons: [lesson], empty: false)
        let page = Page(
            title: "Дневник",
            chrome: nil,
            pupilName: "Аксёнова",
            children: [Page.ChildLink(href: "/s", name: "Аксёнова", current: true)],
            hasSwitcher: false,
            weekTitle: "05.10 – 11.10.2026",
            previousHref: "/p",
            nextHref: "/n",
            thisWeekHref: "/t",
            marksHref: "/m",
            printHref: "/pr",
            days: [day],
            acknowledged: ["Аксёнов Иван Петрович, 12.10.2026 12:00"],
            acknowledgement: Page.AcknowledgementForm(action: "/a", csrf: "t", week: "2026-10-05", notYet: "с пятницы")
        )
        let form = try #require(page.acknowledgement)
        for parent in [page, page.children[0], day, lesson, homework, file, mark, form] as [any MustacheParent] {
            for field in Mirror(reflecting: parent).children.compactMap(\.label) where field != "chrome" {
                #expect(parent.child(named: field) != nil, "\(type(of: parent)).\(field) is not answered by name")
            }
            #expect(parent.child(named: "nothing") == nil)
        }
        let link = Chrome.Link(href: "/diary", label: "Дневник")
        #expect(link.child(named: "href") as? String == "/diary" && link.child(named: "label") as? String == "Дневник")
        let template = try? MustacheTemplate(
            string: "{{#days}}{{heading}}:{{#lessons}}{{number}} {{subject}} {{#marks}}[{{value}}]{{/marks}}{{weekTitle}}{{/lessons}}{{/days}}"
        )
        #expect(template?.render(page) == "понедельник, 05.10:1 Математика [5]05.10 – 11.10.2026")
    }

    @Test func theMarksPageAnswersEveryFieldByName() {
        typealias Marks = DiaryMarksPageController.MarksPage
        let period = Marks.PeriodLink(href: "/p", label: "1 четверть", current: true)
        let subject = Marks.Subject(
            anchor: "s1",
            name: "Математика",
            marks: [Page.Mark(value: "5", detail: "вес 1")],
            graded: true,
            formula: "5 / 1",
            proposal: "5",
            termMark: "5",
            chartSVG: "<svg></svg>"
        )
        let row = Marks.YearRow(subject: "Математика", cells: ["5"])
        let page = Marks(
            title: "Отметки",
            chrome: nil,
            pupilName: "Аксёнова",
            diaryHref: "/d",
            periods: [period],
            periodTitle: "1 четверть",
            periodDates: "01.09 – 23.10",
            rounding: "стандартное",
            subjects: [subject],
            hasSubjects: true,
            yearHeaders: ["1"],
            yearRows: [row]
        )
        for parent in [page, period, subject, row] as [any MustacheParent] {
            for field in Mirror(reflecting: parent).children.compactMap(\.label) where field != "chrome" {
                #expect(parent.child(named: field) != nil, "\(type(of: parent)).\(field) is not answered by name")
            }
            #expect(parent.child(named: "nothing") == nil)
        }
    }
}
