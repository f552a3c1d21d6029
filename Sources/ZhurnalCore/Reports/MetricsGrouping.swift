/// How the school metrics of a period are grouped (DOMAIN.md §4): each row counts the pupils of a class, a parallel
/// or the whole school once by their worst period mark, or the period marks of a subject's or a teacher's courses
/// one by one.
public enum MetricsGrouping: String, CaseIterable, Sendable, Hashable {
    case schoolClass = "class"
    case parallel
    case subject
    case teacher
    case school

    /// Whether a row counts pupils (once each, by the worst of their marks) rather than marks in one subject.
    public var countsPupils: Bool {
        switch self {
        case .schoolClass, .parallel, .school: true
        case .subject, .teacher: false
        }
    }

    public var russianTitle: String {
        switch self {
        case .schoolClass: "по классам"
        case .parallel: "по параллелям"
        case .subject: "по предметам"
        case .teacher: "по учителям"
        case .school: "по школе"
        }
    }
}
