/// «Ознакомлен»: a parent confirms he has seen his child's week (DOMAIN.md §5). A week can be acknowledged once it is
/// over, and the current one from its Friday, when its marks and homework are mostly in; never a week to come.
public enum WeekAcknowledgement {
    public enum Refusal: Sendable, Hashable, Error {
        case future
        case beforeFriday

        public var code: String {
            switch self {
            case .future: "week_not_begun"
            case .beforeFriday: "week_not_over"
            }
        }

        public var russianMessage: String {
            switch self {
            case .future: "Эта неделя ещё не началась: ознакомиться можно с прошедшей неделей или с текущей начиная с пятницы."
            case .beforeFriday: "С текущей неделей можно ознакомиться начиная с пятницы."
            }
        }
    }

    /// Nil when `week` may be acknowledged on `today`.
    public static func refusal(week: SchoolWeek, today: LocalDate) -> Refusal? {
        if today < week.monday { return .future }
        if week.span.contains(today) && today.weekday < 5 { return .beforeFriday }
        return nil
    }
}
