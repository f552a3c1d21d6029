/// An attendance entry for one student at one lesson (DOMAIN.md §3). Attendance is kept apart from marks and
/// never enters an average. Only the code is stored — never a diagnosis.
public enum AttendanceCode: String, CaseIterable, Sendable, Codable {
    /// н: absent, reason not yet known. Entered by the teacher.
    case absent = "н"
    /// б: absent through illness. Set by the homeroom teacher or admin in place of н.
    case ill = "б"
    /// у: absent for a documented reason. Set by the homeroom teacher or admin in place of н.
    case excused = "у"
    /// оп: late. Entered by the teacher; not an absence.
    case late = "оп"

    /// The codes a teacher enters at the lesson.
    public static let enteredByTeacher: [AttendanceCode] = [.absent, .late]

    /// The codes an absence (н) may be classified as afterwards.
    public static let classifications: [AttendanceCode] = [.ill, .excused]

    /// The roles that may classify an absence (н → б/у).
    public static let classifyingRoles: Set<Role> = [.homeroom, .admin]

    /// The title shown in the interface.
    public var russianTitle: String {
        switch self {
        case .absent: "Отсутствие (причина не выяснена)"
        case .ill: "Отсутствие по болезни"
        case .excused: "Отсутствие по уважительной причине"
        case .late: "Опоздание"
        }
    }

    /// Whether the student missed the lesson. Lateness is not an absence: it does not count towards missed
    /// lessons, missed days or the absence share of the н/а rule.
    public var isAbsence: Bool {
        self != .late
    }

    /// Whether this entry may be turned into `target` by classification. Only an unexplained н is classified;
    /// correcting б into у (or back) is an ordinary correction of the entry, not a classification.
    public func canBeClassified(as target: AttendanceCode) -> Bool {
        self == .absent && Self.classifications.contains(target)
    }

    /// Parses a code as typed: "н", "б", "у", "оп", surrounding spaces ignored, any letter case.
    public init(parsing text: String) throws(AttendanceParseError) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { throw .empty }
        if let code = AttendanceCode(rawValue: trimmed.lowercased()) {
            self = code
            return
        }
        if trimmed.contains(where: \.isNumber) || ["н/а", "осв", "зач", "незач"].contains(trimmed.lowercased()) {
            throw .looksLikeMark(trimmed)
        }
        throw .unknown(trimmed)
    }
}

/// Why a typed attendance code was rejected.
public enum AttendanceParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing was typed.
    case empty
    /// A mark was typed where attendance goes.
    case looksLikeMark(String)
    /// Anything else.
    case unknown(String)

    /// The message shown to the user.
    public var russianMessage: String {
        let allowed = "допустимы «н» (отсутствует), «оп» (опоздание), «б» (болезнь), «у» (уважительная причина)"
        switch self {
        case .empty:
            return "Код посещаемости не указан: " + allowed
        case .looksLikeMark(let text):
            return "\(quotedInput(text)) — это отметка, а не посещаемость; поставьте её в графе отметок"
        case .unknown(let text):
            return "Код посещаемости \(quotedInput(text)) не распознан: " + allowed
        }
    }

    public var description: String { russianMessage }
}
