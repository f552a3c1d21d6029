import Hummingbird
import ZhurnalCore

extension Request {
    /// The `date` query parameter as a day (`ГГГГ-ММ-ДД`); nil when absent, refused when misspelt.
    func dateQuery() throws -> LocalDate? {
        guard let text = uri.queryParameters["date"], !text.isEmpty else { return nil }
        guard let date = LocalDate(iso: String(text)) else { throw AppError.invalid("bad_date", "Дата — в виде ГГГГ-ММ-ДД.") }
        return date
    }
}
