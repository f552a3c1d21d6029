/// A week of the diary: Monday to Sunday, as a paper diary's spread. Saturday is shown only when it has lessons (a
/// six-day school), Sunday never has any.
public struct SchoolWeek: Sendable, Hashable {
    public let monday: LocalDate

    /// The week that contains `date`.
    public init(containing date: LocalDate) {
        monday = date.adding(days: 1 - date.weekday)
    }

    public var span: DateSpan { DateSpan(monday, monday.adding(days: 6)) }
    public var previous: SchoolWeek { SchoolWeek(containing: monday.adding(days: -7)) }
    public var next: SchoolWeek { SchoolWeek(containing: monday.adding(days: 7)) }

    /// «30.11 – 06.12.2026», or «28.12.2026 – 03.01.2027» across a new year.
    public var title: String {
        let sunday = span.end
        let start = monday.year == sunday.year ? String(monday.russian.prefix(5)) : monday.russian
        return "\(start) – \(sunday.russian)"
    }

    /// Its days from Monday to Saturday.
    public var schoolDays: [LocalDate] { (0..<6).map { monday.adding(days: $0) } }

    /// The week given as any of its dates (`YYYY-MM-DD`), or nil when the text is not a date.
    public init?(iso text: String) {
        guard let date = LocalDate(iso: text) else { return nil }
        self.init(containing: date)
    }
}

extension LocalDate {
    /// «понедельник», … «воскресенье».
    public var russianWeekday: String {
        ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"][weekday - 1]
    }
}
