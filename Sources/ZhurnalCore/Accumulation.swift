/// Накопляемость: how many marks a student needs in a period before a term mark is proposed (DOMAIN.md §3).
public enum Accumulation {
    /// The minimum number of marks for a period.
    ///
    /// Quarter or trimester: at least 3 with ≤ 2 hours a week, at least 5 with more; half-year: at least 5.
    /// A custom period is treated like a quarter: DOMAIN.md names no rule for it, a custom period is usually of
    /// quarter length, and the hours-based rule is the milder of the two so it never flags a student the
    /// regulations would not.
    public static func minimumMarks(periodKind: PeriodKind, weeklyHours: Int) -> Int {
        switch periodKind {
        case .quarter, .trimester, .custom: weeklyHours <= 2 ? 3 : 5
        case .halfYear: 5
        }
    }

    /// The number of marks that count towards accumulation: one per cell with a numeric value and a positive
    /// weight. A double mark is one assessment and counts once even when its average counting is `.twoMarks`,
    /// so that the minimum means "assessed this many times".
    public static func count(of marks: [CountedMark]) -> Int {
        marks.count(where: \.counts)
    }

    /// Whether a student with these marks meets the minimum.
    public static func isMet(by marks: [CountedMark], periodKind: PeriodKind, weeklyHours: Int) -> Bool {
        count(of: marks) >= minimumMarks(periodKind: periodKind, weeklyHours: weeklyHours)
    }
}
