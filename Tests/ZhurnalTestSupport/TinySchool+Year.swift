import SQLKit
import ZhurnalStore

extension TinySchool {
    /// The other three quarters of TinySchool's year, with no lessons in them: periods 2, 3 and 4.
    public static let laterQuarters = [2, 3, 4]

    /// Adds ``laterQuarters`` so that the year has four, as the final-marks sheet expects.
    public static func addLaterQuarters(into database: Database) async throws {
        try await database.write { sql in
            var periods = RowBatch(table: "periods", columns: ["school_id", "id", "year_id", "kind", "number", "title", "starts_on", "ends_on"])
            periods.append([1, 2, 1, "quarter", 2, "2 четверть", "2026-11-02", "2026-12-29"])
            periods.append([1, 3, 1, "quarter", 3, "3 четверть", "2027-01-12", "2027-03-20"])
            periods.append([1, 4, 1, "quarter", 4, "4 четверть", "2027-03-30", "2027-05-25"])
            try await periods.flush(into: sql)
            try await IdentitySequences.advance(sql, flavor: database.flavor)
        }
    }
}
