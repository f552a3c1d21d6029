/// The classes' list (issue 6's imports): «Класс», «Классный руководитель» (full name, optional) and «Периоды»
/// (четверти, полугодия, триместры; empty — quarters for the 1st to 9th parallels and half-years for the 10th and
/// 11th, DOMAIN.md §2). Classes the year already has are left as they are, so the same file twice changes nothing.
public enum ClassList {
    public struct NewClass: Sendable, Hashable {
        public let line: Int
        public let parallel: Int
        public let letter: String
        public let periodKind: PeriodKind
        public let homeroomID: Int?
    }

    public static let schoolClass = "Класс"
    public static let homeroom = "Классный руководитель"
    public static let periods = "Периоды"
    public static let headings = [schoolClass, homeroom, periods]

    /// `teachers` by ``PersonalName/key``; `existing` the year's classes with their homeroom teachers.
    public static func read(
        header: [String],
        rows: [ImportRow],
        teachers: [String: Int],
        existing: [(parallel: Int, letter: String, homeroomID: Int?)]
    ) throws(RuleRefusal) -> (classes: [NewClass], known: Int, refusals: [ImportRefusal]) {
        let columns = try ImportColumns(header: header, expected: headings, required: [schoolClass])
        var classes: [NewClass] = []
        var known = 0
        var refusals: [ImportRefusal] = []
        var lines: [String: Int] = [:]
        var leads: [Int: String] = Dictionary(
            existing.compactMap { item in item.homeroomID.map { ($0, "\(item.parallel)\(item.letter)") } },
            uniquingKeysWith: { first, _ in first }
        )
        for row in rows {
            do throws(RuleRefusal) {
                let (parallel, letter) = try PupilList.className(row[columns[schoolClass]])
                let name = "\(parallel)\(letter)"
                if let line = lines[name] {
                    throw RuleRefusal(code: "duplicate_row", russianMessage: "Класс \(name) уже есть в строке \(line).")
                }
                lines[name] = row.line
                if existing.contains(where: { $0.parallel == parallel && $0.letter == letter }) {
                    known += 1
                    continue
                }
                let kind = try periodKind(row[columns[periods]], parallel: parallel)
                var homeroomID: Int?
                let homeroomName = row[columns[homeroom]]
                if !homeroomName.isEmpty {
                    let person = try PersonalName.parse(full: homeroomName, field: homeroom)
                    guard let id = teachers[person.key] else {
                        throw RuleRefusal(code: "unknown_teacher", russianMessage: "Учителя \(quotedInput(homeroomName)) в школе нет.")
                    }
                    if let other = leads[id] {
                        throw RuleRefusal(code: "already_homeroom", russianMessage: "Этот учитель уже классный руководитель \(other).")
                    }
                    leads[id] = name
                    homeroomID = id
                }
                classes.append(NewClass(line: row.line, parallel: parallel, letter: letter, periodKind: kind, homeroomID: homeroomID))
            } catch {
                refusals.append(ImportRefusal(line: row.line, error))
            }
        }
        return (classes, known, refusals)
    }

    static func periodKind(_ text: String, parallel: Int) throws(RuleRefusal) -> PeriodKind {
        switch text.trimmingWhitespace().lowercased() {
        case "": parallel >= 10 ? .halfYear : .quarter
        case "четверти", "четверть": .quarter
        case "полугодия", "полугодие": .halfYear
        case "триместры", "триместр": .trimester
        default:
            throw RuleRefusal(code: "bad_periods", russianMessage: "«Периоды»: четверти, полугодия или триместры.")
        }
    }
}
