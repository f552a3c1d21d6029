import SQLKit

/// Whom a course is for, as the reports name it: its class («5А», a subgroup's course included), or a group across
/// classes by its title.
enum CourseClassName {
    /// From a row with the class's `parallel` and `letter` and the group's `group_title`.
    static func of(_ row: any SQLRow) throws -> String {
        if let parallel = try row.decode(column: "parallel", as: Int?.self) {
            return "\(parallel)\(try row.decode(column: "letter", as: String.self))"
        }
        return try row.decode(column: "group_title", as: String?.self) ?? ""
    }
}
