import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A parent's or a pupil's start page (issue 5): one child at a time (a switcher when there are several), his lessons
/// of today and tomorrow with their homework, marks and absences, and what is new since the previous visit.
struct FamilyHome: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct Section: Sendable {
        let pupilName: String
        let children: [DiaryPageController.WeekPage.ChildLink]
        let hasSwitcher: Bool
        let diaryHref: String
        let marksHref: String
        /// Why his diary is closed to his family; nil: open.
        let closed: String?
        let days: [DiaryPageController.WeekPage.Day]
        /// Out of the school year: nothing to show for today.
        let holiday: Bool
        /// In the school year, but no school day today or tomorrow (a weekend).
        let noLessons: Bool
        let news: [News]
        let hasNews: Bool
        let newsTitle: String
    }

    struct News: Sendable {
        let href: String
        let pupil: String?
        let title: String
        let detail: String
        let at: String
    }

    /// Nil for someone who keeps no family's diary.
    func section(_ request: Request, context: AppRequestContext) async throws -> Section? {
        let reader = DiaryReader(database: database, access: access, clock: clock)
        let students = try await reader.students(context: context)
        guard !students.isEmpty else { return nil }
        let wanted = request.uri.queryParameters["student"].flatMap { Int(String($0)) }
        let chosen = students.first { $0.id == wanted } ?? students[0]
        let today = SchoolCalendar.today(clock())
        let children = students.map { child in
            DiaryPageController.WeekPage.ChildLink(href: "/?student=\(child.id)", name: child.fullName, current: child.id == chosen.id)
        }
        let feed = try await NotificationReader(database: database, clock: clock).feed(context: context, visit: true)
        let news = feed.notifications.filter { item in
            [.mark, .absence, .termMark].contains(item.kind) && feed.previousVisit.map { item.at > $0 } ?? true
        }
        var days: [DiaryPageController.WeekPage.Day] = []
        var holiday = false
        if chosen.familyConsent {
            let wantedDays = [today, today.adding(days: 1)]
            var weeks = [SchoolWeek(containing: today)]
            if !weeks[0].span.contains(today.adding(days: 1)) { weeks.append(weeks[0].next) }
            for week in weeks {
                do {
                    let loaded = try await reader.load(student: chosen.id, week: week, context: context, path: request.uri.path).week
                    days += DiaryPageController.days(loaded, student: chosen.id, today: today).filter { day in
                        wantedDays.contains { "day-\($0.iso)" == day.id }
                    }
                } catch let error as AppError where error.code == "week_outside_year" {
                    holiday = true
                }
            }
        }
        return Section(
            pupilName: chosen.fullName,
            children: children,
            hasSwitcher: students.count > 1,
            diaryHref: "/students/\(chosen.id)/diary",
            marksHref: "/students/\(chosen.id)/marks",
            closed: chosen.familyConsent ? nil : DiaryReader.closed.message,
            days: days,
            holiday: holiday && days.isEmpty,
            noLessons: chosen.familyConsent && !holiday && days.allSatisfy(\.empty),
            news: news.prefix(30).map { item in
                News(
                    href: NotificationReader.href(item.target),
                    pupil: item.pupil,
                    title: item.title,
                    detail: item.detail,
                    at: RussianTime.moment(item.at)
                )
            },
            hasNews: !news.isEmpty,
            newsTitle: feed.previousVisit.map { "Новое с прошлого входа (\(RussianTime.moment($0)))" } ?? "Новое за две недели"
        )
    }
}
