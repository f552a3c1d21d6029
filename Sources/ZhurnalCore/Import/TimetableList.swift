/// The school's weekly timetable as a file (issue 6's imports): one lesson a row — «Класс», «День» (понедельник…
/// суббота, or Пн…Сб, or 1…6), «Урок» (its bell's number), «Предмет», «Группа» (the subgroup, for a course taught to
/// one) and «Кабинет». A row names one of the class's courses by its subject and subgroup; the clashes between
/// classes are the timetable's own rules (``TimetableRules``), checked once every class's week is read.
public enum TimetableList {
    public static let schoolClass = "Класс"
    public static let day = "День"
    public static let lesson = "Урок"
    public static let subject = "Предмет"
    public static let group = "Группа"
    public static let room = "Кабинет"
    public static let headings = [schoolClass, day, lesson, subject, group, room]

    /// One of a class's courses as a row names it.
    public struct Course: Sendable, Hashable {
        public let id: Int
        public let classID: Int
        public let subject: String
        public let group: String?

        public init(id: Int, classID: Int, subject: String, group: String?) {
            self.id = id
            self.classID = classID
            self.subject = subject
            self.group = group
        }
    }

    /// A class's week as the file gives it, with the line each cell came from.
    public struct Week: Sendable, Hashable {
        public let classID: Int
        public let name: String
        public var cells: [TimetableRules.Cell] = []
        public var lines: [Int] = []
    }

    public static let dayNames = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота"]
    static let dayShortNames = ["пн", "вт", "ср", "чт", "пт", "сб"]

    /// `classes` by name («5А»), `courses` of those classes, `bells` the lesson numbers that have one.
    public static func read(
        header: [String],
        rows: [ImportRow],
        classes: [String: Int],
        courses: [Course],
        bells: Set<Int>
    ) throws(RuleRefusal) -> (weeks: [Week], refusals: [ImportRefusal]) {
        let columns = try ImportColumns(header: header, expected: headings, required: [schoolClass, day, lesson, subject])
        var weeks: [Int: Week] = [:]
        var order: [Int] = []
        var refusals: [ImportRefusal] = []
        for row in rows {
            do throws(RuleRefusal) {
                try row.requireFilled([schoolClass, day, lesson, subject], columns)
                let (parallel, letter) = try PupilList.className(row[columns[schoolClass]])
                let name = "\(parallel)\(letter)"
                guard let classID = classes[name] else {
                    throw RuleRefusal(code: "unknown_class", russianMessage: "Класса \(name) в учебном году нет.")
                }
                guard let weekday = weekday(row[columns[day]]) else {
                    throw RuleRefusal(code: "bad_weekday", russianMessage: "«День»: от понедельника до субботы (Пн…Сб или 1…6).")
                }
                guard let number = Int(row[columns[lesson]]), bells.contains(number) else {
                    throw RuleRefusal(code: "no_bell", russianMessage: "«Урок»: номер урока, для которого в школе есть звонок.")
                }
                let subjectKey = key(row[columns[subject]])
                let groupKey = row[columns[group]].isEmpty ? nil : key(row[columns[group]])
                let matching = courses.filter { $0.classID == classID && key($0.subject) == subjectKey && $0.group.map(key) == groupKey }
                guard let course = matching.first else {
                    throw RuleRefusal(
                        code: "unknown_course",
                        russianMessage: "У класса \(name) нет курса «\(row[columns[subject]])»"
                            + (groupKey == nil ? "" : " для группы «\(row[columns[group]])»") + "."
                    )
                }
                guard matching.count == 1 else {
                    throw RuleRefusal(
                        code: "ambiguous_course",
                        russianMessage: "У класса \(name) несколько курсов «\(row[columns[subject]])»: расписание таких задайте на странице класса."
                    )
                }
                let room = row[columns[room]]
                if weeks[classID] == nil {
                    weeks[classID] = Week(classID: classID, name: name)
                    order.append(classID)
                }
                weeks[classID]?.cells.append(
                    TimetableRules.Cell(weekday: weekday, lessonNumber: number, courseID: course.id, room: room.isEmpty ? nil : room)
                )
                weeks[classID]?.lines.append(row.line)
            } catch {
                refusals.append(ImportRefusal(line: row.line, error))
            }
        }
        return (order.compactMap { weeks[$0] }, refusals)
    }

    /// «Понедельник», «пн», «Пн.» or «1» → 1.
    static func weekday(_ text: String) -> Int? {
        let word = text.trimmingWhitespace().lowercased().replacing(".", with: "")
        if let number = Int(word), TimetableRules.weekdays.contains(number) { return number }
        if let index = dayShortNames.firstIndex(of: word) { return index + 1 }
        if word.count >= 3, let index = dayNames.firstIndex(where: { $0.hasPrefix(word) }) { return index + 1 }
        return nil
    }

    static func key(_ text: String) -> String { text.trimmingWhitespace().lowercased().replacing("ё", with: "е") }
}
