import Testing

@testable import ZhurnalCore

private func year(_ values: MarkValue...) -> MarkValue? {
    YearMark.of(periodMarks: values)
}

struct YearMarkTests {
    @Test(arguments: [
        ([3, 3, 4, 4], 4),
        ([3, 4, 4], 4),
        ([3, 3, 4], 3),
        ([5, 5, 4, 4], 5),
        ([2, 2, 3, 3], 3),
        ([2, 2, 2, 3], 2),
        ([4, 5], 5),
        ([3, 4], 4),
        ([2, 3], 3),
        ([5], 5),
        ([4, 4, 5, 5, 3, 3], 4),
        ([5, 5, 5, 4], 5),
        ([4, 4, 4, 5], 4),
    ])
    func meanWithTiesRoundedForTheStudent(periods: [Int], expected: Int) {
        #expect(YearMark.of(periodMarks: periods.map { .grade($0) }) == .grade(expected))
    }

    @Test func exemptPeriodsAreLeftOut() {
        #expect(year(.exempt, .grade(5), .grade(5), .grade(4)) == .grade(5))
        #expect(year(.exempt, .grade(3), .grade(3), .grade(4)) == .grade(3))
        #expect(year(.exempt, .exempt) == .exempt)
        #expect(year(.exempt) == .exempt)
    }

    @Test func anyNotAttestedPeriodMakesTheYearNotAttested() {
        #expect(year(.grade(4), .grade(5), .notAttested) == .notAttested)
        #expect(year(.notAttested, .grade(5), .grade(5), .grade(5)) == .notAttested)
        #expect(year(.exempt, .notAttested) == .notAttested)
    }

    @Test func passFailYears() {
        #expect(year(.passed, .passed) == .passed)
        #expect(year(.passed, .failed) == .failed)
        #expect(year(.failed) == .failed)
        #expect(year(.passed, .exempt) == .passed)
        #expect(year(.grade(5), .passed, .grade(4)) == .grade(5))
        #expect(year(.grade(3), .failed) == .grade(3))
    }

    @Test func emptyHasNoYearMark() {
        #expect(year() == nil)
    }

    @Test func doublePeriodMarkCountsAsItsMean() {
        #expect(year(.double(5, 4), .grade(4)) == .grade(4))
        #expect(year(.double(5, 4), .grade(5)) == .grade(5))
    }
}

struct FinalMarkTests {
    @Test(arguments: [
        (3, 4, 4), (5, 4, 5), (2, 3, 3), (3, 3, 3), (4, 5, 5), (2, 2, 2), (5, 5, 5), (4, 3, 4), (2, 5, 4), (5, 2, 4),
        (3, 2, 3), (4, 4, 4),
    ])
    func roundsHalfUpTheMeanOfYearAndExam(year: Int, exam: Int, expected: Int) {
        #expect(FinalMark.of(year: year, exam: exam) == expected)
    }
}
