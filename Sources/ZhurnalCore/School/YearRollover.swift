/// The end of an academic year (DOMAIN.md §2, §8): the year is closed, its classes go up one parallel (5А → 6А), the
/// eleventh classes graduate, and the curriculum and the classes are carried into the next year with their pupils.
/// People, accounts, guardians, subjects, bells and work types belong to the school, not to a year, and stay as they
/// are; the new year's calendar is the administrator's to set, since its dates differ every year. The plan is shown
/// before anything is done; a year whose periods are not all closed, or whose last period has not ended, is refused.
public enum YearRollover {
    public struct SchoolClass: Sendable, Hashable {
        public let id: Int
        public let parallel: Int
        public let letter: String
        /// Enrolled on the year's last day.
        public let pupils: Int

        public init(id: Int, parallel: Int, letter: String, pupils: Int) {
            self.id = id
            self.parallel = parallel
            self.letter = letter
            self.pupils = pupils
        }

        public var name: String { "\(parallel)\(letter)" }
    }

    public struct Period: Sendable, Hashable {
        public let title: String
        public let span: DateSpan
        public let closed: Bool

        public init(title: String, span: DateSpan, closed: Bool) {
            self.title = title
            self.span = span
            self.closed = closed
        }
    }

    public struct Plan: Sendable, Hashable {
        public let title: String
        public let span: DateSpan
        /// Each class of the closing year and the name it takes in the next one.
        public let promotions: [Promotion]
        public let graduating: [SchoolClass]

        public struct Promotion: Sendable, Hashable {
            public let from: SchoolClass
            public let parallel: Int
            public var name: String { "\(parallel)\(from.letter)" }
        }
    }

    public static let lastParallel = 11

    public static func plan(
        span: DateSpan,
        periods: [Period],
        classes: [SchoolClass],
        nextYearExists: Bool,
        today: LocalDate
    ) throws(RuleRefusal) -> Plan {
        guard let lastDay = periods.map(\.span.end).max() else {
            throw RuleRefusal(code: "no_periods", russianMessage: "В году нет учебных периодов: закрывать нечего.")
        }
        let open = periods.filter { !$0.closed }.map(\.title)
        guard open.isEmpty else {
            throw RuleRefusal(
                code: "unclosed_periods",
                russianMessage:
                    "Год нельзя закрыть, пока открыты периоды: \(open.joined(separator: ", ")). Сначала закройте их и выставьте итоговые отметки."
            )
        }
        guard today > lastDay else {
            throw RuleRefusal(
                code: "year_not_over",
                russianMessage:
                    "Учебные периоды идут до \(lastDay.russian): год закрывают после этого дня, выставив годовые, экзаменационные и итоговые отметки."
            )
        }
        guard !nextYearExists else {
            throw RuleRefusal(code: "next_year_exists", russianMessage: "Следующий учебный год уже создан.")
        }
        let sorted = classes.sorted { ($0.parallel, $0.letter) < ($1.parallel, $1.letter) }
        return Plan(
            title: nextTitle(span: span),
            span: nextSpan(span),
            promotions: sorted.filter { $0.parallel < lastParallel }.map { Plan.Promotion(from: $0, parallel: $0.parallel + 1) },
            graduating: sorted.filter { $0.parallel >= lastParallel }
        )
    }

    /// The same days a year later; 29 February becomes the 28th.
    public static func nextYear(_ date: LocalDate) -> LocalDate {
        let (year, month, day) = date.components
        return LocalDate(year: year + 1, month: month, day: day) ?? LocalDate(year: year + 1, month: month, day: day - 1)!
    }

    public static func nextSpan(_ span: DateSpan) -> DateSpan { DateSpan(nextYear(span.start), nextYear(span.end)) }

    /// The next year's title as schools write it: «2027/28».
    public static func nextTitle(span: DateSpan) -> String {
        let next = nextSpan(span)
        let short = String(next.end.year % 100).leftPadded(2)
        return next.start.year == next.end.year ? "\(next.start.year)" : "\(next.start.year)/\(short)"
    }
}
