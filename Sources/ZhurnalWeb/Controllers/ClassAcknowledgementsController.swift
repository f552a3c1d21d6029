import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The homeroom teacher's check of «Ознакомлен» (`/classes/{id}/acknowledgements?week=…`): each pupil of the class
/// that week, his parents, and who of them confirmed the week when.
struct ClassAcknowledgementsController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/classes/:classId/acknowledgements") { request, context in try await page(request, context) }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let className: String
        let weekTitle: String
        let previousHref: String
        let nextHref: String
        let rows: [Row]
        let hasRows: Bool
        let summary: String
        let printHref: String
        let messageHref: String

        struct Row: Sendable {
            let diaryHref: String
            let pupil: String
            let guardians: [Guardian]
            let noGuardians: Bool
        }

        struct Guardian: Sendable {
            let id: Int
            let name: String
            let at: String?
        }
    }

    /// The week to check unless one is named: this week from its Friday, else the last one.
    static func defaultWeek(today: LocalDate) -> SchoolWeek {
        let this = SchoolWeek(containing: today)
        return WeekAcknowledgement.refusal(week: this, today: today) == nil ? this : this.previous
    }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let classID = try context.parameters.require("classId", as: Int.self)
        let today = SchoolCalendar.today(clock())
        let week =
            request.uri.queryParameters["week"] == nil ? Self.defaultWeek(today: today) : try DiaryReader.week(request, today: today)
        let path = request.uri.path
        guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
        else { try await access.missing("class", context: context, path: path) }
        try await access.require(.read, on: .schoolClass(facts), context: context, path: path)
        guard
            let found = try await database.read({
                try await DiaryAcknowledgements.ofClass(school: actor.schoolID, classID: classID, week: week, in: $0)
            })
        else { try await access.missing("class", context: context, path: path) }
        let rows = found.pupils.map { pupil in
            Page.Row(
                diaryHref: DiaryLinks.week(student: pupil.id, week),
                pupil: pupil.fullName,
                guardians: pupil.guardians.map { Page.Guardian(id: $0.id, name: $0.fullName, at: $0.acknowledgedAt.map(RussianTime.moment)) },
                noGuardians: pupil.guardians.isEmpty
            )
        }
        let done = found.pupils.filter { pupil in pupil.guardians.contains { $0.acknowledgedAt != nil } }.count
        let link = { (week: SchoolWeek) in "/classes/\(classID)/acknowledgements?week=\(week.monday.iso)" }
        return pages.page(
            "class-acknowledgements",
            Page(
                title: "Ознакомление с дневником: \(found.className), \(week.title)",
                chrome: Chrome(context),
                className: found.className,
                weekTitle: week.title,
                previousHref: link(week.previous),
                nextHref: link(week.next),
                rows: rows,
                hasRows: !rows.isEmpty,
                summary: "Ознакомились родители \(done) из \(found.pupils.count) учеников.",
                printHref: "/classes/\(classID)/diary/print?week=\(week.monday.iso)",
                messageHref: "/messages/new?class=\(classID)"
            )
        )
    }
}
