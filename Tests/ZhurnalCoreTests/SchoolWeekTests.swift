import Testing
import ZhurnalCore

struct SchoolWeekTests {
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test(arguments: ["2026-11-30", "2026-12-02", "2026-12-05", "2026-12-06"])
    func everyDayBelongsToTheWeekOfItsMonday(day: String) {
        let week = SchoolWeek(containing: Self.date(day))
        #expect(week.monday == Self.date("2026-11-30"))
        #expect(week.span == DateSpan(Self.date("2026-11-30"), Self.date("2026-12-06")))
        #expect(week.title == "30.11 – 06.12.2026")
    }

    @Test func neighboursAndTheTurnOfTheYear() {
        let week = SchoolWeek(containing: Self.date("2026-12-31"))
        #expect(week.monday == Self.date("2026-12-28"))
        #expect(week.title == "28.12.2026 – 03.01.2027")
        #expect(week.next.monday == Self.date("2027-01-04"))
        #expect(week.previous.monday == Self.date("2026-12-21"))
        #expect(week.schoolDays.map(\.russianWeekday) == ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота"])
        #expect(SchoolWeek(iso: "2027-01-03") == week)
        #expect(SchoolWeek(iso: "2027-02-30") == nil && SchoolWeek(iso: "неделя") == nil)
    }
}
