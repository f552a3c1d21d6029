/// Who may be recorded as the actual teacher of a lesson (DOMAIN.md §2: substitution, замена): a teacher of the
/// school whose account works.
public enum Substitution {
    /// What the school knows of the person chosen: nil when the school has no such person.
    public struct Candidate: Sendable, Hashable {
        /// Whether an account of his with the teacher role works (has not been deactivated).
        public let active: Bool
        /// The roles of his account (none without one).
        public let roles: Set<Role>

        public init(active: Bool, roles: Set<Role>) {
            self.active = active
            self.roles = roles
        }
    }

    /// Why the person cannot be the lesson's teacher, or nil when he can.
    public static func refusal(_ candidate: Candidate?) -> SubstitutionRefusal? {
        guard let candidate else { return .unknownPerson }
        guard candidate.roles.contains(.teacher) else { return .notATeacher }
        guard candidate.active else { return .inactive }
        return nil
    }
}

/// Why a person cannot be recorded as a lesson's teacher, in words for the page and a code for the API.
public enum SubstitutionRefusal: Error, Sendable, Hashable {
    case unknownPerson
    case notATeacher
    case inactive

    public var code: String {
        switch self {
        case .unknownPerson: "unknown_teacher"
        case .notATeacher: "not_a_teacher"
        case .inactive: "teacher_inactive"
        }
    }

    public var message: String {
        switch self {
        case .unknownPerson: "Такого учителя в школе нет: выберите учителя из списка."
        case .notATeacher: "Вести урок может только учитель: у этого человека нет роли учителя."
        case .inactive: "Учётная запись этого учителя отключена: выберите работающего учителя."
        }
    }
}
