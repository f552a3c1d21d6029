import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The staff list as a file: uploaded on «Новая учётная запись» (`POST /admin/people/import`, answered with the
/// newcomers' slips) or through `POST /api/v1/imports/staff[?dryRun=true]` (the slips in the answer), and exported
/// as `/admin/people/staff.{xlsx,csv}` and `GET /api/v1/exports/staff`.
struct StaffListController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let issuer: CredentialIssuer
    let people: AdminPeopleController

    private var files: StaffListFiles { StaffListFiles(database: database, access: access, issuer: issuer) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/admin/people/import") { request, context in
            let outcome: StaffListImport.Outcome
            do {
                let file = try await MultipartForm.listFile(request, missing: "Выберите файл списка сотрудников (CSV или XLSX).")
                outcome = try await files.importFile(file, write: true, context: context, path: request.uri.path)
            } catch {
                let problem = try Problem.shownOnPage(error)
                return try await people.newPersonPage(request, context, error: AppError.invalid("import_refused", problem.message), form: nil)
            }
            guard outcome.reading.refusals.isEmpty else {
                let lines = outcome.reading.refusals.map { "строка \($0.line): \($0.russianMessage)" }.joined(separator: "; ")
                return try await people.newPersonPage(
                    request,
                    context,
                    error: AppError.invalid("import_refused", "Список не принят, ничего не записано: \(lines)."),
                    form: nil
                )
            }
            return pages.page(
                "slips",
                SlipsPage(
                    title: "Сотрудники из списка",
                    chrome: Chrome(context),
                    slips: outcome.slips,
                    className: nil,
                    address: issuer.publicURL,
                    summary: outcome.reading.russianSummary
                )
            )
        }
        for format in SheetFormat.allCases {
            router.get("/admin/people/staff.\(format.rawValue)") { request, context in
                try await files.exportFile(format, context: context, path: request.uri.path)
            }
        }
        router.post("/api/v1/imports/staff") { request, context in
            _ = try context.requireActor()
            let dryRun = try ImportsAPIController.dryRun(request)
            let body = try await request.body.collect(upTo: PupilListFiles.maxBytes)
            let outcome = try await files.importFile(Data(body.readableBytesView), write: !dryRun, context: context, path: request.uri.path)
            if !dryRun, !outcome.reading.refusals.isEmpty {
                let lines = outcome.reading.refusals.prefix(5).map { "строка \($0.line): \($0.russianMessage)" }.joined(separator: "; ")
                throw AppError.invalid("import_refused", "Список сотрудников не принят, ничего не записано. \(lines)")
            }
            return StaffReport(outcome)
        }
        router.get("/api/v1/exports/staff") { request, context in
            guard let format = SheetFormat(rawValue: request.uri.queryParameters["format"].map(String.init) ?? "xlsx") else {
                throw AppError.invalid("bad_format", "Формат выгрузки: xlsx или csv.")
            }
            return try await files.exportFile(format, context: context, path: request.uri.path)
        }
    }

    struct StaffReport: ResponseEncodable {
        let kind = "staff"
        let written: Bool
        let newStaff: [String]
        let promoted: Int
        let unchanged: Int
        let slips: [Slip]
        let refusals: [ImportsAPIController.Report.Refusal]

        struct Slip: Encodable {
            let fullName: String
            let login: String
            let password: String
        }

        init(_ outcome: StaffListImport.Outcome) {
            written = outcome.written
            newStaff = outcome.reading.new.map(\.name.full)
            promoted = outcome.reading.promotions.count
            unchanged = outcome.reading.unchanged
            slips = outcome.slips.map { Slip(fullName: $0.fullName, login: $0.login, password: $0.password) }
            refusals = outcome.reading.refusals.map { .init(line: $0.line, code: $0.code, message: $0.russianMessage) }
        }
    }
}
