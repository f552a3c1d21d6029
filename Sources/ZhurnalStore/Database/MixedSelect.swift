import SQLKit

/// One statement that reads rows of several shapes at once — a course, its teachers, its periods, its work types — so
/// that a hot page costs one round trip instead of one per shape.
///
/// It is a UNION ALL whose branches fill the columns of their shape and leave the rest NULL. The first branch casts its
/// NULLs to their column's type: PostgreSQL settles a UNION's column types pair by pair from the left, and two untyped
/// NULLs would make a column text before a later branch brings a number. Later NULLs stay plain, since every statement
/// is parsed anew on each request and hundreds of casts cost SQLite measurable time. The first column, `shape`, says
/// which branch a row came from.
struct MixedSelect {
    enum ColumnType: String {
        case integer = "BIGINT"
        case text = "TEXT"
        case boolean = "BOOLEAN"
    }

    private let columns: [(name: String, type: ColumnType)]
    private var branches: [SQLQueryString] = []
    /// A WITH clause the branches may read, computed once for all of them.
    private let with: SQLQueryString?

    init(_ columns: KeyValuePairs<String, ColumnType>, with: SQLQueryString? = nil) {
        self.with = with
        precondition(
            columns.allSatisfy { column in column.key.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "_") } },
            "column names are lower-case words"
        )
        self.columns = columns.map { ($0.key, $0.value) }
    }

    /// Adds a branch of rows of `shape`: `values` maps some of the columns to expressions over `source` (a FROM clause
    /// with its joins and WHERE); the other columns are NULL.
    mutating func add(_ shape: String, _ values: KeyValuePairs<String, SQLQueryString>, _ source: SQLQueryString) {
        let given = Dictionary(values.map { ($0.key, $0.value) }) { first, _ in first }
        precondition(given.keys.allSatisfy { key in columns.contains { $0.name == key } }, "a column the select does not have")
        var branch: SQLQueryString = "SELECT \(literal: shape) AS shape"
        for (name, type) in columns {
            let value = given[name] ?? (branches.isEmpty ? "CAST(NULL AS \(unsafeRaw: type.rawValue))" : "NULL")
            // The names are the code's own constants: written as they are, since quoting them through SQLKit's
            // identifier escaping on every branch of every request showed in the grid page's profile.
            branch += ", " + value + " AS \(unsafeRaw: name)"
        }
        branches.append(branch + " " + source)
    }

    var query: SQLQueryString {
        let union = branches.joined(separator: "\nUNION ALL\n")
        return with.map { $0 + "\n" + union } ?? union
    }

    /// Runs the statement and groups its rows by shape.
    func rows(in sql: any SQLDatabase) async throws -> [String: [any SQLRow]] {
        var grouped: [String: [any SQLRow]] = [:]
        for row in try await sql.raw(query).all() {
            grouped[try row.decode(column: "shape", as: String.self), default: []].append(row)
        }
        return grouped
    }
}
