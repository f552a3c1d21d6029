/// The curriculum (учебный план, DOMAIN.md §2): hours a week of each subject in each parallel, as schools keep it —
/// a table with a row per subject and a column per parallel. Read whole from a list, each bad row refused with its
/// reason.
public enum CurriculumPlan {
    public struct Hours: Sendable, Hashable {
        public let subjectID: Int
        public let parallel: Int
        public let hours: Int

        public init(subjectID: Int, parallel: Int, hours: Int) {
            self.subjectID = subjectID
            self.parallel = parallel
            self.hours = hours
        }
    }

    public static let subject = "Предмет"
    public static let parallels = 1...11
    public static var headings: [String] { [subject] + parallels.map(String.init) }

    /// `subjects` are the school's by lowercased name. Empty cells and zeros are no hours; the parallels' columns
    /// that are absent are left out.
    public static func read(
        header: [String],
        rows: [ImportRow],
        subjects: [String: Int]
    ) throws(RuleRefusal) -> (hours: [Hours], refusals: [ImportRefusal]) {
        let columns = try ImportColumns(header: header, expected: headings, required: [subject])
        var hours: [Hours] = []
        var refusals: [ImportRefusal] = []
        var seen: [Int: Int] = [:]
        for row in rows {
            do throws(RuleRefusal) {
                let name = row[columns[subject]]
                guard let subjectID = subjects[name.lowercased()] else {
                    throw RuleRefusal(
                        code: "unknown_subject",
                        russianMessage: "Предмета \(quotedInput(name)) в школе нет: добавьте его в «Правила школы»."
                    )
                }
                if let line = seen[subjectID] {
                    throw RuleRefusal(code: "duplicate_row", russianMessage: "Этот предмет уже есть в строке \(line).")
                }
                seen[subjectID] = row.line
                var own: [Hours] = []
                for parallel in parallels {
                    let text = row[columns[String(parallel)]]
                    guard !text.isEmpty else { continue }
                    guard let count = Int(text), (0...40).contains(count) else {
                        throw RuleRefusal(code: "bad_hours", russianMessage: "\(parallel) класс: часов в неделю — целое число от 0 до 40.")
                    }
                    if count > 0 { own.append(Hours(subjectID: subjectID, parallel: parallel, hours: count)) }
                }
                hours += own
            } catch {
                refusals.append(ImportRefusal(line: row.line, error))
            }
        }
        return (hours, refusals)
    }
}
