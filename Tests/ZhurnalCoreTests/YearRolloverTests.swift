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

    @Test func classesGoUpAndTheEleventhGraduate() throws {
        let closed = [YearRollover.Period(title: "4 четверть", span: year, closed: true)]
        let plan = try YearRollover.plan(span: year, periods: closed, classes: classes, nextYearExists: false)
        #expect(plan.title == "2027/28")
        #expect(plan.span == DateSpan(LocalDate(year: 2027, month: 9, day: 1)!, LocalDate(year: 2028, month: 8, day: 31)!))
        #expect(plan.promotions.map { "\($0.from.name)→\($0.name)" } == ["1А→2А", "5А→6А", "5Б→6Б"])
        #expect(plan.graduating.map(\.name) == ["11А"])
    }

    @Test func aYearWithOpenPeriodsOrAlreadyFollowedIsNotRolledOver() {
        let periods = [
            YearRollover.Period(title: "3 четверть", span: year, closed: true),
            YearRollover.Period(title: "4 четверть", span: year, closed: false),
        ]
        do {
            _ = try YearRollover.plan(span: year, periods: periods, classes: classes, nextYearExists: false)
            Issue.record("rolled over with an open period")
        } catch {
            #expect(error.code == "unclosed_periods")
            #expect(error.russianMessage.contains("4 четверть") && !error.russianMessage.contains("3 четверть"))
        }
        #expect(throws: RuleRefusal.self) { try YearRollover.plan(span: year, periods: [], classes: classes, nextYearExists: true) }
    }

    @Test func theNextYearsDays() {
        #expect(YearRollover.nextYear(LocalDate(year: 2027, month: 2, day: 28)!) == LocalDate(year: 2028, month: 2, day: 28))
        #expect(YearRollover.nextYear(LocalDate(year: 2028, month: 2, day: 29)!) == LocalDate(year: 2029, month: 2, day: 28))
        #expect(
            YearRollover.nextTitle(span: DateSpan(LocalDate(year: 2099, month: 9, day: 1)!, LocalDate(year: 2100, month: 5, day: 31)!)) == "2100/01"
        )
    }
}
