import Testing

@testable import ZhurnalCore

/// The calendar of the year 2026/27: periods that follow one another without overlapping, holidays that overlap no
/// other holiday of the same pupils, every date inside the year.
struct YearCalendarRulesTests {
    static let year = DateSpan(LocalDate(iso: "2026-09-01")!, LocalDate(iso: "2027-05-31")!)
    static func span(_ start: String, _ end: String) -> DateSpan { DateSpan(LocalDate(iso: start)!, LocalDate(iso: end)!) }

    static let quarters = [
        YearCalendarRules.Period(kind: .quarter, number: 1, span: span("2026-09-01", "2026-10-24")),
        YearCalendarRules.Period(kind: .quarter, number: 3, span: span("2027-01-09", "2027-03-21")),
        YearCalendarRules.Period(kind: .halfYear, number: 1, span: span("2026-09-01", "2026-12-28")),
    ]

    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch { return (error as? YearCalendarRules.Refusal)?.code ?? "\(error)" }
    }

    @Test func datesAreCheckedAndKeptInsideTheYear() throws {
        #expect(try YearCalendarRules.span(from: " 2026-11-05 ", to: "2026-12-27", in: Self.year) == Self.span("2026-11-05", "2026-12-27"))
        #expect(try YearCalendarRules.span(from: "2026-09-01", to: "2027-05-31", in: Self.year) == Self.year)
        #expect(refusal { _ = try YearCalendarRules.span(from: "05.11.2026", to: "2026-12-27", in: Self.year) } == "bad_date")
        #expect(refusal { _ = try YearCalendarRules.span(from: "2026-12-27", to: "2026-11-05", in: Self.year) } == "dates_reversed")
        #expect(refusal { _ = try YearCalendarRules.span(from: "2026-08-31", to: "2026-10-24", in: Self.year) } == "outside_year")
        #expect(refusal { _ = try YearCalendarRules.span(from: "2027-05-01", to: "2027-06-01", in: Self.year) } == "outside_year")
    }

    @Test func aPeriodFollowsItsKindInOrderWithoutOverlapping() {
        // The second quarter between the first and the third; the day after the first ends is free.
        #expect(
            refusal { try YearCalendarRules.check(newPeriod: .quarter, number: 2, span: Self.span("2026-10-25", "2026-12-28"), among: Self.quarters) }
                == nil
        )
        // Its last day on the first quarter's last day overlaps.
        #expect(
            refusal { try YearCalendarRules.check(newPeriod: .quarter, number: 2, span: Self.span("2026-10-24", "2026-12-28"), among: Self.quarters) }
                == "periods_overlap"
        )
        #expect(
            refusal { try YearCalendarRules.check(newPeriod: .quarter, number: 1, span: Self.span("2027-04-01", "2027-05-31"), among: Self.quarters) }
                == "duplicate_period"
        )
        // The fourth quarter before the third, and the second after it.
        #expect(
            refusal { try YearCalendarRules.check(newPeriod: .quarter, number: 4, span: Self.span("2026-11-05", "2026-12-28"), among: Self.quarters) }
                == "periods_out_of_order"
        )
        #expect(
            refusal { try YearCalendarRules.check(newPeriod: .quarter, number: 2, span: Self.span("2027-04-01", "2027-05-31"), among: Self.quarters) }
                == "periods_out_of_order"
        )
        // Another kind does not clash with quarters: half-years and quarters cover the same weeks.
        #expect(
            refusal {
                try YearCalendarRules.check(newPeriod: .halfYear, number: 2, span: Self.span("2027-01-09", "2027-05-31"), among: Self.quarters)
            }
                == nil
        )
        #expect(
            refusal { try YearCalendarRules.check(newPeriod: .custom, number: 13, span: Self.span("2027-04-01", "2027-04-02"), among: []) }
                == "bad_number"
        )
        #expect(YearCalendarRules.title(kind: .halfYear, number: 2) == "2 полугодие")
    }

    @Test func holidaysOverlapNoHolidayOfTheSamePupils() {
        let autumn = YearCalendarRules.Holiday(span: Self.span("2026-10-26", "2026-11-03"), parallel: nil)
        let firstGraders = YearCalendarRules.Holiday(span: Self.span("2027-02-15", "2027-02-21"), parallel: 1)
        let existing = [autumn, firstGraders]
        #expect(refusal { try YearCalendarRules.check(newHoliday: Self.span("2026-12-29", "2027-01-08"), parallel: nil, among: existing) } == nil)
        #expect(
            refusal { try YearCalendarRules.check(newHoliday: Self.span("2026-11-03", "2026-11-04"), parallel: nil, among: existing) }
                == "holidays_overlap"
        )
        // The first graders' extra week clashes with the first graders' and the whole school's, not with the fifth grade's.
        #expect(refusal { try YearCalendarRules.check(newHoliday: Self.span("2027-02-20", "2027-02-22"), parallel: 5, among: existing) } == nil)
        #expect(
            refusal { try YearCalendarRules.check(newHoliday: Self.span("2027-02-20", "2027-02-22"), parallel: 1, among: existing) }
                == "holidays_overlap"
        )
        #expect(
            refusal { try YearCalendarRules.check(newHoliday: Self.span("2027-02-20", "2027-02-22"), parallel: nil, among: existing) }
                == "holidays_overlap"
        )
        #expect(
            refusal { try YearCalendarRules.check(newHoliday: Self.span("2027-03-01", "2027-03-02"), parallel: 12, among: existing) }
                == "bad_parallel"
        )
    }
}
