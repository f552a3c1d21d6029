import Testing

@testable import ZhurnalCore

struct LocalDateTests {
    @Test func parsesAndPrintsIso() throws {
        let date = try #require(LocalDate(iso: "2026-09-01"))
        #expect(date.iso == "2026-09-01")
        #expect(date.russian == "01.09.2026")
        #expect((date.year, date.month, date.day) == (2026, 9, 1))
    }

    @Test func rejectsImpossibleDates() {
        for text in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-9-1", "26-09-01", "2026-09-01x", "", "２０２６-09-01"] {
            #expect(LocalDate(iso: text) == nil, "\(text)")
        }
        #expect(LocalDate(iso: "2028-02-29") != nil)
        #expect(LocalDate(iso: "2100-02-29") == nil)
        #expect(LocalDate(iso: "2000-02-29") != nil)
    }

    @Test func knowsWeekdays() throws {
        #expect(try #require(LocalDate(iso: "1970-01-01")).weekday == 4)
        #expect(try #require(LocalDate(iso: "2026-09-01")).weekday == 2)  // a Tuesday
        #expect(try #require(LocalDate(iso: "2026-11-29")).weekday == 7)
        #expect(try #require(LocalDate(iso: "1969-12-29")).weekday == 1)
    }

    @Test func roundTripsEveryDayOverCenturies() throws {
        var previous: LocalDate?
        let first = try #require(LocalDate(iso: "1900-01-01")).dayNumber
        let last = try #require(LocalDate(iso: "2199-12-31")).dayNumber
        for number in first...last {
            let date = LocalDate(dayNumber: number)
            #expect(LocalDate(iso: date.iso) == date)
            if let previous { #expect(previous < date) }
            previous = date
        }
    }

    @Test func spansIncludeBothEnds() throws {
        let span = DateSpan(try #require(LocalDate(iso: "2026-09-01")), try #require(LocalDate(iso: "2026-10-23")))
        #expect(span.contains(span.start))
        #expect(span.contains(span.end))
        #expect(!span.contains(span.end.adding(days: 1)))
        #expect(!span.contains(span.start.adding(days: -1)))
        #expect(Array(span.days).count == 53)
    }
}

extension LocalDateTests {
    @Test func aSpanLessAnotherLeavesTheDaysOutsideIt() {
        let date = { (month: Int, day: Int) in LocalDate(year: 2026, month: month, day: day)! }
        let quarter = DateSpan(date(9, 1), date(10, 23))
        #expect(quarter.subtracting(DateSpan(date(9, 1), date(10, 16))) == [DateSpan(date(10, 17), date(10, 23))])
        #expect(quarter.subtracting(DateSpan(date(9, 8), date(10, 30))) == [DateSpan(date(9, 1), date(9, 7))])
        #expect(quarter.subtracting(DateSpan(date(9, 8), date(9, 9))) == [DateSpan(date(9, 1), date(9, 7)), DateSpan(date(9, 10), date(10, 23))])
        #expect(quarter.subtracting(DateSpan(date(8, 1), date(11, 1))).isEmpty)
        #expect(quarter.subtracting(DateSpan(date(11, 1), date(11, 2))) == [quarter])
        #expect(quarter.subtracting(nil) == [quarter])
    }
}
