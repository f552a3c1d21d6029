import Hummingbird
import ZhurnalCore
import ZhurnalSheets

/// What an attendance report is asked for, read from its query: `from`, `to` (ГГГГ-ММ-ДД; by default the current
/// month up to today), `classId`, `schoolId` (an observer's school), `date` and `page` of the day's report. Each bad
/// value is refused with its own message; read only after the actor is known, so a caller without a session hears 401
/// whatever he typed.
struct AttendanceQuery: Sendable {
    let span: DateSpan
    let classID: Int?
    let schoolID: Int?

    init(_ request: Request, today: LocalDate) throws {
        span = try request.reportSpan(today: today)
        classID = try Self.id(request, "classId")
        schoolID = try Self.id(request, "schoolId")
    }

    static func id(_ request: Request, _ name: String) throws -> Int? {
        guard let text = request.uri.queryParameters[Substring(name)], !text.isEmpty else { return nil }
        guard let id = Int(String(text)), id > 0 else {
            let (code, what) = name == "classId" ? ("bad_class", "Номер класса") : ("bad_school", "Номер школы")
            throw AppError.invalid(code, "\(what) — целое число больше нуля.")
        }
        return id
    }

    /// The day's report's page, 1 by default; below 1 or not a number is refused.
    static func page(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["page"], !text.isEmpty else { return 1 }
        guard let page = Int(String(text)), page >= 1 else {
            throw AppError.invalid("bad_page", "Номер страницы — целое число от 1.")
        }
        return page
    }

    /// `csv`, `xlsx`, or nil for the page itself.
    static func format(_ request: Request) throws -> SheetFormat? {
        guard let text = request.uri.queryParameters["format"], !text.isEmpty else { return nil }
        guard let format = SheetFormat(rawValue: String(text)) else {
            throw AppError.invalid("bad_format", "Формат выгрузки — csv или xlsx.")
        }
        return format
    }
}
