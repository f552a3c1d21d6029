/// A pupil as a row of the school's list gives him: his name and birth date, his class and the day he joins it, and up
/// to two guardians.
public struct PupilListEntry: Sendable, Hashable {
    public let line: Int
    public let name: PersonalName
    public let birthDate: LocalDate
    public let parallel: Int
    public let letter: String
    /// Empty in the file: from the first day of the year.
    public let enrolledOn: LocalDate?
    public let guardians: [Guardian]

    public struct Guardian: Sendable, Hashable {
        public let name: PersonalName
        public let relation: String
    }

    public var className: String { "\(parallel)\(letter)" }

    /// One pupil of the school: the same name and birth date.
    public var key: String { name.key + "|" + birthDate.iso }
}

/// The pupils' list: its columns, in the order exports write them, and each row read into a ``PupilListEntry`` or
/// refused with the reason.
public enum PupilList {
    public static let lastName = "Фамилия"
    public static let firstName = "Имя"
    public static let patronymic = "Отчество"
    public static let birthDate = "Дата рождения"
    public static let schoolClass = "Класс"
    public static let enrolledOn = "Дата зачисления"
    public static let guardianColumns = [("Представитель 1", "Кем приходится 1"), ("Представитель 2", "Кем приходится 2")]

    public static let headings =
        [lastName, firstName, patronymic, birthDate, schoolClass, enrolledOn] + guardianColumns.flatMap { [$0.0, $0.1] }
    public static let required = [lastName, firstName, birthDate, schoolClass]

    public static func read(header: [String], rows: [ImportRow]) throws(RuleRefusal) -> (entries: [PupilListEntry], refusals: [ImportRefusal]) {
        let columns = try ImportColumns(header: header, expected: headings, required: required)
        var entries: [PupilListEntry] = []
        var refusals: [ImportRefusal] = []
        for row in rows {
            do {
                entries.append(try entry(row, columns))
            } catch {
                refusals.append(ImportRefusal(line: row.line, error))
            }
        }
        return (entries, refusals)
    }

    static func entry(_ row: ImportRow, _ columns: ImportColumns) throws(RuleRefusal) -> PupilListEntry {
        try row.requireFilled(required, columns)
        let name = try row.personalName(columns, (lastName, firstName, patronymic), field: "ученик")
        let birth = try date(row[columns[birthDate]], field: birthDate)
        let (parallel, letter) = try className(row[columns[schoolClass]])
        let enrolled = row[columns[enrolledOn]].isEmpty ? nil : try date(row[columns[enrolledOn]], field: enrolledOn)
        var guardians: [PupilListEntry.Guardian] = []
        for (nameHeading, relationHeading) in guardianColumns where !row[columns[nameHeading]].isEmpty {
            let relation = row[columns[relationHeading]]
            guard relation.count <= 40 else {
                throw RuleRefusal(code: "bad_relation", russianMessage: "«\(relationHeading)»: не длиннее 40 знаков, например «мать».")
            }
            guardians.append(
                .init(
                    name: try PersonalName.parse(full: row[columns[nameHeading]], field: nameHeading),
                    relation: relation.isEmpty ? "законный представитель" : relation.lowercased()
                )
            )
        }
        if guardians.count == 2, guardians[0].name.key == guardians[1].name.key {
            throw RuleRefusal(code: "duplicate_guardian", russianMessage: "Один и тот же представитель записан дважды.")
        }
        return PupilListEntry(
            line: row.line,
            name: name,
            birthDate: birth,
            parallel: parallel,
            letter: letter,
            enrolledOn: enrolled,
            guardians: guardians
        )
    }

    static func date(_ text: String, field: String) throws(RuleRefusal) -> LocalDate {
        guard let date = LocalDate(spreadsheet: text) else {
            throw RuleRefusal(code: "bad_date", russianMessage: "«\(field)»: \(quotedInput(text)) — не дата; пишите ДД.ММ.ГГГГ.")
        }
        return date
    }

    /// «5А», «5 а», «5-А» → (5, «А»).
    static func className(_ text: String) throws(RuleRefusal) -> (Int, String) {
        let digits = text.prefix { $0.isASCIIDigit }
        let rest = text.dropFirst(digits.count).drop { $0 == " " || $0 == "-" }
        guard let parallel = Int(digits), (1...11).contains(parallel), !rest.isEmpty else {
            throw RuleRefusal(code: "bad_class", russianMessage: "«Класс»: \(quotedInput(text)) — пишите параллель и букву, например «5А».")
        }
        return (parallel, try ClassRules.letter(String(rest)))
    }
}
