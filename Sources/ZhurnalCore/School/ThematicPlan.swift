/// A course's thematic plan (КТП, DOMAIN.md §2 and §4): ordered topics with their hours and, for some, the control
/// work that closes them. The plan is laid onto the course's lessons in order — the first topic's hours on the first
/// lessons held, and so on — and measured against them: hours planned to date against lessons held, the programme's
/// fulfilment that the deputy's reports use.
public enum ThematicPlan {
    public struct Topic: Sendable, Hashable {
        public let position: Int
        public let title: String
        public let hours: Int
        public let controlWorkTypeID: Int?

        public init(position: Int, title: String, hours: Int, controlWorkTypeID: Int?) {
            self.position = position
            self.title = title
            self.hours = hours
            self.controlWorkTypeID = controlWorkTypeID
        }
    }

    /// A lesson of the course as the plan sees it, in the order of the days and lesson numbers.
    public struct Lesson: Sendable, Hashable {
        public let id: Int
        public let date: LocalDate
        public let cancelled: Bool
        /// The teacher wrote it down: its topic or its attendance.
        public let recorded: Bool

        public init(id: Int, date: LocalDate, cancelled: Bool, recorded: Bool) {
            self.id = id
            self.date = date
            self.cancelled = cancelled
            self.recorded = recorded
        }
    }

    public struct Fulfilment: Sendable, Hashable {
        /// All the plan's hours.
        public let total: Int
        /// Hours the plan expects by today: one for each lesson the timetable gave up to today, at most the total.
        public let plannedToDate: Int
        /// Lessons held up to today: not cancelled, and written down — a lesson nobody recorded is not counted as given.
        public let held: Int
        /// Hours behind the plan; 0 when on time.
        public var lag: Int { max(0, plannedToDate - held) }
    }

    public static let number = "№"
    public static let title = "Тема"
    public static let hours = "Часов"
    public static let control = "Контроль"
    public static let headings = [number, title, hours, control]

    /// Reads the rows in the order of their numbers (or the file's, without a «№» column); `workTypes` are the school's
    /// by lowercased name.
    public static func read(
        header: [String],
        rows: [ImportRow],
        workTypes: [String: Int]
    ) throws(RuleRefusal) -> (topics: [Topic], refusals: [ImportRefusal]) {
        let columns = try ImportColumns(header: header, expected: headings, required: [title, hours])
        var read: [(order: Int, line: Int, title: String, hours: Int, control: Int?)] = []
        var refusals: [ImportRefusal] = []
        var numbers: [Int: Int] = [:]
        for row in rows {
            do throws(RuleRefusal) {
                let name = row[columns[title]]
                guard (1...300).contains(name.count) else {
                    throw RuleRefusal(code: "missing_field", russianMessage: "Не заполнено поле «Тема» (или оно длиннее 300 знаков).")
                }
                guard let count = Int(row[columns[hours]]), (1...40).contains(count) else {
                    throw RuleRefusal(code: "bad_hours", russianMessage: "«Часов»: целое число от 1 до 40.")
                }
                var order = row.line
                if columns[number] != nil {
                    guard let position = Int(row[columns[number]].filter { $0 != "." }), position >= 1 else {
                        throw RuleRefusal(code: "bad_number", russianMessage: "«№»: номер темы — целое число от 1.")
                    }
                    if let line = numbers[position] {
                        throw RuleRefusal(code: "duplicate_row", russianMessage: "Тема № \(position) уже есть в строке \(line).")
                    }
                    numbers[position] = row.line
                    order = position
                }
                var control: Int?
                let controlName = row[columns[self.control]]
                if !controlName.isEmpty {
                    guard let id = workTypes[controlName.lowercased()] else {
                        throw RuleRefusal(
                            code: "unknown_work_type",
                            russianMessage: "«Контроль»: вида работы \(quotedInput(controlName)) в школе нет."
                        )
                    }
                    control = id
                }
                read.append((order, row.line, name, count, control))
            } catch {
                refusals.append(ImportRefusal(line: row.line, error))
            }
        }
        let topics = read.sorted { ($0.order, $0.line) < ($1.order, $1.line) }.enumerated().map {
            Topic(position: $0.offset + 1, title: $0.element.title, hours: $0.element.hours, controlWorkTypeID: $0.element.control)
        }
        return (topics, refusals)
    }

    /// The topic each lesson held or to be held is given, hour by hour in the plan's order; cancelled lessons get none,
    /// and lessons beyond the plan's hours none either.
    public static func laid(_ topics: [Topic], on lessons: [Lesson]) -> [Int: Topic] {
        var hours = topics.flatMap { topic in Array(repeating: topic, count: topic.hours) }.makeIterator()
        var laid: [Int: Topic] = [:]
        for lesson in lessons where !lesson.cancelled {
            guard let topic = hours.next() else { break }
            laid[lesson.id] = topic
        }
        return laid
    }

    public static func fulfilment(_ topics: [Topic], lessons: [Lesson], today: LocalDate) -> Fulfilment {
        let total = topics.reduce(0) { $0 + $1.hours }
        let scheduled = lessons.filter { $0.date <= today }
        return Fulfilment(total: total, plannedToDate: min(total, scheduled.count), held: scheduled.filter { !$0.cancelled && $0.recorded }.count)
    }
}
