import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// «Расписание учителя» (`/schedule/teacher?teacher=&date=`) and `GET /api/v1/teachers/{teacherId}/timetable`: a
/// teacher's week across his classes day by day, with the hours he is set in two places at once marked.
struct TeacherWeekController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var reader: TeacherWeekReader { TeacherWeekReader(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/schedule/teacher") { request, context in
            let asked = request.uri.queryParameters["teacher"].flatMap { Int(String($0)) }
            return try await page(
                try await reader.view(teacherID: asked, on: try request.dateQuery(), context: context, path: request.uri.path),
                context
            )
        }
        router.get("/api/v1/teachers/:teacherId/timetable") { request, context in
            let teacherID = try context.parameters.require("teacherId", as: Int.self)
            let view = try await reader.view(teacherID: teacherID, on: try request.dateQuery(), context: context, path: request.uri.path)
            let clashes = view.week.clashes
            return WeekJSON(
                teacherId: view.teacherID,
                teacherName: view.teacherName,
                date: view.on.iso,
                hoursPerWeek: view.week.hours,
                lessons: view.week.lessons.map {
                    WeekJSON.Lesson(
                        weekday: $0.weekday,
                        lessonNumber: $0.lessonNumber,
                        courseId: $0.courseID,
                        subject: $0.subject,
                        className: $0.className,
                        room: $0.room,
                        clash: clashes.contains(TeacherWeek.Hour(weekday: $0.weekday, lessonNumber: $0.lessonNumber))
                    )
                }
            )
        }
    }

    struct WeekJSON: ResponseEncodable {
        let teacherId: Int
        let teacherName: String
        let date: String
        let hoursPerWeek: Int
        let lessons: [Lesson]

        struct Lesson: Encodable {
            let weekday: Int
            let lessonNumber: Int
            let courseId: Int
            let subject: String
            let className: String
            @Nullable var room: String?
            let clash: Bool
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let date: String
        let summary: String
        let hasClashes: Bool
        let picks: Bool
        let teachers: [Choice]
        let days: [Day]

        struct Day: Sendable {
            let title: String
            let hours: [Hour]
            let free: Bool
        }

        struct Hour: Sendable {
            let label: String
            let lessons: [String]
            let clash: Bool
        }

        typealias Choice = PageChoice
    }

    private func page(_ view: TeacherWeekReader.View, _ context: AppRequestContext) async throws -> Response {
        let clashes = view.week.clashes
        let days = TimetableRules.weekdays.map { weekday in
            let hours = view.bells.compactMap { bell -> Page.Hour? in
                let hour = TeacherWeek.Hour(weekday: weekday, lessonNumber: bell.number)
                let there = view.week.at(hour)
                guard !there.isEmpty else { return nil }
                return Page.Hour(
                    label: "\(bell.number) урок, \(bell.startsAt)",
                    lessons: there.map { "\($0.className) — \($0.subject)" + ($0.room.map { ", каб. \($0)" } ?? "") },
                    clash: clashes.contains(hour)
                )
            }
            return Page.Day(
                title: ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота"][weekday - 1],
                hours: hours,
                free: hours.isEmpty
            )
        }
        let page = Page(
            title: "Расписание: \(view.teacherName)",
            chrome: Chrome(context),
            date: view.on.iso,
            summary: "По расписанию на \(view.on.russian) уроков в неделю — \(view.week.hours).",
            hasClashes: !clashes.isEmpty,
            picks: !view.teachers.isEmpty,
            teachers: view.teachers.map { Page.Choice(value: String($0.id), label: $0.name, selected: $0.id == view.teacherID) },
            days: days
        )
        return pages.page("teacher-week", page)
    }
}
