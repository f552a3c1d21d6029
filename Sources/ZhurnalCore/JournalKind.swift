/// The kind of journal a course is kept in (DOMAIN.md §2).
public enum JournalKind: String, CaseIterable, Sendable, Codable {
    /// Урочная деятельность: the class journal.
    case lesson
    /// Внеурочная деятельность.
    case extracurricular
    /// Дополнительное образование.
    case additional
    /// Факультатив.
    case optional
    /// Элективный курс.
    case elective
    /// Индивидуальное обучение: home teaching of one student.
    case individual

    /// The title shown in the interface.
    public var russianTitle: String {
        switch self {
        case .lesson: "Урочная деятельность"
        case .extracurricular: "Внеурочная деятельность"
        case .additional: "Дополнительное образование"
        case .optional: "Факультатив"
        case .elective: "Элективный курс"
        case .individual: "Индивидуальное обучение"
        }
    }

    /// The gradings a course of this kind may use. The class journal and home teaching follow the curriculum, so
    /// they are marked, or left without marks where the curriculum says so (the first grade's безотметочное
    /// обучение); the other kinds may also be pass/fail (DOMAIN.md §2).
    public var allowedGradings: [Grading] {
        switch self {
        case .lesson, .individual: [.marks, .ungraded]
        case .extracurricular, .additional, .optional, .elective: Grading.allCases
        }
    }

    /// The grading a new course of this kind starts with; a school may pick another from `allowedGradings`.
    public var defaultGrading: Grading {
        switch self {
        case .lesson, .individual, .elective: .marks
        case .optional: .passFail
        case .extracurricular, .additional: .ungraded
        }
    }
}
