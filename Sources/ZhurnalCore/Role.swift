/// A role a person holds in a school (DOMAIN.md §1). One person may hold several.
///
/// The raw values are the stored spelling and must not change.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Системный администратор: structure, accounts, credentials, settings.
    case admin
    /// Директор: reads everything, signs the year archive.
    case director
    /// Заместитель директора по УВР: reads everything, internal control, closes periods, late corrections.
    case deputy
    /// Учитель (also педагог доп. образования / внеурочной деятельности): keeps his own courses' journals.
    case teacher
    /// Классный руководитель: a teacher attached to one class.
    case homeroom
    /// Родитель (законный представитель): his own children's diaries.
    case parent
    /// Ученик: his own diary.
    case student
    /// Наблюдатель муниципалитета/региона: aggregated reports, read only.
    case observer

    /// The title shown in the interface.
    public var russianTitle: String {
        switch self {
        case .admin: "Системный администратор"
        case .director: "Директор"
        case .deputy: "Заместитель директора по УВР"
        case .teacher: "Учитель"
        case .homeroom: "Классный руководитель"
        case .parent: "Родитель"
        case .student: "Ученик"
        case .observer: "Наблюдатель"
        }
    }
}
