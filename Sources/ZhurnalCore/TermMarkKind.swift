/// Which of a course's term marks (итоговые отметки) a value is (DOMAIN.md §3; §8 names all four as the columns of
/// the summary sheet).
public enum TermMarkKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// The mark of one period: a quarter, half-year or trimester.
    case period
    /// Годовая: the mark of the year, from the period marks.
    case year
    /// Экзаменационная: the mark of the exam in the subject.
    case exam
    /// Итоговая: the year mark, or for a pupil who sat the subject's exam, the year and the exam together.
    case final

    /// The column's title: «Годовая».
    public var russianTitle: String {
        switch self {
        case .period: "За период"
        case .year: "Годовая"
        case .exam: "Экзамен"
        case .final: "Итоговая"
        }
    }
}
