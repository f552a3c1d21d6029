/// The kind of an assessment period of the academic year (DOMAIN.md §2).
public enum PeriodKind: String, CaseIterable, Sendable, Codable {
    /// Четверть (usually grades 1–9).
    case quarter
    /// Полугодие (usually grades 10–11).
    case halfYear = "half_year"
    /// Триместр.
    case trimester
    /// A period with dates of the school's own choosing.
    case custom

    /// The lowercase title used inside sentences ("за 2 четверть").
    public var russianTitle: String {
        switch self {
        case .quarter: "четверть"
        case .halfYear: "полугодие"
        case .trimester: "триместр"
        case .custom: "период"
        }
    }
}
