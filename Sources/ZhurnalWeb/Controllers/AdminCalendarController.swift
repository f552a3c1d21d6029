import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The administrator's page of the year's calendar (`/admin/calendar`): its periods by kind and its holidays, with a
/// form for each; a refused form comes back with its values and the reason.
struct AdminCalendarController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: CalendarSetup { CalendarSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/calendar") { request, context in try await page(request, context) }
        router.post("/admin/calendar/periods") { request, context in try await addPeriod(request, context) }
        router.post("/admin/calendar/holidays") { request, context in try await addHoliday(request, context) }
        router.post("/admin/calendar/lessons") { request, context in try await generateLessons(request, context) }
        router.post("/admin/calendar/periods/:periodId") { request, context in
            let id = try context.parameters.require("periodId", as: Int.self)
            let form = try await request.form([String: String].self, context: context)
            return try await changed(request, context) {
                form["action"] == "delete"
                    ? try await setup.deletePeriod(id: id, context: context, path: request.uri.path)
                    : try await setup.changePeriod(
                        id: id,
                        startsOn: form["startsOn"] ?? "",
                        endsOn: form["endsOn"] ?? "",
                        context: context,
                        path: request.uri.path
                    )
            }
        }
        router.post("/admin/calendar/holidays/:holidayId") { request, context in
            let id = try context.parameters.require("holidayId", as: Int.self)
            let form = try await request.form([String: String].self, context: context)
            return try await changed(request, context) {
                form["action"] == "delete"
                    ? try await setup.deleteHoliday(id: id, context: context, path: request.uri.path)
                    : try await setup.changeHoliday(
                        id: id,
                        title: form["title"],
                        startsOn: form["startsOn"] ?? "",
                        endsOn: form["endsOn"] ?? "",
                        context: context,
                        path: request.uri.path
                    )
            }
        }
    }

    private func changed(_ request: Request, _ context: AppRequestContext, _ body: () async throws -> CalendarSetup.Changed) async throws -> Response
    {
        let outcome: CalendarSetup.Changed
        do {
            outcome = try await body()
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(
            status: .seeOther,
            headers: [.location: "/admin/calendar?removed=\(outcome.lessonsRemoved)&created=\(outcome.lessonsCreated)"]
        )
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let yearTitle: String
        let yearDates: String
        let periods: [Line]
        let hasPeriods: Bool
        let holidays: [Line]
        let hasHolidays: Bool
        let csrf: String
        let kinds: [Choice]
        let error: String?
        let added: Bool
        let generated: String?
        let openPeriods: [Choice]

        struct Line: Sendable {
            let title: String
            let dates: String
            let note: String?
            /// The form that changes or removes it; nil for a closed period.
            let action: String?
            /// Unique among the page's fields: `period-3`, `holiday-5`.
            let key: String
            let startsOn: String
            let endsOn: String
        }

        struct Choice: Sendable {
            let value: String
            let label: String
        }
    }

    func page(_ request: Request, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let path = "/admin/calendar"
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let calendar = try await setup.calendar(context: context, path: path)
        let dates = { (span: DateSpan) in "\(span.start.russian) – \(span.end.russian)" }
        let periods = calendar.periods.map { period in
            Page.Line(
                title: period.title,
                dates: dates(period.span),
                note: period.closed ? "закрыт" : nil,
                action: period.closed ? nil : "/admin/calendar/periods/\(period.id)",
                key: "period-\(period.id)",
                startsOn: period.span.start.iso,
                endsOn: period.span.end.iso
            )
        }
        let holidays = calendar.holidays.map { holiday in
            Page.Line(
                title: holiday.title,
                dates: dates(holiday.span),
                note: holiday.parallel.map { "только \($0)-е классы" },
                action: "/admin/calendar/holidays/\(holiday.id)",
                key: "holiday-\(holiday.id)",
                startsOn: holiday.span.start.iso,
                endsOn: holiday.span.end.iso
            )
        }
        let page = Page(
            title: "Календарь года \(calendar.title)",
            chrome: Chrome(context),
            yearTitle: calendar.title,
            yearDates: dates(calendar.span),
            periods: periods,
            hasPeriods: !periods.isEmpty,
            holidays: holidays,
            hasHolidays: !holidays.isEmpty,
            csrf: context.session?.csrfToken ?? "",
            kinds: PeriodKind.allCases.map { Page.Choice(value: $0.rawValue, label: $0.russianTitle) },
            error: error,
            added: request.uri.queryParameters["added"] != nil,
            generated: Self.generated(request.uri.queryParameters),
            openPeriods: calendar.periods.filter { !$0.closed }.map { Page.Choice(value: String($0.id), label: "\($0.title), \(dates($0.span))") }
        )
        return pages.page("admin-calendar", page, status: status)
    }

    func addPeriod(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form([String: String].self, context: context)
        do {
            _ = try await setup.addPeriod(
                kind: form["kind"] ?? "",
                number: form["number"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                startsOn: form["startsOn"] ?? "",
                endsOn: form["endsOn"] ?? "",
                context: context,
                path: request.uri.path
            )
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/calendar?added=1"])
    }

    func addHoliday(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form([String: String].self, context: context)
        do {
            _ = try await setup.addHoliday(
                title: form["title"] ?? "",
                startsOn: form["startsOn"] ?? "",
                endsOn: form["endsOn"] ?? "",
                parallel: form["parallel"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                context: context,
                path: request.uri.path
            )
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/calendar?added=1"])
    }

    func generateLessons(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form([String: String].self, context: context)
        let generated: LessonGeneration.Outcome
        do {
            generated = try await LessonSetup(database: database, access: access, clock: clock).generate(
                periodID: form["period"].flatMap { Int($0) },
                context: context,
                path: request.uri.path
            ).outcome
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        let query = "lessons=\(generated.new.count)&existing=\(generated.existing)&holidays=\(generated.onHolidays)"
        return Response(status: .seeOther, headers: [.location: "/admin/calendar?\(query)"])
    }

    /// «Создано уроков: 812; уже были: 40; пришлось на каникулы: 96.» after a generation, from the redirect's query.
    static func generated(_ query: Parameters) -> String? {
        if let removed = query["removed"].flatMap({ Int($0) }), let created = query["created"].flatMap({ Int($0) }) {
            return "Календарь изменён. Уроков убрано: \(removed); создано по расписанию: \(created)."
        }
        guard let created = query["lessons"].flatMap({ Int($0) }) else { return nil }
        let existing = query["existing"].flatMap { Int($0) } ?? 0
        let holidays = query["holidays"].flatMap { Int($0) } ?? 0
        return "Создано уроков по расписанию: \(created); уже были: \(existing); пришлось на каникулы: \(holidays)."
    }
}
