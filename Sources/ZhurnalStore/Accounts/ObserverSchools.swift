import SQLKit

/// The schools whose aggregated figures an observer (a municipality's or region's inspector) reads. Granted by the
/// installation's operator, not by a school's administrator, who has no say over other schools.
public enum ObserverSchools {
    /// Replaces the schools the observer with `login` reads; returns his account's school and id.
    @discardableResult
    public static func grant(login: String, schools: Set<Int>, in sql: any SQLDatabase) async throws -> (school: Int, account: Int) {
        guard
            let row = try await sql.raw(
                """
                SELECT a.school_id, a.id FROM accounts a
                JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id AND r.role = 'observer'
                WHERE a.login = \(bind: login)
                """
            ).first()
        else { throw StoreError.rejected("Нет учётной записи наблюдателя с логином «\(login)».") }
        let school = try row.decode(column: "school_id", as: Int.self)
        let account = try row.decode(column: "id", as: Int.self)
        let known = try await sql.raw("SELECT id FROM schools WHERE id IN (\(binds: Array(schools)))").all()
            .map { try $0.decode(column: "id", as: Int.self) }
        if let unknown = schools.subtracting(known).sorted().first {
            throw StoreError.rejected("Школы с номером \(unknown) в базе нет.")
        }
        try await sql.raw("DELETE FROM observer_schools WHERE school_id = \(bind: school) AND account_id = \(bind: account)").run()
        var batch = RowBatch(table: "observer_schools", columns: ["school_id", "account_id", "observed_school_id"])
        for observed in schools.sorted() { batch.append([school, account, observed]) }
        try await batch.flush(into: sql)
        return (school, account)
    }
}
