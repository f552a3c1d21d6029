/// How a course is assessed.
public enum Grading: String, CaseIterable, Sendable, Codable {
    /// The five-point scale (2–5, "1" where the school enables it) with the special values.
    case marks
    /// Зачёт / незачёт only.
    case passFail = "pass_fail"
    /// No marks at all: attendance, topics and homework only (e.g. the first grade, many clubs).
    case ungraded

    /// The title shown in the interface.
    public var russianTitle: String {
        switch self {
        case .marks: "Пятибалльная шкала"
        case .passFail: "Зачёт / незачёт"
        case .ungraded: "Без отметок"
        }
    }
}
