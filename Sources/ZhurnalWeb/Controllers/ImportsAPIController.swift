import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The pupils' list for programs: `POST /api/v1/imports/pupils` takes the file itself as the body (CSV or XLSX, told
/// apart by its first bytes) and answers the report — with `dryRun=true` only the report; `GET /api/v1/exports/pupils`
/// gives the list back as a file.
struct ImportsAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var files: PupilListFiles { PupilListFiles(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/imports/pupils") { request, context in try await importPupils(request, context) }
        router.post("/api/v1/imports/classes") { request, context in
            _ = try context.requireActor()
            let dryRun = try Self.dryRun(request)
            let body = try await request.body.collect(upTo: PupilListFiles.maxBytes)
            let outcome = try await files.importClasses(Data(body.readableBytesView), write: !dryRun, context: context, path: request.uri.path)
            if !dryRun, !outcome.refusals.isEmpty {
                let lines = outcome.refusals.prefix(5).map { "строка \($0.line): \($0.russianMessage)" }.joined(separator: "; ")
                throw AppError.invalid("import_refused", "Список классов не принят, ничего не записано. \(lines)")
            }
            return try json(ClassReport(outcome), status: .ok)
        }
        router.post("/api/v1/imports/timetable") { request, context in
            _ = try context.requireActor()
            let dryRun = try Self.dryRun(request)
            let body = try await request.body.collect(upTo: PupilListFiles.maxBytes)
            let outcome = try await files.importTimetable(
                Data(body.readableBytesView),
                from: request.uri.queryParameters["from"].map(String.init) ?? "",
                write: !dryRun,
                context: context,
                path: request.uri.path
            )
            if !dryRun, !outcome.refusals.isEmpty {
                let lines = outcome.refusals.prefix(5).map { "строка \($0.line): \($0.russianMessage)" }.joined(separator: "; ")
                throw AppError.invalid("import_refused", "Расписание не принято, ничего не записано. \(lines)")
            }
            return try json(TimetableReport(outcome), status: .ok)
        }
        router.get("/api/v1/exports/timetable") { request, context in
            guard let format = SheetFormat(rawValue: request.uri.queryParameters["format"].map(String.init) ?? "xlsx") else {
                throw AppError.invalid("bad_format", "Формат выгрузки: xlsx или csv.")
            }
            return try await files.exportTimetable(format, on: try request.dateQuery(), context: context, path: request.uri.path)
        }
        router.get("/api/v1/exports/classes") { request, context in
            guard let format = SheetFormat(rawValue: request.uri.queryParameters["format"].map(String.init) ?? "xlsx") else {
                throw AppError.invalid("bad_format", "Формат выгрузки: xlsx или csv.")
            }
            return try await files.exportClasses(format, context: context, path: request.uri.path)
        }
        router.get("/api/v1/exports/pupils") { request, context in
            let name = request.uri.queryParameters["format"].map(String.init) ?? "xlsx"
            guard let format = SheetFormat(rawValue: name) else {
                throw AppError.invalid("bad_format", "Формат выгрузки: xlsx или csv.")
            }
            return try await files.exportFile(format, context: context, path: request.uri.path)
        }
    }

    struct Report: Encodable {
        let kind: String
        let written: Bool
        let rows: Int
        let newPupils: Int
        let knownPupils: Int
        let newGuardians: Int
        let newLinks: Int
        let refusals: [Refusal]

        struct Refusal: Encodable {
            let line: Int
            let code: String
            let message: String
        }

        init(_ plan: PupilImportPlan, written: Bool) {
            kind = "pupils"
            self.written = written
            rows = plan.rows
            newPupils = plan.newPupils
            knownPupils = plan.knownPupils
            newGuardians = plan.newGuardians
            newLinks = plan.guardianships.count
            refusals = plan.refusals.map { Refusal(line: $0.line, code: $0.code, message: $0.russianMessage) }
        }
    }

    struct ClassReport: Encodable {
        let kind = "classes"
        let written: Bool
        let newClasses: [String]
        let knownClasses: Int
        let refusals: [Report.Refusal]

        init(_ outcome: ClassListImport.Outcome) {
            written = outcome.written
            newClasses = outcome.classes.map { "\($0.parallel)\($0.letter)" }
            knownClasses = outcome.known
            refusals = outcome.refusals.map { .init(line: $0.line, code: $0.code, message: $0.russianMessage) }
        }
    }

    struct TimetableReport: Encodable {
        let kind = "timetable"
        let written: Bool
        let classes: [String]
        let unchanged: Int
        let lessonsCreated: Int
        let refusals: [Report.Refusal]

        init(_ outcome: TimetableListImport.Outcome) {
            written = outcome.written
            classes = outcome.weeks.map(\.name)
            unchanged = outcome.unchanged
            lessonsCreated = outcome.lessonsCreated
            refusals = outcome.refusals.map { .init(line: $0.line, code: $0.code, message: $0.russianMessage) }
        }
    }

    static func dryRun(_ request: Request) throws -> Bool {
        switch request.uri.queryParameters["dryRun"].map(String.init) {
        case nil, "false": false
        case "true": true
        default: throw AppError.invalid("bad_dry_run", "Параметр dryRun: true или false.")
        }
    }

    func importPupils(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let dryRun = try Self.dryRun(request)
        let body = try await request.body.collect(upTo: PupilListFiles.maxBytes)
        let plan = try await files.importFile(Data(body.readableBytesView), write: !dryRun, context: context, path: request.uri.path)
        let report = Report(plan, written: !dryRun && plan.refusals.isEmpty && !plan.changesNothing)
        guard dryRun || plan.refusals.isEmpty else {
            struct Refused: Encodable {
                let error: Inner
                let report: Report

                struct Inner: Encodable {
                    let code: String
                    let message: String
                    let requestId: String
                }
            }
            let message =
                "В файле \(plan.refusals.count) \(RussianPlural.form(plan.refusals.count, "строка", "строки", "строк")) с ошибками; ничего не записано."
            return try json(
                Refused(error: .init(code: "import_refused", message: message, requestId: context.id), report: report),
                status: .unprocessableContent
            )
        }
        return try json(report, status: .ok)
    }

    private func json(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }
}
