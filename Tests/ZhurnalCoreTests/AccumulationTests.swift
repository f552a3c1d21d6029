import Testing

@testable import ZhurnalCore

struct AccumulationTests {
    @Test(arguments: [
        (PeriodKind.quarter, 0, 3), (.quarter, 1, 3), (.quarter, 2, 3), (.quarter, 3, 5), (.quarter, 6, 5),
        (.trimester, 1, 3), (.trimester, 2, 3), (.trimester, 3, 5), (.trimester, 5, 5),
        (.halfYear, 1, 5), (.halfYear, 2, 5), (.halfYear, 3, 5), (.halfYear, 6, 5),
        (.custom, 1, 3), (.custom, 2, 3), (.custom, 3, 5),
    ])
    func minimumMarksTable(periodKind: PeriodKind, weeklyHours: Int, minimum: Int) {
        #expect(Accumulation.minimumMarks(periodKind: periodKind, weeklyHours: weeklyHours) == minimum)
    }

    @Test func countsOneMarkPerCountedCell() {
        let marks: [CountedMark] = [
            .grade(5),
            CountedMark(value: .double(4, 3), weight: 3),
            CountedMark(value: .exempt, weight: 1),
            CountedMark(value: .passed, weight: 1),
            CountedMark(value: .notAttested, weight: 1),
            .grade(4, weight: 0),
        ]
        #expect(Accumulation.count(of: marks) == 2)
        #expect(Accumulation.count(of: []) == 0)
    }

    @Test func isMetAtTheMinimum() {
        let three = Array(repeating: CountedMark.grade(4), count: 3)
        #expect(Accumulation.isMet(by: three, periodKind: .quarter, weeklyHours: 2))
        #expect(!Accumulation.isMet(by: three, periodKind: .quarter, weeklyHours: 3))
        #expect(!Accumulation.isMet(by: three, periodKind: .halfYear, weeklyHours: 1))
        #expect(Accumulation.isMet(by: three + three, periodKind: .halfYear, weeklyHours: 1))
        #expect(!Accumulation.isMet(by: Array(three.prefix(2)), periodKind: .trimester, weeklyHours: 1))
    }
}
