/// What the notification feed tells a family (DOMAIN.md §5), and what a person may switch off. The raw values are the
/// stored spelling.
public enum NotificationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case mark
    case absence
    case termMark = "term_mark"
    case homework
    case timetable
    case announcement
    case message

    public var russianTitle: String {
        switch self {
        case .mark: "Новые отметки"
        case .absence: "Пропуски"
        case .termMark: "Итоговые отметки"
        case .homework: "Домашние задания"
        case .timetable: "Изменения расписания"
        case .announcement: "Объявления"
        case .message: "Сообщения"
        }
    }
}
