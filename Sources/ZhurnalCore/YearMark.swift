/// The year mark computed from the period marks (DOMAIN.md §3).
public enum YearMark {
    /// The default year mark: the mean of the numeric period marks, an exact half rounding up (for the student):
    /// 3, 3, 4, 4 → 4; 3, 4, 4 → 4; 3, 3, 4 → 3.
    ///
    /// Decisions where DOMAIN.md is silent:
    /// - any н/а period makes the year н/а: a period not attested leaves the year not attested until the teacher
    ///   decides otherwise (the proposal is only shown beside the mark he enters);
    /// - осв periods are left out; a year of only осв is осв;
    /// - a year of only зач/незач periods is зач when every one is зач, else незач; beside numeric periods,
    ///   зач/незач are left out (a graded subject's mean is of its grades);
    /// - a double mark, which `parse` never produces for a period, counts as its mean;
    /// - `nil` when there is nothing to compute from.
    public static func of(periodMarks: [MarkValue]) -> MarkValue? {
        guard !periodMarks.isEmpty else { return nil }
        if periodMarks.contains(.notAttested) { return .notAttested }
        let values = periodMarks.flatMap { $0.countedValues(doubleCounting: .mean) }
        if !values.isEmpty {
            let mean = values.reduce(Rational.zero, +) / Rational(values.count)
            return .grade(mean.roundedToInteger())
        }
        let passFail = periodMarks.filter { $0 == .passed || $0 == .failed }
        if !passFail.isEmpty { return passFail.allSatisfy { $0 == .passed } ? .passed : .failed }
        return periodMarks.contains(.exempt) ? .exempt : nil
    }
}
