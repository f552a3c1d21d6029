import SQLKit

/// The words a school's people would put in a guessable password: the school's names and the product's.
public enum SchoolWords {
    public static func load(school: Int, in sql: any SQLDatabase) async throws -> [String] {
        let row = try await sql.raw("SELECT name, short_name FROM schools WHERE id = \(bind: school)").first()
        let names = try [row?.decode(column: "name", as: String.self), row?.decode(column: "short_name", as: String.self)]
        let words = names.compactMap { $0 }.flatMap { name in
            [name] + name.split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        return words + ["школа", "журнал", "дневник", "zhurnal", "shkola", "dnevnik"]
    }
}
