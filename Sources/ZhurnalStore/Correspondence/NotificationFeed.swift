import SQLKit
import ZhurnalCore

/// One line of a person's notifications, in Russian, with what it leads to.
public struct FeedItem: Sendable, Hashable {
    public let kind: NotificationKind
    /// UTC ISO-8601.
    public let at: String
    /// Whose it is, when the person follows several pupils: «Аксёнова Мария».
    public let pupil: String?
    /// «Математика: 5», «Объявление: Родительское собрание».
    public let title: String
    /// «Контрольная работа, вес 3 · урок 12.10.2026».
    public let detail: String
    public let target: Target

    public enum Target: Sendable, Hashable {
        case diary(student: Int, date: LocalDate?)
        case marks(student: Int)
        case announcement(Int)
        case message(Int)
    }
}

/// A person's notifications after a moment (DOMAIN.md §5): his family pupils' new marks, absences, term marks,
/// homework and timetable changes, the announcements he reads and the messages he received, without the kinds he
/// muted. Three statements besides his family list.
public enum NotificationFeed {
    public static func read(
        school: Int,
        person: Int,
        administration: Bool,
        family: [FamilyStudent],
        since: String,
        muted: Set<NotificationKind>,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> [FeedItem] {
        // A pupil without the consent on record has his diary closed to his family: nothing of it goes out either.
        let open = family.filter(\.familyConsent)
        let names = Dictionary(open.map { ($0.id, shortName($0.fullName)) }) { first, _ in first }
        let several = open.count > 1
        var lines: [FeedItem] = []
        // A child in another school (linked by the operator) is read in his own school: one statement a school.
        for (pupilSchool, pupils) in Dictionary(grouping: open, by: \.schoolID).sorted(by: { $0.key < $1.key }) {
            for event in try await FamilyEvents.since(since, school: pupilSchool, students: pupils.map(\.id), today: today, in: sql) {
                lines.append(line(event, pupil: several ? names[event.studentID] : nil))
            }
        }
        if !muted.contains(.announcement) {
            for announcement in try await Announcements.current(
                school: school,
                person: person,
                administration: administration,
                today: today,
                since: since,
                in: sql
            ) where announcement.authorID != person {
                lines.append(
                    FeedItem(
                        kind: .announcement,
                        at: announcement.publishedAt,
                        pupil: nil,
                        title: "Объявление: \(announcement.title)",
                        detail: "\(announcement.authorName) · до \(announcement.expiresOn.russian)",
                        target: .announcement(announcement.id)
                    )
                )
            }
        }
        if !muted.contains(.message) {
            for message in try await Messages.inbox(school: school, person: person, since: since, in: sql) {
                lines.append(
                    FeedItem(
                        kind: .message,
                        at: message.sentAt,
                        pupil: nil,
                        title: "Сообщение от \(message.senderName)" + (message.subject.isEmpty ? "" : ": \(message.subject)"),
                        detail: message.readAt == nil ? "не прочитано" : "прочитано",
                        target: .message(message.id)
                    )
                )
            }
        }
        return lines.filter { !muted.contains($0.kind) }.sorted { ($0.at, $0.title) > ($1.at, $1.title) }
    }

    static func line(_ event: FamilyEvent, pupil: String?) -> FeedItem {
        let day = event.date.map { " · урок \($0.russian)" } ?? ""
        switch event.kind {
        case .mark:
            return FeedItem(
                kind: .mark,
                at: event.at,
                pupil: pupil,
                title: "\(event.subject): \(event.value)",
                detail: (event.detail ?? "") + day,
                target: .diary(student: event.studentID, date: event.date)
            )
        case .absence:
            let title = AttendanceCode(rawValue: event.value)?.russianTitle ?? event.value
            return FeedItem(
                kind: .absence,
                at: event.at,
                pupil: pupil,
                title: "\(event.subject): \(event.value)",
                detail: title + day,
                target: .diary(student: event.studentID, date: event.date)
            )
        case .termMark:
            return FeedItem(
                kind: .termMark,
                at: event.at,
                pupil: pupil,
                title: "\(event.subject): \(event.value)",
                detail: "Итоговая отметка " + (event.detail ?? ""),
                target: .marks(student: event.studentID)
            )
        case .homework:
            return FeedItem(
                kind: .homework,
                at: event.at,
                pupil: pupil,
                title: "\(event.subject): домашнее задание",
                detail: String(event.value.prefix(140)) + day,
                target: .diary(student: event.studentID, date: event.date)
            )
        default:
            let change =
                switch event.value {
                case "cancelled": "урок отменён"
                case "moved": "урок перенесён"
                default: "замена учителя"
                }
            return FeedItem(
                kind: .timetable,
                at: event.at,
                pupil: pupil,
                title: "\(event.subject): \(change)",
                detail: [event.date.map { "\($0.russian)" }, event.detail].compactMap { $0 }.joined(separator: ", "),
                target: .diary(student: event.studentID, date: event.date)
            )
        }
    }

    /// «Аксёнова Мария Ивановна» → «Аксёнова Мария».
    private static func shortName(_ full: String) -> String {
        full.split(separator: " ").prefix(2).joined(separator: " ")
    }
}
