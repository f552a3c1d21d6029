import SQLKit

/// A person's full name as Russian documents write it: «Фамилия Имя Отчество», the patronymic when there is one.
public enum PersonName {
    public static func full(lastName: String, firstName: String, patronymic: String?) -> String {
        [lastName, firstName, patronymic].compactMap { $0 }.joined(separator: " ")
    }

    /// The name from a row with `last_name`, `first_name` and `patronymic` columns.
    static func full(_ row: any SQLRow) throws -> String {
        full(
            lastName: try row.decode(column: "last_name", as: String.self),
            firstName: try row.decode(column: "first_name", as: String.self),
            patronymic: try row.decode(column: "patronymic", as: String?.self)
        )
    }
}
