import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The year's calendar for programs: `GET /api/v1/calendar` (the administration), and adding a period or a holiday
/// (the administrator), under the same rules as the page.
struct CalendarAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: CalendarSetup { CalendarSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/calendar") { request, context in try await calendar(request, context) }
        router.post("/api/v1/calendar/periods") { request, context in try await addPeriod(request, context) }
        router.post("/api/v1/calendar/holidays") { request, context in try await addHoliday(request, context) }
        router.post("/api/v1/calendar/lessons") { request, context in try await generateLessons(request, context) }
        router.put("/api/v1/calendar/periods/:periodId") { request, context in
            let body = try await request.jsonBody(NewDates.self, context: context)
            return ChangedJSON(
                try await setup.changePeriod(
                    id: try context.parameters.require("periodId", as: Int.self),
                    startsOn: body.startsOn,
                    endsOn: body.endsOn,
                    context: context,
                    path: request.uri.path
                )
            )
        }
        router.delete("/api/v1/calendar/periods/:periodId") { request, context in
            ChangedJSON(
                try await setup.deletePeriod(id: try context.parameters.require("periodId", as: Int.self), context: context, path: request.uri.path)
            )
        }
        router.put("/api/v1/calendar/holidays/:holidayId") { request, context in
            let body = try await request.jsonBody(NewDates.self, context: context)
            return ChangedJSON(
                try await setup.changeHoliday(
                    id: try context.parameters.require("holidayId", as: Int.self),
                    title: body.title,
                    startsOn: body.startsOn,
                    endsOn: body.endsOn,
                    context: context,
                    path: request.uri.path
                )
            )
        }
        router.delete("/api/v1/calendar/holidays/:holidayId") { request, context in
            ChangedJSON(
                try await setup.deleteHoliday(id: try context.parameters.require("holidayId", as: Int.self), context: context, path: request.uri.path)
            )
        }
    }

    struct NewDates: Decodable {
        let startsOn: String
        let endsOn: String
        /// Holidays only: a new title, or the old one kept.
        let title: String?
    }

    struct ChangedJSON: ResponseEncodable {
        let lessonsRemoved: Int
        let lessonsCreated: Int

        init(_ changed: CalendarSetup.Changed) {
            (lessonsRemoved, lessonsCreated) = (changed.lessonsRemoved, changed.lessonsCreated)
        }
    }

    struct CalendarJSON: ResponseEncodable {
        let yearId: Int
        let title: String
        let startsOn: String
        let endsOn: String
        let periods: [Period]
        let holidays: [Holiday]

        struct Period: Encodable {
            let id: Int
            let kind: String
            let number: Int
            let title: String
            let startsOn: String
            let endsOn: String
            let closed: Bool
        }

        struct Holiday: Encodable {
            let id: Int
            let title: String
            let startsOn: String
            let endsOn: String
            @Nullable var parallel: Int?
        }
    }

    func calendar(_ request: Request, _ context: AppRequestContext) async throws -> CalendarJSON {
        let calendar = try await setup.calendar(context: context, path: request.uri.path)
        return CalendarJSON(
            yearId: calendar.yearID,
            title: calendar.title,
            startsOn: calendar.span.start.iso,
            endsOn: calendar.span.end.iso,
            periods: calendar.periods.map {
                .init(
                    id: $0.id,
                    kind: $0.kind.rawValue,
                    number: $0.number,
                    title: $0.title,
                    startsOn: $0.span.start.iso,
                    endsOn: $0.span.end.iso,
                    closed: $0.closed
                )
            },
            holidays: calendar.holidays.map {
                .init(id: $0.id, title: $0.title, startsOn: $0.span.start.iso, endsOn: $0.span.end.iso, parallel: $0.parallel)
            }
        )
    }

    struct NewPeriod: Decodable {
        let kind: String
        let number: Int
        let startsOn: String
        let endsOn: String
    }

    struct NewHoliday: Decodable {
        let title: String
        let startsOn: String
        let endsOn: String
        let parallel: Int?
    }

    func addPeriod(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let body = try await request.jsonBody(NewPeriod.self, context: context)
        let id = try await setup.addPeriod(
            kind: body.kind,
            number: body.number,
            startsOn: body.startsOn,
            endsOn: body.endsOn,
            context: context,
            path: request.uri.path
        )
        return try CreatedResponse.response(id)
    }

    func addHoliday(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let body = try await request.jsonBody(NewHoliday.self, context: context)
        let id = try await setup.addHoliday(
            title: body.title,
            startsOn: body.startsOn,
            endsOn: body.endsOn,
            parallel: body.parallel,
            context: context,
            path: request.uri.path
        )
        return try CreatedResponse.response(id)
    }

    struct LessonRequest: Decodable {
        let periodId: Int?
    }

    struct GeneratedLessons: ResponseEncodable {
        let from: String
        let to: String
        let created: Int
        let existing: Int
        let onHolidays: Int
    }

    /// The timetable laid onto a period's days (or the year's); the body may be empty for the whole year.
    func generateLessons(_ request: Request, _ context: AppRequestContext) async throws -> GeneratedLessons {
        _ = try context.requireActor()
        let body =
            request.headers[.contentLength] == "0" ? LessonRequest(periodId: nil) : try await request.jsonBody(LessonRequest.self, context: context)
        let (span, outcome) = try await LessonSetup(database: database, access: access, clock: clock).generate(
            periodID: body.periodId,
            context: context,
            path: request.uri.path
        )
        return GeneratedLessons(
            from: span.start.iso,
            to: span.end.iso,
            created: outcome.new.count,
            existing: outcome.existing,
            onHolidays: outcome.onHolidays
        )
    }
}
