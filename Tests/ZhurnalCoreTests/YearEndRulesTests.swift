import Testing

@testable import ZhurnalCore

/// The rules of the final-marks sheet: the year-mark and final-mark proposals, where the exam column shows, when a
/// term mark is locked, and the accumulation flag on a period mark.
struct YearMarkProposalTests {
    @Test func proposesTheYearMarkOnlyWhenEveryPeriodHasAMark() {
        let all: [(title: String, mark: MarkValue?)] = [
            ("1 четверть", .grade(3)), ("2 четверть", .grade(3)), ("3 четверть", .grade(4)), ("4 четверть", .grade(4)),
        ]
        #expect(YearMarkProposal.propose(periods: all) == .mark(.grade(4)))
        #expect(YearMarkProposal.propose(periods: all).russianText == "Предлагается 4")
        var missing = all
        missing[2].mark = nil
        missing[3].mark = nil
        let proposal = YearMarkProposal.propose(periods: missing)
        #expect(proposal == .missingPeriods(["3 четверть", "4 четверть"]))
        #expect(proposal.mark == nil)
        #expect(proposal.russianText == "Нет отметки за 3 четверть, 4 четверть")
    }

    @Test func aPupilWhoCameLateIsProposedFromHisOwnPeriods() {
        // Arrived in the third quarter: only his two periods count.
        #expect(YearMarkProposal.propose(periods: [("3 четверть", .grade(5)), ("4 четверть", .grade(4))]) == .mark(.grade(5)))
    }

    @Test func specialValuesFollowYearMark() {
        #expect(YearMarkProposal.propose(periods: [("1 полугодие", .grade(5)), ("2 полугодие", .notAttested)]) == .mark(.notAttested))
        #expect(YearMarkProposal.propose(periods: [("1 полугодие", .exempt), ("2 полугодие", .exempt)]).russianText == "Предлагается осв")
        #expect(YearMarkProposal.propose(periods: [("1 полугодие", .passed), ("2 полугодие", .failed)]) == .mark(.failed))
    }

    @Test func noPeriodsNoProposal() {
        #expect(YearMarkProposal.propose(periods: []) == .noPeriods)
        #expect(YearMarkProposal.propose(periods: []).mark == nil)
    }
}

struct FinalMarkProposalTests {
    @Test(arguments: [(3, 4, 4), (5, 4, 5), (2, 3, 3), (3, 3, 3), (4, 3, 4), (2, 5, 4)])
    func withAnExamTheMeanRoundedHalfUp(year: Int, exam: Int, expected: Int) {
        #expect(FinalMark.propose(year: .grade(year), exam: .grade(exam)) == .grade(expected))
    }

    @Test func withoutAnExamTheYearMark() {
        #expect(FinalMark.propose(year: .grade(4), exam: nil) == .grade(4))
        #expect(FinalMark.propose(year: .grade(2), exam: nil) == .grade(2))
        #expect(FinalMark.propose(year: .passed, exam: nil) == .passed)
    }

    @Test func theExamCountsOnlyBetweenGrades() {
        #expect(FinalMark.propose(year: .grade(4), exam: .exempt) == .grade(4))
        #expect(FinalMark.propose(year: .grade(3), exam: .notAttested) == .grade(3))
        #expect(FinalMark.propose(year: .notAttested, exam: .grade(5)) == .notAttested)
        #expect(FinalMark.propose(year: .exempt, exam: .grade(4)) == .exempt)
    }

    @Test func nothingWithoutAYearMark() {
        #expect(FinalMark.propose(year: nil, exam: nil) == nil)
        #expect(FinalMark.propose(year: nil, exam: .grade(5)) == nil)
    }

    @Test(arguments: [(9, false, true), (11, false, true), (8, false, false), (10, false, false), (5, true, true)])
    func theExamColumnShowsForExamParallelsOrEnteredExams(parallel: Int, hasExamMarks: Bool, shows: Bool) {
        #expect(FinalMark.showsExam(parallel: parallel, hasExamMarks: hasExamMarks) == shows)
    }

    @Test func aCrossClassGroupHasNoParallel() {
        #expect(!FinalMark.showsExam(parallel: nil, hasExamMarks: false))
        #expect(FinalMark.showsExam(parallel: nil, hasExamMarks: true))
    }
}

struct TermMarkLockTests {
    private func lock(_ kind: TermMarkKind, period: Bool = false, last: Bool = false, archived: Bool = false) -> TermMarkLock? {
        TermMarkLock.of(kind, periodClosed: period, lastPeriodClosed: last, yearArchived: archived)
    }

    @Test func everythingIsOpenInAnOpenYear() {
        for kind in TermMarkKind.allCases { #expect(lock(kind) == nil) }
    }

    @Test func aPeriodMarkLocksWithItsPeriod() {
        #expect(lock(.period, period: true) == .periodClosed)
        #expect(lock(.period, last: true) == nil)
        #expect(TermMarkLock.periodClosed.code == "period_closed")
    }

    @Test func theYearMarkLocksWithTheLastPeriod() {
        #expect(lock(.year, last: true) == .lastPeriodClosed)
        #expect(lock(.year, period: true) == nil)
        #expect(TermMarkLock.lastPeriodClosed.message.contains("годовую отметку"))
    }

    @Test func examAndFinalMarksStayOpenAfterTheLastPeriod() {
        #expect(lock(.exam, period: true, last: true) == nil)
        #expect(lock(.final, period: true, last: true) == nil)
    }

    @Test func theArchiveLocksEveryKind() {
        for kind in TermMarkKind.allCases { #expect(lock(kind, archived: true) == .yearArchived) }
        #expect(TermMarkLock.yearArchived.code == "year_archived")
    }
}

struct AccumulationWarningTests {
    @Test func aGradeBelowTheMinimumIsFlagged() {
        let warning = AccumulationWarning.of(entered: .grade(4), proposal: .insufficientMarks(count: 2, required: 5))
        #expect(warning == AccumulationWarning(count: 2, required: 5))
        #expect(warning?.russianText == "Накопляемость не выполнена: 2 из 5 необходимых отметок за период.")
    }

    @Test func atTheMinimumNothingIsFlagged() {
        #expect(AccumulationWarning.of(entered: .grade(4), proposal: .mark(4, average: Rational(4))) == nil)
    }

    @Test func specialValuesAndNoMarkAreNotFlagged() {
        let few = TermMarkProposal.insufficientMarks(count: 0, required: 3)
        for value in [MarkValue.notAttested, .exempt, .passed, .failed] {
            #expect(AccumulationWarning.of(entered: value, proposal: few) == nil)
        }
        #expect(AccumulationWarning.of(entered: nil, proposal: few) == nil)
        #expect(AccumulationWarning.of(entered: .grade(5), proposal: .notAttested) == nil)
    }
}

struct FinalMarkTextTests {
    @Test func theTextBesideTheFinalMark() {
        #expect(FinalMark.russianText(proposal: .grade(4)) == "Предлагается 4")
        #expect(FinalMark.russianText(proposal: .notAttested) == "Предлагается н/а")
        #expect(FinalMark.russianText(proposal: nil) == "Сначала поставьте годовую отметку")
    }
}
