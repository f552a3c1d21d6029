import Testing

@testable import ZhurnalCore

private func grades(_ values: Int...) -> [CountedMark] {
    values.map { CountedMark.grade($0) }
}

private func propose(
    _ marks: [CountedMark],
    _ periodKind: PeriodKind = .quarter,
    hours: Int = 2,
    absence: Rational = .zero,
    rules: TermMarkRules = TermMarkRules()
) -> TermMarkProposal {
    TermMarkProposal.propose(
        marks: marks,
        periodKind: periodKind,
        weeklyHours: hours,
        absenceRatio: absence,
        rules: rules
    )
}

struct TermMarkProposalTests {
    @Test func proposesTheRoundedWeightedAverage() {
        let marks: [CountedMark] = [.grade(5, weight: 3), .grade(5, weight: 1), .grade(4, weight: 5)]
        #expect(propose(marks) == .mark(4, average: Rational(40, 9)))
        #expect(propose(grades(5, 5, 4, 4)) == .mark(5, average: Rational(9, 2)))
        #expect(propose(grades(2, 2, 3)) == .mark(2, average: Rational(7, 3)))
    }

    @Test func usesTheProfile() {
        let marks = grades(5, 5, 5, 4, 4)
        #expect(propose(marks, hours: 3, rules: TermMarkRules(profile: .strict)) == .mark(5, average: Rational(23, 5)))
        #expect(propose(marks, hours: 3, rules: TermMarkRules(profile: .nso)) == .mark(4, average: Rational(23, 5)))
        #expect(propose(grades(5, 4), .quarter, hours: 0) == .insufficientMarks(count: 2, required: 3))
        let strict = TermMarkRules(profile: .strict)
        #expect(propose(grades(5, 5, 4, 4), rules: strict) == .mark(4, average: Rational(9, 2)))
    }

    @Test func flagsTooFewMarks() {
        #expect(propose(grades(5, 5)) == .insufficientMarks(count: 2, required: 3))
        #expect(propose(grades(5, 5, 5, 5), hours: 5) == .insufficientMarks(count: 4, required: 5))
        #expect(propose(grades(5, 5, 5, 5), .halfYear, hours: 1) == .insufficientMarks(count: 4, required: 5))
        #expect(propose([]) == .insufficientMarks(count: 0, required: 3))
        let notCounting = [CountedMark(value: .exempt, weight: 1), CountedMark(value: .passed, weight: 1)]
        #expect(propose(grades(5, 5) + notCounting) == .insufficientMarks(count: 2, required: 3))
        #expect(propose(grades(5, 5, 5, 5, 5), hours: 5) == .mark(5, average: Rational(5)))
    }

    @Test func aTwoForbidsAFiveOnlyWhenTheRuleIsOn() {
        let marks: [CountedMark] = [.grade(5, weight: 4), .grade(5, weight: 4), .grade(5, weight: 4), .grade(2)]
        #expect(propose(marks) == .mark(5, average: Rational(62, 13)))
        let rule = TermMarkRules(twoForbidsFive: true)
        #expect(propose(marks, rules: rule) == .mark(4, average: Rational(62, 13)))
        // The cap never raises a mark.
        #expect(propose(grades(2, 3, 4), rules: rule) == .mark(3, average: Rational(3)))
        #expect(propose(grades(5, 5, 5, 5, 5, 5, 5, 5, 5, 3), rules: rule) == .mark(5, average: Rational(24, 5)))
        // A 2 as a part of a double mark is a 2 in the period.
        let double = [CountedMark(value: .double(5, 2), weight: 1)] + grades(5, 5, 5, 5, 5, 5, 5, 5)
        #expect(propose(double, rules: rule) == .mark(4, average: Rational(87, 18)))
        #expect(propose(double) == .mark(5, average: Rational(87, 18)))
        // A 2 that does not count (weight 0) does not cap.
        #expect(propose(grades(5, 5, 5) + [.grade(2, weight: 0)], rules: rule) == .mark(5, average: Rational(5)))
    }

    @Test func proposesNotAttestedOnlyUnderItsRule() {
        let rule = TermMarkRules(notAttestedWhenFewMarksAndAbsent: true)
        let mostlyAbsent = Rational(11, 20)
        #expect(propose(grades(4, 5), absence: mostlyAbsent, rules: rule) == .notAttested)
        #expect(propose([], absence: Rational(1), rules: rule) == .notAttested)
        #expect(propose(grades(4, 5), absence: mostlyAbsent) == .insufficientMarks(count: 2, required: 3))
        // Exactly half is not more than half.
        #expect(
            propose(grades(4, 5), absence: Rational(1, 2), rules: rule)
                == .insufficientMarks(count: 2, required: 3)
        )
        // Three marks are enough to escape н/а, even where five are required.
        #expect(propose(grades(4, 4, 4), absence: Rational(3, 5), rules: rule) == .mark(4, average: Rational(4)))
        #expect(
            propose(grades(4, 4, 4), hours: 5, absence: Rational(3, 5), rules: rule)
                == .insufficientMarks(count: 3, required: 5)
        )
    }

    @Test func notAttestedTakesPrecedenceOverInsufficientMarks() {
        let rule = TermMarkRules(notAttestedWhenFewMarksAndAbsent: true)
        #expect(propose(grades(3, 3), .halfYear, hours: 3, absence: Rational(3, 5), rules: rule) == .notAttested)
    }

    @Test func bothOptionalRulesTogether() {
        let rules = TermMarkRules(profile: .classic, twoForbidsFive: true, notAttestedWhenFewMarksAndAbsent: true)
        let withATwo = grades(5, 5, 5, 5, 5, 5, 5, 2)
        #expect(propose(withATwo, absence: Rational(4, 5), rules: rules) == .mark(4, average: Rational(37, 8)))
        #expect(propose(withATwo, absence: Rational(4, 5)) == .mark(5, average: Rational(37, 8)))
        #expect(propose(grades(2), absence: Rational(4, 5), rules: rules) == .notAttested)
    }

    @Test func countsDoubleMarksByTheRules() {
        let marks = grades(5, 5) + [CountedMark(value: .double(3, 5), weight: 1)]
        #expect(propose(marks, rules: TermMarkRules(profile: .strict)) == .mark(5, average: Rational(14, 3)))
        let twoMarks = TermMarkRules(profile: .strict, doubleCounting: .twoMarks)
        #expect(propose(marks, rules: twoMarks) == .mark(4, average: Rational(9, 2)))
        // A double mark is one assessment for accumulation even when it counts as two marks in the average.
        let short = grades(5) + [CountedMark(value: .double(3, 5), weight: 1)]
        #expect(propose(short, rules: twoMarks) == .insufficientMarks(count: 2, required: 3))
    }

    @Test func rulesDefaultToOff() {
        let rules = TermMarkRules()
        #expect(rules.profile == .classic)
        #expect(!rules.twoForbidsFive)
        #expect(!rules.notAttestedWhenFewMarksAndAbsent)
        #expect(rules.doubleCounting == .mean)
    }

    @Test func absenceRatio() {
        #expect(TermMarkProposal.absenceRatio(missed: 3, held: 4) == Rational(3, 4))
        #expect(TermMarkProposal.absenceRatio(missed: 0, held: 0) == .zero)
    }

    @Test func describesItselfInRussian() {
        #expect(TermMarkProposal.mark(4, average: Rational(40, 9)).russianText == "Предлагается 4 (средний балл 4,44)")
        #expect(
            TermMarkProposal.insufficientMarks(count: 2, required: 3).russianText
                == "Недостаточно отметок: 2 из 3 необходимых"
        )
        #expect(TermMarkProposal.notAttested.russianText.hasPrefix("Предлагается «н/а»"))
    }
}
