/// The dates a report covers, as asked: both ends given, in order, and at most a year apart, so that one request
/// cannot make the server read the school's whole history (SECURITY.md, Load).
public enum ReportRange {
    /// The longest range: a leap year's days.
    public static let maximumDays = 366

    /// The span from `from` to `to`, both included, or the refusal to show the person who asked.
    public static func check(from: LocalDate, to: LocalDate) throws(RuleRefusal) -> DateSpan {
        guard from <= to else {
            throw RuleRefusal(code: "bad_range", russianMessage: "Начало периода (\(from.russian)) позже его конца (\(to.russian)).")
        }
        guard from.distance(to: to) < maximumDays else {
            throw RuleRefusal(code: "range_too_long", russianMessage: "Период отчёта — не длиннее года (\(maximumDays) дней).")
        }
        return DateSpan(from, to)
    }
}
