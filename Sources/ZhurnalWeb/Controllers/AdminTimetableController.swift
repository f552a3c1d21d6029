import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A class's courses and weekly timetable (`/admin/classes/{id}/timetable`), or a group's across classes
/// (`/admin/groups/{id}/timetable`): the courses with their teachers and a form for a new one — for a class, of the
/// whole class or one of its subgroups; the week day by day, each lesson a choice of the courses and a room, saved from
/// a date and laid onto the days from then on. A refused form comes back with the reason.
struct AdminTimetableController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: TimetableSetup { TimetableSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        for prefix in ["classes", "groups"] {
            router.get("/admin/\(prefix)/:id/timetable") { request, context in try await page(request, context) }
            router.post("/admin/\(prefix)/:id/timetable") { request, context in
                let form = try await request.form([String: String].self, context: context)
                return try await change(request, context) {
                    let made = try await setup.save(
                        try Self.owner(request, context),
                        from: form["from"] ?? "",
                        cells: Self.cells(form),
                        context: context,
                        path: request.uri.path
                    )
                    return "saved=\(made)"
                }
            }
            router.post("/admin/\(prefix)/:id/courses/:courseId/teachers") { request, context in
                let form = try await request.form([String: String].self, context: context)
                let kept = form.keys.compactMap { $0.hasPrefix("keep_") ? Int($0.dropFirst(5)) : nil }.sorted()
                return try await change(request, context) {
                    try await setup.setTeachers(
                        try Self.owner(request, context),
                        courseID: try context.parameters.require("courseId", as: Int.self),
                        teachers: kept + [form["add"].flatMap { Int($0) }].compactMap { $0 },
                        context: context,
                        path: request.uri.path
                    )
                    return "teachers=1"
                }
            }
            router.post("/admin/\(prefix)/:id/courses") { request, context in
                let form = try await request.form([String: String].self, context: context)
                return try await change(request, context) {
                    _ = try await setup.addCourse(
                        try Self.owner(request, context),
                        groupID: form["group"].flatMap { Int($0) },
                        subjectID: form["subject"].flatMap { Int($0) },
                        kind: form["kind"] ?? "",
                        grading: form["grading"] ?? "",
                        hours: form["hours"].flatMap { Int($0) },
                        teacherID: form["teacher"].flatMap { Int($0) },
                        context: context,
                        path: request.uri.path
                    )
                    return "course=1"
                }
            }
        }
    }

    /// The page's owner from its path: `/admin/classes/…` or `/admin/groups/…`.
    static func owner(_ request: Request, _ context: AppRequestContext) throws -> Timetables.Owner {
        let id = try context.parameters.require("id", as: Int.self)
        return request.uri.path.hasPrefix("/admin/groups/") ? .group(id) : .schoolClass(id)
    }

    /// The page of an owner, where its forms go back to.
    static func base(_ owner: Timetables.Owner) -> String {
        switch owner {
        case .schoolClass(let id): "/admin/classes/\(id)"
        case .group(let id): "/admin/groups/\(id)"
        }
    }

    /// `c_3_2` is Wednesday's second lesson's course and `r_3_2` its room; `g1_3_2` and `q1_3_2`, `g2_3_2` and
    /// `q2_3_2`… other subgroups' courses and rooms beside it.
    static func cells(_ form: [String: String]) -> [TimetableRules.Cell] {
        form.compactMap { key, value in
            let parts = key.split(separator: "_")
            guard parts.count == 3, parts[0] == "c" || (parts[0].first == "g" && Int(parts[0].dropFirst()) != nil),
                let weekday = Int(parts[1]), let lesson = Int(parts[2]), let course = Int(value)
            else { return nil }
            let room = form["\(parts[0] == "c" ? "r" : "q" + parts[0].dropFirst())_\(weekday)_\(lesson)"]?.trimmingCharacters(in: .whitespaces)
            return TimetableRules.Cell(weekday: weekday, lessonNumber: lesson, courseID: course, room: room?.isEmpty == false ? room : nil)
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let notice: String?
        let action: String
        let courseAction: String
        let backLink: String
        let backLabel: String
        /// «весь класс» and the class's subgroups; empty for a group or a class without subgroups.
        let audiences: [Choice]
        let hasAudiences: Bool
        let courses: [CourseLine]
        let hasCourses: Bool
        let days: [Day]
        let from: String
        let hasBells: Bool
        let subjects: [Choice]
        let kinds: [Choice]
        let gradings: [Choice]
        let teachers: [Choice]

        struct CourseLine: Sendable {
            let subject: String
            let kind: String
            let hours: Int
            let teachers: String
            /// The form that changes the course's teachers.
            let teachersAction: String
            /// Unique among the page's fields.
            let key: String
            let current: [Choice]
            let others: [Choice]
        }

        struct Day: Sendable {
            let title: String
            let lessons: [Lesson]
        }

        struct Lesson: Sendable {
            let label: String
            let field: String
            let roomField: String
            let room: String
            let options: [Choice]
            /// The other subgroups' courses at the same time, for a class that has subgroups: those set, and one more.
            let second: [Lesson]
        }

        struct Choice: Sendable {
            let value: String
            let label: String
            let selected: Bool
        }
    }

    func page(_ request: Request, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let owner = try Self.owner(request, context)
        let view = try await setup.view(owner, on: nil, context: context, path: request.uri.path)
        let isClass = if case .schoolClass = owner { true } else { false }
        let audiences =
            view.owner.subgroups.isEmpty
            ? []
            : [Page.Choice(value: "", label: "весь класс", selected: true)]
                + view.owner.subgroups.map { Page.Choice(value: String($0.id), label: $0.title, selected: false) }
        let query = request.uri.queryParameters
        let notice: String? =
            if let made = query["saved"].flatMap({ Int($0) }) {
                "Расписание сохранено; уроков по нему создано: \(made)."
            } else if query["course"] != nil {
                "Курс добавлен."
            } else if query["teachers"] != nil { "Учителя курса сохранены." } else { nil }
        let days = TimetableRules.weekdays.map { weekday in
            Page.Day(
                title: ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота"][weekday - 1],
                lessons: view.bells.map { bell in
                    let there = view.week.filter { $0.weekday == weekday && $0.lessonNumber == bell.number }
                    func lesson(_ prefix: (course: String, room: String), _ cell: TimetableRules.Cell?, second: [Page.Lesson]) -> Page.Lesson {
                        Page.Lesson(
                            label: prefix.course == "c" ? "\(bell.number) урок, \(bell.startsAt)" : "\(bell.number) урок: ещё группа",
                            field: "\(prefix.course)_\(weekday)_\(bell.number)",
                            roomField: "\(prefix.room)_\(weekday)_\(bell.number)",
                            room: cell?.room ?? "",
                            options: [Page.Choice(value: "", label: "—", selected: cell == nil)]
                                + view.courses.map { Page.Choice(value: String($0.id), label: $0.subject, selected: cell?.courseID == $0.id) },
                            second: second
                        )
                    }
                    let hasGroups = isClass && view.courses.contains { $0.groupID != nil }
                    let others = hasGroups ? Array(there.dropFirst()) + [nil] : []
                    return lesson(
                        ("c", "r"),
                        there.first,
                        second: others.enumerated().map { index, cell in lesson(("g\(index + 1)", "q\(index + 1)"), cell, second: []) }
                    )
                }
            )
        }
        let page = Page(
            title: "\(view.owner.title): курсы и расписание",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            notice: notice,
            action: "\(Self.base(owner))/timetable",
            courseAction: "\(Self.base(owner))/courses",
            backLink: isClass ? "/admin/classes" : "/admin/groups",
            backLabel: isClass ? "Все классы" : "Все группы",
            audiences: audiences,
            hasAudiences: !audiences.isEmpty,
            courses: view.courses.map { course in
                Page.CourseLine(
                    subject: course.subject,
                    kind: course.kind.russianTitle,
                    hours: course.hoursPerWeek,
                    teachers: course.teacherNames.isEmpty ? "не назначен" : course.teacherNames.joined(separator: ", "),
                    teachersAction: "\(Self.base(owner))/courses/\(course.id)/teachers",
                    key: "course-\(course.id)",
                    current: zip(course.teacherIDs, course.teacherNames).map { Page.Choice(value: String($0), label: $1, selected: true) },
                    others: [Page.Choice(value: "", label: "—", selected: true)]
                        + view.teachers.filter { !course.teacherIDs.contains($0.id) }.map {
                            Page.Choice(value: String($0.id), label: $0.name, selected: false)
                        }
                )
            },
            hasCourses: !view.courses.isEmpty,
            days: days,
            from: view.on.iso,
            hasBells: !view.bells.isEmpty,
            subjects: view.subjects.map { Page.Choice(value: String($0.id), label: $0.name, selected: false) },
            kinds: JournalKind.allCases.map { Page.Choice(value: $0.rawValue, label: $0.russianTitle, selected: $0 == .lesson) },
            gradings: Grading.allCases.map { Page.Choice(value: $0.rawValue, label: $0.russianTitle, selected: $0 == .marks) },
            teachers: view.teachers.map { Page.Choice(value: String($0.id), label: $0.name, selected: false) }
        )
        return pages.page("admin-timetable", page, status: status)
    }

    private func change(_ request: Request, _ context: AppRequestContext, _ body: () async throws -> String) async throws -> Response {
        let owner = try Self.owner(request, context)
        let query: String
        do {
            query = try await body()
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "\(Self.base(owner))/timetable?\(query)"])
    }
}
