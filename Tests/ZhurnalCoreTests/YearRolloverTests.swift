import Testing

@testable import ZhurnalCore

struct YearRolloverTests {
    let year = DateSpan(LocalDate(year: 2026, month: 9, day: 1)!, LocalDate(year: 2027, month: 8, day: 31)!)
    let classes = [
        YearRollover.SchoolClass(id: 3, parallel: 11, letter: "А", pupils: 20),
        YearRollover.SchoolClass(id: 1, parallel: 5, letter: "Б", pupils: 25),
        YearRollover.SchoolClass(id: 2, parallel: 5, letter: "А", pupils: 26),
        YearRollover.SchoolClass(id: 4, parallel: 1, letter: "А", pupils: 30),
    ]

    let june = LocalDate(year: 2027, month: 6, day: 1)!
    var fourth: DateSpan { DateSpan(LocalDate(year: 2027, month: 4, day: 1)!, LocalDate(year: 2027, month: 5, day: 31)!) }

    @Test func classesGoUpAndTheEleventhGraduate() throws {
        let closed = [YearRollover.Period(title: "4 четверть", span: fourth, closed: true)]
        let plan = try YearRollover.plan(span: year, periods: closed, classes: classes, nextYearExists: false, today: june)
        #expect(plan.title == "2027/28")
        #expect(plan.span == DateSpan(LocalDate(year: 2027, month: 9, day: 1)!, LocalDate(year: 2028, month: 8, day: 31)!))
        #expect(plan.promotions.map { "\($0.from.name)→\($0.name)" } == ["1А→2А", "5А→6А", "5Б→6Б"])
        #expect(plan.graduating.map(\.name) == ["11А"])
    }

    @Test func aYearWithOpenPeriodsNotYetOverOrAlreadyFollowedIsNotRolledOver() {
        func code(_ periods: [YearRollover.Period], next: Bool = false, today: LocalDate) -> String? {
            do {
                _ = try YearRollover.plan(span: year, periods: periods, classes: classes, nextYearExists: next, today: today)
                return nil
            } catch { return error.code }
        }
        let third = DateSpan(LocalDate(year: 2027, month: 1, day: 11)!, LocalDate(year: 2027, month: 3, day: 20)!)
        let periods = [
            YearRollover.Period(title: "3 четверть", span: third, closed: true),
            YearRollover.Period(title: "4 четверть", span: fourth, closed: false),
        ]
        do {
            _ = try YearRollover.plan(span: year, periods: periods, classes: classes, nextYearExists: false, today: june)
            Issue.record("rolled over with an open period")
        } catch {
            #expect(error.code == "unclosed_periods")
            #expect(error.russianMessage.contains("4 четверть") && !error.russianMessage.contains("3 четверть"))
        }
        let closed = periods.map { YearRollover.Period(title: $0.title, span: $0.span, closed: true) }
        // Closed early, on the periods' last day itself: exam and final marks are still to come.
        #expect(code(closed, today: fourth.end) == "year_not_over")
        #expect(code(closed, today: june) == nil)
        #expect(code(closed, next: true, today: june) == "next_year_exists")
        #expect(code([], today: june) == "no_periods")
    }

    @Test func theNextYearsDays() {
        #expect(YearRollover.nextYear(LocalDate(year: 2027, month: 2, day: 28)!) == LocalDate(year: 2028, month: 2, day: 28))
        #expect(YearRollover.nextYear(LocalDate(year: 2028, month: 2, day: 29)!) == LocalDate(year: 2029, month: 2, day: 28))
        #expect(
            YearRollover.nextTitle(span: DateSpan(LocalDate(year: 2099, month: 9, day: 1)!, LocalDate(year: 2100, month: 5, day: 31)!)) == "2100/01"
        )
    }
}
