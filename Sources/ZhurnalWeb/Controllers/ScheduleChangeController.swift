import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// «Изменения расписания» (`/schedule/changes?class=&date=`): one class's lessons on a date, each movable to another
/// day or hour and cancellable, and a form for an extra lesson — the administrator's and the deputy's. Each change goes
/// back to the day it concerns, with a refusal shown in place.
struct ScheduleChangeController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: ScheduleChangeSetup { ScheduleChangeSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/schedule/changes") { request, context in try await page(request, context) }
        router.post("/schedule/changes/lessons") { request, context in
            let form = try await request.form([String: String].self, context: context)
            return try await change(request, context, form) {
                _ = try await setup.add(
                    classID: form["class"].flatMap { Int($0) } ?? 0,
                    courseID: form["course"].flatMap { Int($0) },
                    date: form["date"] ?? "",
                    number: form["number"].flatMap { Int($0) },
                    teacherID: form["teacher"].flatMap { Int($0) },
                    context: context,
                    path: request.uri.path
                )
                return (form["date"] ?? "", "added")
            }
        }
        router.post("/schedule/changes/lessons/:lessonId") { request, context in
            let lessonID = try context.parameters.require("lessonId", as: Int.self)
            let form = try await request.form([String: String].self, context: context)
            return try await change(request, context, form) {
                let action = form["action"] ?? ""
                let lesson = try await setup.reschedule(
                    lessonID: lessonID,
                    date: action == "move" ? form["to_date"] ?? "" : nil,
                    number: action == "move" ? form["to_number"].flatMap { Int($0) } : nil,
                    cancelled: action == "cancel" ? true : (action == "restore" ? false : nil),
                    context: context,
                    path: request.uri.path
                )
                return (lesson.date.iso, action == "move" ? "moved" : action == "cancel" ? "cancelled" : "restored")
            }
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let notice: String?
        let date: String
        let dateTitle: String
        let classID: Int
        let classes: [Choice]
        let lessons: [Line]
        let hasLessons: Bool
        let courses: [Choice]
        let numbers: [Choice]
        let teachers: [Choice]
        let timetableLink: String

        struct Line: Sendable {
            let id: Int
            let number: Int
            let subject: String
            let teacher: String
            let state: String
            let cancelled: Bool
            let fixed: Bool
            let numbers: [Choice]
        }

        typealias Choice = PageChoice
    }

    func page(
        _ request: Request,
        _ context: AppRequestContext,
        classID asked: Int? = nil,
        date askedDate: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = request.uri.queryParameters
        var date: LocalDate?
        if let text = askedDate ?? query["date"].map(String.init), !text.isEmpty {
            guard let parsed = LocalDate(iso: text) else { throw AppError.invalid("bad_date", "Дата — в виде ГГГГ-ММ-ДД.") }
            date = parsed
        }
        var classID = asked ?? query["class"].flatMap { Int(String($0)) }
        if classID == nil {
            // The first class of the year, so that the page opens on something.
            classID = try await setup.firstClass(context: context, path: request.uri.path)
        }
        guard let classID else {
            throw AppError.invalid("no_classes", "В учебном году ещё нет классов: их создают на странице «Классы».")
        }
        let day = try await setup.day(classID: classID, date: date, context: context, path: request.uri.path)
        let notice: String? =
            switch query["done"].map(String.init) {
            case "moved": "Урок перенесён."
            case "cancelled": "Урок отменён."
            case "restored": "Урок восстановлен."
            case "added": "Урок добавлен."
            default: nil
            }
        func numbers(selected: Int?) -> [Page.Choice] {
            day.bells.map { Page.Choice(value: String($0.number), label: "\($0.number) урок, \($0.startsAt)", selected: $0.number == selected) }
        }
        let page = Page(
            title: "Изменения расписания",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            notice: notice,
            date: day.date.iso,
            dateTitle: "\(day.schoolClass.name), \(day.date.russian), \(TimetableRules.weekdayNames[day.date.weekday - 1])",
            classID: classID,
            classes: day.classes.map { Page.Choice(value: String($0.id), label: $0.name, selected: $0.id == classID) },
            lessons: day.lessons.map { lesson in
                Page.Line(
                    id: lesson.id,
                    number: lesson.number,
                    subject: lesson.subject,
                    teacher: lesson.teacherName,
                    state: Self.state(lesson),
                    cancelled: lesson.cancelled,
                    fixed: lesson.hasEntries,
                    numbers: numbers(selected: lesson.number)
                )
            },
            hasLessons: !day.lessons.isEmpty,
            courses: day.courses.map { Page.Choice(value: String($0.id), label: $0.subject, selected: false) },
            numbers: numbers(selected: nil),
            teachers: [Page.Choice(value: "", label: "учитель курса", selected: true)]
                + day.teachers.map { Page.Choice(value: String($0.id), label: $0.fullName, selected: false) },
            timetableLink: "/admin/classes/\(classID)/timetable"
        )
        return pages.page("schedule-changes", page, status: status)
    }

    static func state(_ lesson: ScheduleChanges.Placed) -> String {
        var parts: [String] = []
        if lesson.cancelled { parts.append("отменён") }
        if let from = lesson.movedFrom { parts.append("перенесён с \(from.russian)") }
        if lesson.change == "added" { parts.append("дополнительный") }
        if lesson.change == "moved", lesson.movedFrom == nil { parts.append("перенесён на другой урок") }
        if lesson.hasEntries { parts.append("есть записи") }
        return parts.isEmpty ? "по расписанию" : parts.joined(separator: ", ")
    }

    private func change(
        _ request: Request,
        _ context: AppRequestContext,
        _ form: [String: String],
        _ body: () async throws -> (date: String, done: String)
    ) async throws -> Response {
        let classID = form["class"].flatMap { Int($0) }
        let outcome: (date: String, done: String)
        do {
            outcome = try await body()
        } catch let error as AppError where error.status == .unprocessableContent || error.status == .conflict {
            return try await page(request, context, classID: classID, date: form["date"], error: error.message, status: error.status)
        }
        let back = classID.map { "class=\($0)&" } ?? ""
        return Response(status: .seeOther, headers: [.location: "/schedule/changes?\(back)date=\(outcome.date)&done=\(outcome.done)"])
    }
}
