import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The family's diary as pages: `/diary` (a parent's children, or straight to a pupil's own week), a pupil's week
/// (`/students/{id}/diary?week=…`) and the files of his homework.
struct DiaryPageController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/diary") { _, context in try await start(context) }
        router.get("/students/:studentId/diary") { request, context in try await week(request, context) }
        router.get("/students/:studentId/homework-files/:fileId") { request, context in try await file(request, context) }
        router.post("/students/:studentId/diary/acknowledgement") { request, context in try await acknowledge(request, context) }
    }

    private var reader: DiaryReader { DiaryReader(database: database, access: access, clock: clock) }

    // MARK: The start

    struct StartPage: PageContext {
        let title = "Дневник"
        let chrome: Chrome?
        let students: [Child]
        let hasStudents: Bool

        struct Child: Sendable {
            let href: String
            let name: String
            let className: String?
            /// A child of another school, linked to the parent's account: its short name.
            let otherSchool: String?
            let closed: Bool
        }
    }

    /// A pupil, or a parent of one child, goes straight to the week; a parent of several chooses.
    func start(_ context: AppRequestContext) async throws -> Response {
        let students = try await reader.students(context: context)
        if students.count == 1, let only = students.first {
            return Response(status: .seeOther, headers: [.location: "/students/\(only.id)/diary"])
        }
        let children = students.map { student in
            StartPage.Child(
                href: "/students/\(student.id)/diary",
                name: student.fullName,
                className: student.className,
                otherSchool: student.otherSchool,
                closed: !student.familyConsent
            )
        }
        return pages.page("diary-start", StartPage(chrome: Chrome(context), students: children, hasStudents: !children.isEmpty))
    }

    // MARK: The week

    struct WeekPage: PageContext {
        let title: String
        let chrome: Chrome?
        let pupilName: String
        let children: [ChildLink]
        let hasSwitcher: Bool
        let weekTitle: String
        let previousHref: String
        let nextHref: String
        /// A link back to this week, when another is shown.
        let thisWeekHref: String?
        let marksHref: String
        let printHref: String
        let days: [Day]
        /// «Ознакомлен»: who of the parents confirmed the week, and the form for the parent reading it.
        let acknowledged: [String]
        let acknowledgement: AcknowledgementForm?

        struct AcknowledgementForm: Sendable {
            let action: String
            let csrf: String
            let week: String
            /// Why the week cannot be confirmed yet; nil: the button.
            let notYet: String?
        }

        struct ChildLink: Sendable {
            let href: String
            let name: String
            let current: Bool
        }

        struct Day: Sendable {
            let id: String
            let heading: String
            let today: Bool
            let lessons: [Lesson]
            let empty: Bool
        }

        struct Lesson: Sendable {
            let number: Int
            let time: String?
            let subject: String
            let teacher: String
            let substitution: Bool
            let cancelled: Bool
            let moved: String?
            let topic: String?
            let control: String?
            let homework: [Homework]
            let marks: [Mark]
            let attendance: String?
        }

        struct Homework: Sendable {
            let body: String
            let due: String?
            let personal: Bool
            let files: [File]
        }

        struct File: Sendable {
            let href: String
            let name: String
            let size: String
        }

        struct Mark: Sendable {
            let value: String
            let detail: String
        }
    }

    func week(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let student = try context.parameters.require("studentId", as: Int.self)
        let today = SchoolCalendar.today(clock())
        let week = try DiaryReader.week(request, today: today)
        let (facts, loaded) = try await reader.load(student: student, week: week, context: context, path: request.uri.path)
        let actor = try context.requireActor()
        let days = Self.days(loaded, student: student, today: today)
        let mayAcknowledge =
            AccessPolicy.decide(actor, .acknowledgeDiary, .student(facts)).isAllowed
            && !loaded.acknowledgements.contains { $0.guardianID == actor.personID }
        let page = WeekPage(
            title: "Дневник: \(loaded.pupilName), \(week.title)",
            chrome: Chrome(context),
            pupilName: loaded.pupilName,
            children: loaded.children.map { child in
                WeekPage.ChildLink(href: DiaryLinks.week(student: child.id, week), name: child.fullName, current: child.id == student)
            },
            hasSwitcher: loaded.children.count > 1,
            weekTitle: week.title,
            previousHref: DiaryLinks.week(student: student, week.previous),
            nextHref: DiaryLinks.week(student: student, week.next),
            thisWeekHref: week.span.contains(today) ? nil : "/students/\(student)/diary",
            marksHref: "/students/\(student)/marks",
            printHref: "/students/\(student)/diary/print?week=\(week.monday.iso)",
            days: days,
            acknowledged: loaded.acknowledgements.map { "\($0.guardianName), \(RussianTime.moment($0.at))" },
            acknowledgement: mayAcknowledge
                ? WeekPage.AcknowledgementForm(
                    action: "/students/\(student)/diary/acknowledgement",
                    csrf: context.session?.csrfToken ?? "",
                    week: week.monday.iso,
                    notYet: WeekAcknowledgement.refusal(week: week, today: today)?.russianMessage
                ) : nil
        )
        return pages.page("diary-week", page)
    }

    /// The week's school days as the page shows them.
    static func days(_ loaded: StudentWeek, student: Int, today: LocalDate) -> [WeekPage.Day] {
        DiaryDays.of(loaded).map { day in
            WeekPage.Day(
                id: "day-\(day.date.iso)",
                heading: "\(day.date.russianWeekday), \(day.date.russian.prefix(5))",
                today: day.date == today,
                lessons: day.lessons.map { Self.line($0, student: student) },
                empty: day.lessons.isEmpty
            )
        }
    }

    static func line(_ lesson: StudentWeek.Lesson, student: Int) -> WeekPage.Lesson {
        WeekPage.Lesson(
            number: lesson.number,
            time: lesson.startsAt.flatMap { start in lesson.endsAt.map { "\(start)–\($0)" } },
            subject: lesson.subject,
            teacher: lesson.teacher,
            substitution: lesson.substitution,
            cancelled: lesson.cancelled,
            moved: lesson.movedFrom.map { "перенесён с \($0.russian)" },
            topic: lesson.topic,
            control: lesson.controlWork,
            homework: lesson.homework.map { homework in
                WeekPage.Homework(
                    body: homework.body,
                    due: homework.dueOn.map { "сдать к \($0.russian)" },
                    personal: homework.personal,
                    files: homework.files.map { file in
                        WeekPage.File(
                            href: DiaryLinks.file(student: student, file: file.id),
                            name: file.name,
                            size: HomeworkFileRules.sizeText(file.byteSize)
                        )
                    }
                )
            },
            marks: lesson.marks.map { mark in
                WeekPage.Mark(value: mark.value, detail: "\(mark.workType), вес \(mark.weight)" + (mark.comment.map { ": \($0)" } ?? ""))
            },
            attendance: lesson.attendance.map { code in
                AttendanceCode(rawValue: code).map { "\(code) — \($0.russianTitle.lowercased())" } ?? code
            }
        )
    }

    // MARK: «Ознакомлен»

    func acknowledge(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let student = try context.parameters.require("studentId", as: Int.self)
        let form = try await request.form([String: String].self, context: context)
        let week = try await DiaryAcknowledger(database: database, access: access, clock: clock).acknowledge(
            student: student,
            week: form["week"] ?? "",
            context: context,
            path: request.uri.path
        )
        return Response(status: .seeOther, headers: [.location: DiaryLinks.week(student: student, week.week)])
    }

    // MARK: Files

    func file(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let student = try context.parameters.require("studentId", as: Int.self)
        let fileID = try context.parameters.require("fileId", as: Int.self)
        let path = request.uri.path
        let facts = try await reader.require(student: student, context: context, path: path)
        guard
            let (file, content) = try await database.read({
                try await DiaryQueries.file(school: facts.schoolID, student: student, file: fileID, in: $0)
            })
        else { try await access.missing("homework file", context: context, path: path) }
        return HomeworkDownload.response(file, content)
    }
}
