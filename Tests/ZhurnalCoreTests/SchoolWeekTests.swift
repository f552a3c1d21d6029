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

struct WeekAcknowledgementTests {
    static let week = SchoolWeek(iso: "2026-10-05")!

    @Test(arguments: [
        ("2026-10-04", WeekAcknowledgement.Refusal?.some(.future)),
        ("2026-10-05", .some(.beforeFriday)), ("2026-10-08", .some(.beforeFriday)),
        ("2026-10-09", nil), ("2026-10-11", nil), ("2026-10-12", nil), ("2027-05-31", nil),
    ])
    func aWeekIsAcknowledgedFromItsFriday(today: String, refusal: WeekAcknowledgement.Refusal?) {
        #expect(WeekAcknowledgement.refusal(week: Self.week, today: LocalDate(iso: today)!) == refusal)
    }

    @Test func refusalsSayWhyInRussian() {
        #expect(WeekAcknowledgement.Refusal.beforeFriday.russianMessage.contains("с пятницы"))
        #expect(WeekAcknowledgement.Refusal.future.code == "week_not_begun")
    }
}
