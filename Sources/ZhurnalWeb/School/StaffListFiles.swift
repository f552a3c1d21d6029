import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The staff list as a file, for the administrator's page and the API alike, under `.manageAccounts`: it makes
/// accounts and gives roles. The newcomers' passwords are made and hashed before the writing transaction, as many as
/// a read of the list against the school counted.
struct StaffListFiles: Sendable {
    let database: Database
    let access: Access
    let issuer: CredentialIssuer

    func importFile(_ data: Data, write: Bool, context: AppRequestContext, path: String) async throws -> StaffListImport.Outcome {
        let actor = try await access.require(.manageAccounts, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let table = try PupilListFiles.table(data)
        do {
            let plan = try await StaffListImport.plan(header: table.header, rows: table.rows, school: actor.schoolID, in: database)
            guard write, plan.refusals.isEmpty else { return StaffListImport.Outcome(reading: plan, slips: [], written: false) }
            let passwords = plan.new.map { _ in InitialPassword.generate() }
            let hashes = await issuer.hasher.hashAll(passwords)
            return try await StaffListImport.run(
                header: table.header,
                rows: table.rows,
                school: actor.schoolID,
                passwords: passwords,
                hashes: hashes,
                by: context.session?.login,
                now: issuer.clock(),
                in: database
            )
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
    }

    func exportFile(_ format: SheetFormat, context: AppRequestContext, path: String) async throws -> Response {
        let actor = try await access.require(.manageAccounts, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let lines = try await StaffListImport.export(school: actor.schoolID, in: database)
        let table = SheetTable(header: lines[0], rows: lines.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
        return try SheetDownload.response(table, format: format, sheetName: "Сотрудники", fileName: "staff")
    }
}

extension StaffList.Reading {
    /// «Новых сотрудников: 3, получили новые роли: 1, без изменений: 40.»
    var russianSummary: String {
        "Новых сотрудников: \(new.count), получили новые роли: \(promotions.count), без изменений: \(unchanged)."
    }
}
