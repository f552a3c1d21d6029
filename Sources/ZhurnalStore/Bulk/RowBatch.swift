import SQLKit

/// Rows gathered in memory and written with multi-row INSERTs: a school's import or the demo writes hundreds of
/// thousands of rows, and one statement per row would take minutes.
///
/// ```swift
/// var people = RowBatch(table: "people", columns: ["school_id", "id", "last_name", "first_name"])
/// people.append([1, 7, "Иванова", "Мария"])
/// try await people.flush(into: sql)
/// ```
public struct RowBatch: Sendable {
    public let table: String
    public let columns: [String]
    private var rows: [[any Encodable & Sendable]] = []

    public init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    public var count: Int { rows.count }

    public mutating func append(_ values: [any Encodable & Sendable]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values)
    }

    /// Writes the rows gathered so far and empties the batch.
    public mutating func flush(into sql: any SQLDatabase) async throws {
        // SQLite allows 32 766 bound values in a statement, PostgreSQL 65 535.
        let rowsPerStatement = max(1, 30_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let insert = sql.insert(into: SQLIdentifier(table)).columns(columns.map { SQLIdentifier($0) })
            for row in rows[start..<min(start + rowsPerStatement, rows.count)] {
                insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
        }
        rows.removeAll(keepingCapacity: true)
    }
}
