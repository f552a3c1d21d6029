/// A kind of work a mark is given for, which fixes the mark's weight (DOMAIN.md §3; configurable per school).
public struct WorkType: Sendable, Hashable {
    /// The weights a school may give; the spread keeps one heavy work from drowning a period of daily marks.
    public static let weightRange = 1...10
    /// The deadlines, in days after the work's date, a school may give; a year is the sanity cap.
    public static let deadlineRange = 1...365

    /// The name shown in the journal, e.g. «Контрольная работа».
    public let name: String
    /// The weight in the weighted average, 1–10.
    public let weight: Int
    /// Whether it is written work, whose marks are due within `markDeadlineDays` of the work's date (DOMAIN.md §4).
    public let isWritten: Bool
    /// Days after the work's date by which its marks must be entered.
    public let markDeadlineDays: Int

    /// Creates a validated work type; the name is trimmed.
    public init(name: String, weight: Int, isWritten: Bool = false, markDeadlineDays: Int = 7) throws(WorkTypeError) {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .emptyName }
        guard Self.weightRange.contains(weight) else { throw .weightOutOfRange(weight) }
        guard Self.deadlineRange.contains(markDeadlineDays) else { throw .deadlineOutOfRange(markDeadlineDays) }
        self.init(checkedName: trimmed, weight: weight, isWritten: isWritten, markDeadlineDays: markDeadlineDays)
    }

    private init(checkedName: String, weight: Int, isWritten: Bool, markDeadlineDays: Int = 7) {
        self.name = checkedName
        self.weight = weight
        self.isWritten = isWritten
        self.markDeadlineDays = markDeadlineDays
    }

    /// The default list of DOMAIN.md §3, lightest first.
    public static let defaults: [WorkType] = [
        WorkType(checkedName: "Ответ на уроке", weight: 1, isWritten: false),
        WorkType(checkedName: "Работа на уроке", weight: 1, isWritten: false),
        WorkType(checkedName: "Домашняя работа", weight: 1, isWritten: false),
        WorkType(checkedName: "Проверочная работа / тест", weight: 2, isWritten: true),
        WorkType(checkedName: "Самостоятельная работа", weight: 2, isWritten: true),
        WorkType(checkedName: "Практическая / лабораторная работа", weight: 2, isWritten: true),
        WorkType(checkedName: "Диктант / сочинение / изложение", weight: 3, isWritten: true),
        WorkType(checkedName: "Проект", weight: 3, isWritten: false),
        WorkType(checkedName: "Зачёт", weight: 3, isWritten: true),
        WorkType(checkedName: "Контрольная работа", weight: 4, isWritten: true),
        WorkType(checkedName: "Итоговая контрольная / промежуточная аттестация", weight: 5, isWritten: true),
    ]
}

/// Why a work type's settings were rejected.
public enum WorkTypeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name is empty or only spaces.
    case emptyName
    /// The weight is outside 1–10.
    case weightOutOfRange(Int)
    /// The deadline is outside 1–365 days.
    case deadlineOutOfRange(Int)

    /// The message shown to the user.
    public var russianMessage: String {
        switch self {
        case .emptyName:
            "Укажите название вида работы"
        case .weightOutOfRange(let weight):
            "Вес \(weight) недопустим: вес вида работы — целое число от 1 до 10"
        case .deadlineOutOfRange(let days):
            "Срок \(days) дн. недопустим: срок выставления отметок — от 1 до 365 дней"
        }
    }

    public var description: String { russianMessage }
}
