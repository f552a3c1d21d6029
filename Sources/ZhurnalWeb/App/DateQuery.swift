import Hummingbird
import ZhurnalCore

extension Request {
    /// The `date` query parameter as a day (`ГГГГ-ММ-ДД`); nil when absent, refused when misspelt.
    func dateQuery() throws -> LocalDate? {
        try dayQuery("date")
    }

    /// A day query parameter by name (`date`, or a report's `from` and `to`); nil when absent, refused when misspelt
    /// with the field named as the page names it.
    func dayQuery(_ name: String) throws -> LocalDate? {
        guard let text = uri.queryParameters[Substring(name)], !text.isEmpty else { return nil }
        guard let date = LocalDate(iso: String(text)) else {
            let field = ["from": " «с»", "to": " «по»"][name] ?? ""
            throw AppError.invalid("bad_date", "Дата\(field) — в виде ГГГГ-ММ-ДД.")
        }
        return date
    }

    /// A report's `from` and `to`: by default this month up to today, at most a year (``ReportRange``).
    func reportSpan(today: LocalDate) throws -> DateSpan {
        let from = try dayQuery("from") ?? LocalDate(year: today.year, month: today.month, day: 1) ?? today
        let to = try dayQuery("to") ?? max(today, from)
        do {
            return try ReportRange.check(from: from, to: to)
        } catch {
            throw AppError.invalid(error)
        }
    }
}
