/// What the system proposes beside the year mark the teacher enters (DOMAIN.md §3).
public enum YearMarkProposal: Sendable, Hashable {
    /// The year mark computed from the period marks (`YearMark.of`).
    case mark(MarkValue)
    /// Some periods in which the pupil studied have no mark yet; their titles, in order.
    case missingPeriods([String])
    /// The pupil studied in no period of the year.
    case noPeriods

    /// Proposes a year mark from the pupil's periods: each period in which he belonged to the course, with its
    /// entered mark or nil. A year mark is proposed only when every one of them has a mark: the mean of two
    /// quarters is not a year's mark.
    public static func propose(periods: [(title: String, mark: MarkValue?)]) -> YearMarkProposal {
        let missing = periods.filter { $0.mark == nil }.map(\.title)
        if !missing.isEmpty { return .missingPeriods(missing) }
        guard let mark = YearMark.of(periodMarks: periods.compactMap(\.mark)) else { return .noPeriods }
        return .mark(mark)
    }

    /// The proposed mark, if any.
    public var mark: MarkValue? {
        if case .mark(let mark) = self { return mark }
        return nil
    }

    /// The text shown beside the year mark: «Предлагается 4», «Нет отметки за 3 четверть, 4 четверть».
    public var russianText: String {
        switch self {
        case .mark(let mark): "Предлагается \(mark.canonical)"
        case .missingPeriods(let titles): "Нет отметки за " + titles.joined(separator: ", ")
        case .noPeriods: "Ученик не учился ни в одном периоде года"
        }
    }
}
