import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The weekly report on paper (DOMAIN.md §5: for families without internet): one pupil's week on an A4 sheet
/// (`/students/{id}/diary/print?week=…`), or every pupil of a class, a sheet each, for its homeroom teacher
/// (`/classes/{id}/diary/print?week=…`).
struct DiaryPrintController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/students/:studentId/diary/print") { request, context in try await pupil(request, context) }
        router.get("/classes/:classId/diary/print") { request, context in try await wholeClass(request, context) }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let backHref: String
        let sheets: [Sheet]
        let hasSheets: Bool
    }

    struct Sheet: Sendable {
        let pupilName: String
        let className: String
        let weekTitle: String
        let days: [Day]
        let acknowledged: String?
        /// Why the pupil's week is not printed; nil: printed.
        var closed: String? = nil
    }

    struct Day: Sendable {
        let heading: String
        let lessons: [Line]
        let empty: Bool
    }

    struct Line: Sendable {
        let number: Int
        let subject: String
        let topic: String
        let homework: String
        let marks: String
        let attendance: String
    }

    func pupil(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let student = try context.parameters.require("studentId", as: Int.self)
        let week = try DiaryReader.week(request, today: SchoolCalendar.today(clock()))
        let reader = DiaryReader(database: database, access: access, clock: clock)
        let (facts, loaded) = try await reader.load(student: student, week: week, context: context, path: request.uri.path)
        let today = SchoolCalendar.today(clock())
        let className = try await database.read { sql in
            try await FamilyStudents.of(school: facts.schoolID, parent: nil, pupil: student, today: today, in: sql).first?.className
        }
        let sheet = Self.sheet(loaded, className: className ?? "")
        return pages.page(
            "diary-print",
            Page(
                title: "Дневник: \(loaded.pupilName), \(week.title)",
                chrome: Chrome(context),
                backHref: DiaryLinks.week(student: student, week),
                sheets: [sheet],
                hasSheets: true
            )
        )
    }

    /// A sheet for each pupil on the class's roll that week: one statement for the roll, one for each pupil's week. A
    /// page printed once a week for a class, not a hot page.
    func wholeClass(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let classID = try context.parameters.require("classId", as: Int.self)
        let week = try DiaryReader.week(request, today: SchoolCalendar.today(clock()))
        let path = request.uri.path
        guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
        else { try await access.missing("class", context: context, path: path) }
        try await access.require(.read, on: .schoolClass(facts), context: context, path: path)
        let (roll, weeks) = try await database.read { sql -> (ClassAcknowledgements?, [Int: StudentWeek]) in
            guard let roll = try await DiaryAcknowledgements.ofClass(school: actor.schoolID, classID: classID, week: week, in: sql) else {
                return (nil, [:])
            }
            var weeks: [Int: StudentWeek] = [:]
            // The sheets go home: a pupil whose family's consent is not on record gets none of his journal on paper either.
            for pupil in roll.pupils where pupil.familyConsent {
                weeks[pupil.id] = try await DiaryQueries.week(school: actor.schoolID, student: pupil.id, week: week, in: sql)
            }
            return (roll, weeks)
        }
        guard let roll else { try await access.missing("class", context: context, path: path) }
        let sheets = roll.pupils.map { pupil in
            weeks[pupil.id].map { Self.sheet($0, className: roll.className) }
                ?? Sheet(
                    pupilName: pupil.fullName,
                    className: roll.className,
                    weekTitle: week.title,
                    days: [],
                    acknowledged: nil,
                    closed: "Дневник не печатается: в школе не записано согласие законного представителя на обработку данных ученика."
                )
        }
        return pages.page(
            "diary-print",
            Page(
                title: "Дневники \(roll.className), \(week.title)",
                chrome: Chrome(context),
                backHref: "/classes/\(classID)/acknowledgements?week=\(week.monday.iso)",
                sheets: sheets,
                hasSheets: !sheets.isEmpty
            )
        )
    }

    static func sheet(_ week: StudentWeek, className: String) -> Sheet {
        Sheet(
            pupilName: week.pupilName,
            className: className,
            weekTitle: week.week.title,
            days: DiaryDays.of(week).map { day in
                Day(
                    heading: "\(day.date.russianWeekday), \(day.date.russian)",
                    lessons: day.lessons.map { lesson in
                        Line(
                            number: lesson.number,
                            subject: lesson.subject + (lesson.cancelled ? " (отменён)" : "") + (lesson.substitution ? " (замена)" : ""),
                            topic: lesson.topic ?? "",
                            homework: lesson.homework.map { ($0.personal ? "лично: " : "") + $0.body }.joined(separator: "; "),
                            marks: lesson.marks.map { "\($0.value) (\($0.workType))" }.joined(separator: ", "),
                            attendance: lesson.attendance ?? ""
                        )
                    },
                    empty: day.lessons.isEmpty
                )
            },
            acknowledged: week.acknowledgements.isEmpty
                ? nil : week.acknowledgements.map { "\($0.guardianName), \(RussianTime.moment($0.at))" }.joined(separator: "; ")
        )
    }
}
