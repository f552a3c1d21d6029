/// What the system proposes beside the term mark the teacher enters (DOMAIN.md §3).
public enum TermMarkProposal: Sendable, Hashable {
    /// A mark 2–5 and the exact weighted average it was rounded from.
    case mark(Int, average: Rational)
    /// Below the accumulation minimum: no proposal, and the student is flagged.
    case insufficientMarks(count: Int, required: Int)
    /// н/а (only under the optional rule).
    case notAttested

    /// Proposes a term mark.
    ///
    /// In order: the optional н/а rule (fewer than 3 counted marks and `absenceRatio` strictly above 1/2) wins
    /// over everything; then the accumulation minimum (`Accumulation`); then the weighted average rounded by the
    /// profile; then, if `twoForbidsFive`, a period with any mark below 3 (a 2, a 1, or such a part of a double
    /// mark) is capped at 4.
    ///
    /// - Parameters:
    ///   - marks: the student's marks of the period, with their weights.
    ///   - absenceRatio: lessons missed (н, б, у — not оп) over lessons held; see `absenceRatio(missed:held:)`.
    public static func propose(
        marks: [CountedMark],
        periodKind: PeriodKind,
        weeklyHours: Int,
        absenceRatio: Rational,
        rules: TermMarkRules = TermMarkRules()
    ) -> TermMarkProposal {
        let count = Accumulation.count(of: marks)
        if rules.notAttestedWhenFewMarksAndAbsent && count < 3 && absenceRatio > Rational(1, 2) {
            return .notAttested
        }
        let required = Accumulation.minimumMarks(periodKind: periodKind, weeklyHours: weeklyHours)
        guard count >= required, let average = WeightedAverage.of(marks, doubleCounting: rules.doubleCounting) else {
            return .insufficientMarks(count: count, required: required)
        }
        var mark = rules.profile.mark(for: average)
        if rules.twoForbidsFive {
            let hasFailing = marks.contains { $0.counts && ($0.value.lowestGrade ?? 5) < 3 }
            if hasFailing { mark = min(mark, 4) }
        }
        return .mark(mark, average: average)
    }

    /// Missed lessons over held lessons; zero when no lesson was held.
    public static func absenceRatio(missed: Int, held: Int) -> Rational {
        held > 0 ? Rational(missed, held) : .zero
    }

    /// The mark proposed, when there is one.
    public var proposedMark: Int? {
        if case .mark(let mark, _) = self { return mark }
        return nil
    }

    /// The text shown beside the term mark: «Предлагается 4 (средний балл 4,44)».
    public var russianText: String {
        switch self {
        case .mark(let mark, let average):
            "Предлагается \(mark) (средний балл \(average.decimalString()))"
        case .insufficientMarks(let count, let required):
            "Недостаточно отметок: \(count) из \(required) необходимых"
        case .notAttested:
            "Предлагается «н/а»: мало отметок и пропущено больше половины уроков"
        }
    }
}
