/// Whom a message goes to. The raw values are the stored spelling.
public enum MessageAudience: String, Sendable, Hashable, CaseIterable, Codable {
    /// One person.
    case person
    /// The pupils of a class.
    case classPupils = "class_pupils"
    /// The parents of a class's pupils.
    case classParents = "class_parents"
}

/// Whom an announcement is for. The raw values are the stored spelling.
public enum AnnouncementAudience: String, Sendable, Hashable, CaseIterable, Codable {
    /// Everyone in the school.
    case school
    /// A class: its pupils and their parents (and its teachers see it).
    case classFamilies = "class"
    /// The parents of a class's pupils only.
    case classParents = "class_parents"

    public var russianTitle: String {
        switch self {
        case .school: "Вся школа"
        case .classFamilies: "Класс (ученики и родители)"
        case .classParents: "Родители класса"
        }
    }
}
