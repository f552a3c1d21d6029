import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The start page: what Zhurnal is and which school this installation keeps.
struct HomeController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/") { request, context in try await home(request, context) }
    }

    struct HomePage: PageContext {
        let title = "Zhurnal — электронный журнал и дневник"
        let chrome: Chrome?
        let greeting: String
        /// The school's figures, for those who read the whole school.
        let school: Figures?
        /// The courses he teaches or whose class he leads, each with a link to its journal.
        let courses: [CourseLink]
        let hasCourses: Bool
        /// The classes he leads, each with the parents' «Ознакомлен» of their diaries.
        let homeroom: [CourseLink]
        let hasHomeroom: Bool
        /// His lessons today, with what the journal still lacks.
        let today: [TodayLesson]
        let hasToday: Bool
        let todayTitle: String
        /// A parent's or a pupil's child: his today and tomorrow, and what is new.
        let family: FamilyHome.Section?
        let announcements: [AnnouncementLine]
        let hasAnnouncements: Bool
        let unreadMessages: String?

        struct AnnouncementLine: Sendable {
            let href: String
            let title: String
            let detail: String
        }

        struct TodayLesson: Sendable {
            /// The lesson's page: the substitute keeps the lesson he teaches.
            let href: String
            let number: Int
            let time: String
            let title: String
            let substitution: Bool
            let cancelled: Bool
            /// «нет темы», «посещаемость не отмечена», «нет домашнего задания»; nil when all is entered (Mustache
            /// would show an empty string's section).
            let missing: String?
        }

        struct CourseLink: Sendable {
            let href: String
            let subject: String
            let group: String
        }

        struct Figures: Sendable {
            let name: String
            let yearTitle: String?
            let facts: [Fact]
        }

        struct Fact: Sendable {
            let label: String
            let value: String
        }
    }

    func home(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        let readsSchool = AccessPolicy.decide(actor, .read, .school(id: actor.schoolID)).isAllowed
        let overview = readsSchool ? try await database.read { try await SchoolOverview.load(school: actor.schoolID, today: today, in: $0) } : nil
        let figures = overview.map { school in
            HomePage.Figures(
                name: school.name,
                yearTitle: school.yearTitle,
                facts: [
                    .init(label: "Классов", value: RussianNumber.grouped(school.classes)),
                    .init(label: "Учеников", value: RussianNumber.grouped(school.pupils)),
                    .init(label: "Учителей", value: RussianNumber.grouped(school.teachers)),
                    .init(label: "Уроков в журнале", value: RussianNumber.grouped(school.lessons)),
                    .init(label: "Отметок", value: RussianNumber.grouped(school.marks)),
                ]
            )
        }
        // A teacher's and a homeroom teacher's own courses; the whole school's list is too long for the start page.
        var courses: [HomePage.CourseLink] = []
        if case .limited = AccessPolicy.courseScope(actor) {
            courses = try await database.read { sql in
                try await CourseDirectory.list(school: actor.schoolID, scope: AccessPolicy.courseScope(actor), in: sql)
            }.map { HomePage.CourseLink(href: "/courses/\($0.id)/journal", subject: $0.subject, group: $0.group) }
        }
        let day =
            actor.holds(.teacher)
            ? try await database.read { sql in
                try await TeacherDay.load(school: actor.schoolID, teacher: actor.personID, on: today, in: sql)
            }.lessons : []
        let todayLessons = day.map { lesson in
            HomePage.TodayLesson(
                href: "/lessons/\(lesson.id)",
                number: lesson.number,
                time: [lesson.startsAt, lesson.endsAt].compactMap { $0 }.joined(separator: "–"),
                title: "\(lesson.subject), \(lesson.group)",
                substitution: lesson.substitution,
                cancelled: lesson.cancelled,
                missing: lesson.cancelled
                    ? nil
                    : Self.missing([
                        lesson.hasTopic ? nil : "нет темы", lesson.hasAttendance ? nil : "посещаемость не отмечена",
                        lesson.hasHomework ? nil : "нет домашнего задания",
                    ])
            )
        }
        let homeroom =
            actor.holds(.homeroom)
            ? try await database.read { sql in
                try await DiaryAcknowledgements.homeroomClasses(school: actor.schoolID, teacher: actor.personID, today: today, in: sql)
            }.map { HomePage.CourseLink(href: "/classes/\($0.id)/acknowledgements", subject: "Ознакомление родителей с дневником", group: $0.name) }
            : []
        let family = try await FamilyHome(database: database, access: access, clock: clock).section(request, context: context)
        let announcements = try await AnnouncementBoard(database: database, access: access, clock: clock).current(context: context)
        let unread = try await database.read { try await Messages.unreadCount(school: actor.schoolID, person: actor.personID, in: $0) }
        let greeting = "Здравствуйте, " + (context.session?.fullName.split(separator: " ").dropFirst().joined(separator: " ") ?? "") + "!"
        return pages.page(
            "home",
            HomePage(
                chrome: Chrome(context),
                greeting: greeting,
                school: figures,
                courses: courses,
                hasCourses: !courses.isEmpty,
                homeroom: homeroom,
                hasHomeroom: !homeroom.isEmpty,
                today: todayLessons,
                hasToday: !todayLessons.isEmpty,
                todayTitle: "Уроки сегодня, " + today.russian,
                family: family,
                announcements: announcements.prefix(5).map { announcement in
                    HomePage.AnnouncementLine(
                        href: "/announcements/\(announcement.id)",
                        title: announcement.title,
                        detail: AnnouncementsPageController.audience(announcement) + " · до " + announcement.expiresOn.russian
                    )
                },
                hasAnnouncements: !announcements.isEmpty,
                unreadMessages: unread == 0
                    ? nil : "\(unread) \(RussianPlural.form(unread, "непрочитанное сообщение", "непрочитанных сообщения", "непрочитанных сообщений"))"
            )
        )
    }
}

extension HomeController {
    /// What a lesson still lacks, as one line, or nil when nothing.
    static func missing(_ items: [String?]) -> String? {
        let lacking = items.compactMap { $0 }
        return lacking.isEmpty ? nil : lacking.joined(separator: ", ")
    }
}

/// Numbers as Russian text prints them: thousands separated by a narrow no-break space.
enum RussianNumber {
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "−" : "") + groups.joined(separator: "\u{202F}")
    }
}
