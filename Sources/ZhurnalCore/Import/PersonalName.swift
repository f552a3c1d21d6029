/// A person's name as lists write it: surname, given name and an optional patronymic.
public struct PersonalName: Sendable, Hashable {
    public let lastName: String
    public let firstName: String
    public let patronymic: String?

    public init(lastName: String, firstName: String, patronymic: String?) {
        self.lastName = lastName
        self.firstName = firstName
        self.patronymic = patronymic
    }

    public var full: String { [lastName, firstName, patronymic].compactMap { $0 }.joined(separator: " ") }

    /// The same person however the name was typed: letter case and «ё» differ between lists of one school.
    public var key: String { full.lowercased().replacing("ё", with: "е") }

    public static func key(lastName: String) -> String { lastName.lowercased().replacing("ё", with: "е") }

    /// «Иванова Мария Петровна» in one cell, as lists of parents usually have it: the surname first, then the given
    /// name, the rest the patronymic.
    public static func parse(full text: String, field: String) throws(RuleRefusal) -> PersonalName {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2 else {
            throw RuleRefusal(code: "bad_name", russianMessage: "«\(field)»: нужны фамилия и имя, например «Иванова Мария Петровна».")
        }
        return try parse(
            lastName: words[0],
            firstName: words[1],
            patronymic: words.count > 2 ? words[2...].joined(separator: " ") : nil,
            field: field
        )
    }

    public static func parse(lastName: String, firstName: String, patronymic: String?, field: String) throws(RuleRefusal) -> PersonalName {
        for part in [lastName, firstName, patronymic ?? ""] {
            guard part.count <= 60, part.allSatisfy({ $0.isLetter || $0 == "-" || $0 == " " || $0 == "'" || $0 == "’" }) else {
                throw RuleRefusal(code: "bad_name", russianMessage: "«\(field)»: в имени \(quotedInput(part)) есть не только буквы.")
            }
        }
        let patronymic = patronymic?.trimmingWhitespace()
        return PersonalName(
            lastName: lastName.trimmingWhitespace(),
            firstName: firstName.trimmingWhitespace(),
            patronymic: patronymic?.isEmpty == false ? patronymic : nil
        )
    }
}
