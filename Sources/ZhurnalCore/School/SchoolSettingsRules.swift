/// The school's own rules as its administrator sets them (DOMAIN.md §3–4): rounding, the edit window, marks «1», how a
/// double mark counts, the homework deadline; its subjects, work types with their weights and deadlines, and bells.
/// Each check refuses with the field and the reason in Russian.
public enum SchoolSettingsRules {
    public typealias Refusal = RuleRefusal

    public static let editWindowDays = 0...90
    public static let homeworkDeadlineMinutes = 0...240
    public static let weights = 1...10
    public static let markDeadlineDays = 0...60
    public static let lessonNumbers = 0...12

    /// «classic», «strict», «nso», or «custom» with thresholds typed as «4,6/3,6/2,6».
    public static func rounding(profile: String, thresholds: String) throws(Refusal) -> RoundingProfile {
        if profile == "custom" {
            do {
                return .custom(try RoundingThresholds(parsing: thresholds.trimmingWhitespace()))
            } catch {
                throw Refusal(
                    code: "bad_thresholds",
                    russianMessage: "Пороги округления — три числа по убыванию через «/», например «4,6/3,6/2,6»."
                )
            }
        }
        guard let rounding = RoundingProfile(storageValue: profile), RoundingProfile.builtIn.contains(rounding) else {
            throw Refusal(code: "bad_profile", russianMessage: "Профиль округления: classic, strict, nso или custom.")
        }
        return rounding
    }

    /// Empty: marks may be corrected at any time (within an open period).
    public static func editWindow(_ text: String) throws(Refusal) -> Int? {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        guard let days = Int(text), editWindowDays.contains(days) else {
            throw Refusal(code: "bad_edit_window", russianMessage: "Окно исправлений — от 0 до 90 дней, или пусто — без ограничения.")
        }
        return days
    }

    public static func homeworkDeadline(_ minutes: Int) throws(Refusal) -> Int {
        guard homeworkDeadlineMinutes.contains(minutes) else {
            throw Refusal(code: "bad_homework_deadline", russianMessage: "Срок записи домашнего задания — от 0 до 240 минут после последнего урока.")
        }
        return minutes
    }

    /// A subject's name and short name, trimmed; its name is new in the school, whatever its letter case.
    public static func subject(name: String, shortName: String, among existing: [String]) throws(Refusal) -> (name: String, shortName: String) {
        let name = name.trimmingWhitespace()
        let short = shortName.trimmingWhitespace()
        guard (1...100).contains(name.count) else {
            throw Refusal(code: "bad_name", russianMessage: "Название предмета — от 1 до 100 знаков.")
        }
        guard short.count <= 20 else { throw Refusal(code: "bad_short_name", russianMessage: "Краткое название — до 20 знаков.") }
        if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw Refusal(code: "duplicate_subject", russianMessage: "Предмет «\(name)» уже есть.")
        }
        return (name, short.isEmpty ? String(name.prefix(20)) : short)
    }

    /// A subject's double marks are switched off only while its journals hold none: the «5/4» already given would
    /// otherwise stand against the rules.
    public static func doubleMarks(allowed: Bool, given: Int) throws(Refusal) {
        guard allowed || given == 0 else {
            throw Refusal(
                code: "double_marks_given",
                russianMessage: "В журналах предмета уже есть двойные отметки (\(given)): их нельзя запретить, пока они стоят."
            )
        }
    }

    public static func workType(name: String, weight: Int, deadlineDays: Int, among existing: [String]) throws(Refusal) -> String {
        let name = name.trimmingWhitespace()
        guard (1...100).contains(name.count) else {
            throw Refusal(code: "bad_name", russianMessage: "Название вида работы — от 1 до 100 знаков.")
        }
        guard weights.contains(weight) else { throw Refusal(code: "bad_weight", russianMessage: "Вес вида работы — от 1 до 10.") }
        guard markDeadlineDays.contains(deadlineDays) else {
            throw Refusal(code: "bad_deadline", russianMessage: "Срок выставления отметок — от 0 до 60 дней.")
        }
        if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw Refusal(code: "duplicate_work_type", russianMessage: "Вид работы «\(name)» уже есть.")
        }
        return name
    }

    /// A bell: «08:30»–«09:15», inside the day, not overlapping another lesson, and in the order of the lesson numbers.
    /// `others` are the other lessons' bells (the one being replaced left out).
    public static func bell(
        number: Int,
        startsAt: String,
        endsAt: String,
        others: [(number: Int, startsAt: String, endsAt: String)]
    ) throws(Refusal) -> (String, String) {
        guard lessonNumbers.contains(number) else { throw Refusal(code: "bad_lesson_number", russianMessage: "Номер урока — от 0 до 12.") }
        guard let start = time(startsAt), let end = time(endsAt) else {
            throw Refusal(code: "bad_time", russianMessage: "Время — часы и минуты, например 08:30.")
        }
        guard start < end else { throw Refusal(code: "bad_time", russianMessage: "Урок \(number) кончается раньше, чем начинается.") }
        for other in others {
            guard let otherStart = time(other.startsAt), let otherEnd = time(other.endsAt) else { continue }
            if start < otherEnd && otherStart < end {
                throw Refusal(
                    code: "bells_overlap",
                    russianMessage: "Урок \(number) пересекается с уроком \(other.number) (\(other.startsAt)–\(other.endsAt))."
                )
            }
            if (other.number < number) != (otherStart < start) {
                throw Refusal(
                    code: "bells_order",
                    russianMessage: "Урок \(number) должен идти \(other.number < number ? "после" : "до") урока \(other.number)."
                )
            }
        }
        return (text(start), text(end))
    }

    /// Minutes since midnight of «8:30» or «08:30».
    static func time(_ text: String) -> Int? {
        let parts = text.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...23).contains(hours), (0...59).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }

    static func text(_ minutes: Int) -> String { String(minutes / 60).leftPadded(2) + ":" + String(minutes % 60).leftPadded(2) }
}

/// The settings a school's journal follows, as the administrator's page shows and saves them.
public struct SchoolSettings: Sendable, Hashable {
    public var rounding: RoundingProfile
    /// Days after a lesson its marks may still be corrected; nil for no limit.
    public var editWindowDays: Int?
    public var allowsMarkOne: Bool
    public var doubleMarkCounting: DoubleMarkCounting
    public var twoForbidsFive: Bool
    public var notAttestedRule: Bool
    public var homeworkDeadlineMinutes: Int

    public init(
        rounding: RoundingProfile,
        editWindowDays: Int?,
        allowsMarkOne: Bool,
        doubleMarkCounting: DoubleMarkCounting,
        twoForbidsFive: Bool,
        notAttestedRule: Bool,
        homeworkDeadlineMinutes: Int
    ) {
        self.rounding = rounding
        self.editWindowDays = editWindowDays
        self.allowsMarkOne = allowsMarkOne
        self.doubleMarkCounting = doubleMarkCounting
        self.twoForbidsFive = twoForbidsFive
        self.notAttestedRule = notAttestedRule
        self.homeworkDeadlineMinutes = homeworkDeadlineMinutes
    }
}
