/// The final mark of an exam subject (DOMAIN.md §3).
public enum FinalMark {
    /// Round half up of (year + exam) / 2: year 3, exam 4 → 4; 5, 4 → 5; 2, 3 → 3; 3, 3 → 3.
    public static func of(year: Int, exam: Int) -> Int {
        Rational(year + exam, 2).roundedToInteger()
    }
}
