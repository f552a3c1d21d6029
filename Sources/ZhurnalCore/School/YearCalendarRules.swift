/// The rules of an academic year's calendar (DOMAIN.md §2): its assessment periods and its holidays. A refusal names
/// the field and what is wrong in Russian, and the set-up pages and API pass it on as it is.
public enum YearCalendarRules {
    public typealias Refusal = RuleRefusal

    /// A period already in the year, as the rules see it.
    public struct Period: Sendable, Hashable {
        public let kind: PeriodKind
        public let number: Int
        public let span: DateSpan

        public init(kind: PeriodKind, number: Int, span: DateSpan) {
            self.kind = kind
            self.number = number
            self.span = span
        }
    }

    /// A holiday already in the year: for the whole school (`parallel` nil) or one parallel.
    public struct Holiday: Sendable, Hashable {
        public let span: DateSpan
        public let parallel: Int?

        public init(span: DateSpan, parallel: Int?) {
            self.span = span
            self.parallel = parallel
        }
    }

    /// The dates as typed, checked: both valid ISO dates, the start not after the end, both inside the year.
    public static func span(from start: String, to end: String, in year: DateSpan) throws(Refusal) -> DateSpan {
        guard let first = LocalDate(iso: start.trimmingWhitespace()), let last = LocalDate(iso: end.trimmingWhitespace()) else {
            throw Refusal(code: "bad_date", russianMessage: "Даты — в виде ГГГГ-ММ-ДД, например 2026-09-01.")
        }
        guard first <= last else {
            throw Refusal(code: "dates_reversed", russianMessage: "Начало (\(first.russian)) позже конца (\(last.russian)).")
        }
        guard year.contains(first), year.contains(last) else {
            throw Refusal(
                code: "outside_year",
                russianMessage: "Даты должны лежать внутри учебного года: с \(year.start.russian) по \(year.end.russian)."
            )
        }
        return DateSpan(first, last)
    }

    /// A new period of `kind` numbered `number` over `span`: its number is free, it overlaps no period of its kind, and
    /// the periods of a kind follow one another in the order of their numbers.
    public static func check(newPeriod kind: PeriodKind, number: Int, span: DateSpan, among periods: [Period]) throws(Refusal) {
        guard (1...12).contains(number) else {
            throw Refusal(code: "bad_number", russianMessage: "Номер периода — от 1 до 12.")
        }
        let sameKind = periods.filter { $0.kind == kind }
        if sameKind.contains(where: { $0.number == number }) {
            throw Refusal(code: "duplicate_period", russianMessage: "\(number) \(kind.russianTitle) в этом году уже есть.")
        }
        if let clash = sameKind.first(where: { $0.span.overlaps(span) }) {
            throw Refusal(
                code: "periods_overlap",
                russianMessage: "Период пересекается с периодом «\(clash.number) \(kind.russianTitle)» "
                    + "(\(clash.span.start.russian) – \(clash.span.end.russian))."
            )
        }
        let misplaced = sameKind.first { other in (other.number < number) != (other.span.end < span.start) }
        if let misplaced {
            throw Refusal(
                code: "periods_out_of_order",
                russianMessage: "Периоды идут по порядку номеров: «\(misplaced.number) \(kind.russianTitle)» "
                    + "(\(misplaced.span.start.russian) – \(misplaced.span.end.russian)) не может идти "
                    + (misplaced.number < number ? "после" : "до") + " периода номер \(number)."
            )
        }
    }

    /// A new holiday over `span`, for the whole school or one parallel: it overlaps no holiday that applies to the same
    /// pupils.
    public static func check(newHoliday span: DateSpan, parallel: Int?, among holidays: [Holiday]) throws(Refusal) {
        if let parallel, !(1...11).contains(parallel) {
            throw Refusal(code: "bad_parallel", russianMessage: "Параллель — от 1 до 11 (или пусто для всей школы).")
        }
        let clash = holidays.first { other in
            other.span.overlaps(span) && (other.parallel == nil || parallel == nil || other.parallel == parallel)
        }
        if let clash {
            throw Refusal(
                code: "holidays_overlap",
                russianMessage: "Каникулы пересекаются с уже заданными: \(clash.span.start.russian) – \(clash.span.end.russian)."
            )
        }
    }

    /// The title a period is shown under: «2 четверть», «1 полугодие».
    public static func title(kind: PeriodKind, number: Int) -> String { "\(number) \(kind.russianTitle)" }
}
