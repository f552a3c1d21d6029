import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// A course's thematic plan for its page and the API alike: read by whoever may read the course; replaced from a CSV
/// or XLSX file by its teacher or the administration, all or nothing.
struct PlanSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct View: Sendable {
        let facts: CourseFacts
        let course: ThematicPlans.Course
        let laid: [Int: ThematicPlan.Topic]
        let fulfilment: ThematicPlan.Fulfilment
        let canEdit: Bool
    }

    func view(courseID: Int, context: AppRequestContext, path: String) async throws -> View {
        let facts = try await access.course(courseID, context: context, path: path)
        let actor = try await access.require(.read, on: .course(facts), context: context, path: path)
        let course = try await database.read { try await ThematicPlans.course(school: actor.schoolID, course: courseID, in: $0) }
        return View(
            facts: facts,
            course: course,
            laid: ThematicPlan.laid(course.topics, on: course.lessons),
            fulfilment: ThematicPlan.fulfilment(course.topics, lessons: course.lessons, today: SchoolCalendar.today(clock())),
            canEdit: Self.mayEdit(actor, facts)
        )
    }

    /// Reads the file and, when asked and nothing is refused, makes it the course's plan.
    func replace(
        courseID: Int,
        file: Data,
        write: Bool,
        context: AppRequestContext,
        path: String
    ) async throws -> (topics: [ThematicPlan.Topic], refusals: [ImportRefusal]) {
        let actor = try await editor(courseID, context: context, path: path)
        guard file.count <= PupilListFiles.maxBytes else {
            throw AppError(status: .contentTooLarge, code: "file_too_large", message: "Файл больше 5 МБ.")
        }
        let table: SheetTable
        do {
            table = try SheetFormat.of(file).read(file)
        } catch {
            throw AppError.invalid(error.code, error.russianMessage)
        }
        return try await replace(courseID: courseID, table: table, write: write, by: actor)
    }

    /// The plan as a table — a file's, or the page's rows edited in place — checked by ``ThematicPlan``'s rules and,
    /// when asked and nothing is refused, made the course's plan.
    func replace(
        courseID: Int,
        table: SheetTable,
        write: Bool,
        context: AppRequestContext,
        path: String
    ) async throws -> (topics: [ThematicPlan.Topic], refusals: [ImportRefusal]) {
        try await replace(courseID: courseID, table: table, write: write, by: try await editor(courseID, context: context, path: path))
    }

    /// Who may change the course's plan: its teacher or the administration.
    private func editor(_ courseID: Int, context: AppRequestContext, path: String) async throws -> Actor {
        let facts = try await access.course(courseID, context: context, path: path)
        let actor = try context.requireActor()
        if !Self.mayEdit(actor, facts) { try await access.require(.keepJournal, on: .course(facts), context: context, path: path) }
        return actor
    }

    private func replace(
        courseID: Int,
        table: SheetTable,
        write: Bool,
        by actor: Actor
    ) async throws -> (topics: [ThematicPlan.Topic], refusals: [ImportRefusal]) {
        try await database.write { sql in
            let course = try await ThematicPlans.course(school: actor.schoolID, course: courseID, in: sql)
            let workTypes = Dictionary(course.workTypes.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { first, _ in first })
            let read: (topics: [ThematicPlan.Topic], refusals: [ImportRefusal])
            do {
                read = try ThematicPlan.read(header: table.header, rows: table.rows, workTypes: workTypes)
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
            if write, read.refusals.isEmpty {
                try await ThematicPlans.replace(school: actor.schoolID, course: courseID, topics: read.topics, in: sql)
            }
            return read
        }
    }

    func export(courseID: Int, format: SheetFormat, context: AppRequestContext, path: String) async throws -> Response {
        let view = try await view(courseID: courseID, context: context, path: path)
        let rows = view.course.topics.map { topic in
            ImportRow(
                line: topic.position + 1,
                cells: [
                    String(topic.position), topic.title, String(topic.hours), topic.controlWorkTypeID.flatMap { view.course.workTypes[$0] } ?? "",
                ]
            )
        }
        return try SheetDownload.response(
            SheetTable(header: ThematicPlan.headings, rows: rows),
            format: format,
            sheetName: "КТП",
            fileName: "plan-\(courseID)"
        )
    }

    /// The course's own teacher keeps its plan; the administration may set it for him.
    static func mayEdit(_ actor: Actor, _ facts: CourseFacts) -> Bool {
        AccessPolicy.decide(actor, .keepJournal, .course(facts)).isAllowed
            || AccessPolicy.decide(actor, .manageStructure, .school(id: actor.schoolID)).isAllowed
    }
}
