/// The staff list (issue 6's imports): «Фамилия», «Имя», «Отчество» and «Роли» — учитель, заместитель директора,
/// директор, separated by commas. A member of staff is known by his full name among the people who already have a
/// staff account; one who is gets the roles he lacks (none is ever taken away), anyone else is new. The
/// administrator's role is given by hand on «Люди», never by a file.
public enum StaffList {
    public struct Member: Sendable, Hashable {
        public let line: Int
        public let name: PersonalName
        public let roles: Set<Role>
    }

    /// A known member of staff who gets more roles.
    public struct Promotion: Sendable, Hashable {
        public let line: Int
        public let accountID: Int
        public let added: Set<Role>
    }

    /// Someone with a staff account already: his account and its roles.
    public struct Known: Sendable, Hashable {
        public let accountID: Int
        public let roles: Set<Role>

        public init(accountID: Int, roles: Set<Role>) {
            self.accountID = accountID
            self.roles = roles
        }
    }

    public struct Reading: Sendable, Hashable {
        public var new: [Member] = []
        public var promotions: [Promotion] = []
        public var unchanged = 0
        public var refusals: [ImportRefusal] = []
    }

    public static let lastName = "Фамилия"
    public static let firstName = "Имя"
    public static let patronymic = "Отчество"
    public static let roles = "Роли"
    public static let headings = [lastName, firstName, patronymic, roles]

    /// The roles a file may give, and the words it names them with.
    static let words: [String: Role] = [
        "учитель": .teacher, "педагог": .teacher, "педагог дополнительного образования": .teacher,
        "заместитель директора": .deputy, "заместитель директора по увр": .deputy, "завуч": .deputy,
        "директор": .director,
    ]

    /// The words a list is written with, for the export.
    public static func word(for role: Role) -> String? {
        switch role {
        case .teacher: "учитель"
        case .deputy: "заместитель директора"
        case .director: "директор"
        case .admin: "администратор"
        default: nil
        }
    }

    /// `known` by ``PersonalName/key``; `taken` the keys of people with another account — a parent's, or a member of
    /// staff's that was switched off — whom a file does not touch: a namesake must not get a teacher's rights, and one
    /// person is not given a second account.
    public static func read(header: [String], rows: [ImportRow], known: [String: Known], taken: Set<String> = []) throws(RuleRefusal) -> Reading {
        let columns = try ImportColumns(header: header, expected: headings, required: [lastName, firstName, roles])
        var reading = Reading()
        var lines: [String: Int] = [:]
        for row in rows {
            do throws(RuleRefusal) {
                try row.requireFilled([lastName, firstName, roles], columns)
                let name = try row.personalName(columns, (lastName, firstName, patronymic), field: "ФИО")
                if let line = lines[name.key] {
                    throw RuleRefusal(code: "duplicate_row", russianMessage: "\(name.full) уже есть в строке \(line).")
                }
                lines[name.key] = row.line
                let existing = known[name.key]
                if existing == nil, taken.contains(name.key) {
                    throw RuleRefusal(
                        code: "account_exists",
                        russianMessage:
                            "У человека «\(name.full)» уже есть учётная запись (родителя или отключённая): роли сотрудника выдайте на странице «Люди»."
                    )
                }
                let roles = try parseRoles(row[columns[roles]], held: existing?.roles ?? [])
                if let existing {
                    let added = roles.subtracting(existing.roles)
                    if added.isEmpty {
                        reading.unchanged += 1
                    } else {
                        reading.promotions.append(Promotion(line: row.line, accountID: existing.accountID, added: added))
                    }
                } else {
                    reading.new.append(Member(line: row.line, name: name, roles: roles))
                }
            } catch {
                reading.refusals.append(ImportRefusal(line: row.line, error))
            }
        }
        return reading
    }

    /// «учитель, завуч» → the roles; the administrator's role only as one already `held` (an export read back).
    static func parseRoles(_ text: String, held: Set<Role>) throws(RuleRefusal) -> Set<Role> {
        var roles = Set<Role>()
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let word = part.trimmingWhitespace().lowercased().replacing("ё", with: "е")
            guard !word.isEmpty else { continue }
            if word == "администратор" || word == "системный администратор" {
                guard held.contains(.admin) else {
                    throw RuleRefusal(code: "admin_by_hand", russianMessage: "Роль администратора выдают только на странице «Люди».")
                }
                roles.insert(.admin)
                continue
            }
            guard let role = words[word] else {
                throw RuleRefusal(
                    code: "unknown_role",
                    russianMessage: "Неизвестная роль \(quotedInput(String(part.trimmingWhitespace()))): учитель, заместитель директора или директор."
                )
            }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw RuleRefusal(code: "missing_field", russianMessage: "Не заполнено поле «Роли».") }
        return roles
    }
}
