/// When homework may be due (DOMAIN.md §3, a lesson's homework "text, due date, files"): after the lesson it was set
/// at — work is not due on the day it is given, let alone before — and within the academic year, since the next
/// year's journal is another journal. No date at all is allowed: it means "by the course's next lesson", as a school
/// says when it names none.
public enum HomeworkRules {
    /// nil when `due` may stand; otherwise why not.
    public static func refusal(due: LocalDate?, lessonDate: LocalDate, yearEnd: LocalDate) -> HomeworkRefusal? {
        guard let due else { return nil }
        if due <= lessonDate { return .dueNotAfterLesson(lessonDate) }
        if due > yearEnd { return .dueAfterYearEnd(yearEnd) }
        return nil
    }

    /// A due date as typed: ISO `2026-10-20` (programs, the date field) or `20.10.2026` (typed by hand where the
    /// browser shows a text field). Blank is no date; anything else is refused.
    public static func dueDate(parsing text: String) throws(HomeworkRefusal) -> LocalDate? {
        let text = text.trimmingWhitespace()
        if text.isEmpty { return nil }
        if let date = LocalDate(iso: text) { return date }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            let date = LocalDate(year: year, month: month, day: day)
        {
            return date
        }
        throw .unreadableDueDate(text)
    }
}

/// Why homework or its file was refused, in words for the page and a code for the API.
public enum HomeworkRefusal: Error, Sendable, Hashable {
    case dueNotAfterLesson(LocalDate)
    case dueAfterYearEnd(LocalDate)
    case unreadableDueDate(String)
    /// A due date, a file or a pupil's homework without the words of the task.
    case textRequired
    /// The homework still has files: removing its text would lose them.
    case hasFiles
    case fileTooLarge(name: String, limitBytes: Int)
    case tooManyFiles(limit: Int)
    case fileTypeNotAllowed(name: String)
    case fileContentMismatch(name: String, kind: String)
    case fileEmpty(name: String)
    case fileRequired

    public var code: String {
        switch self {
        case .dueNotAfterLesson: "due_not_after_lesson"
        case .dueAfterYearEnd: "due_after_year_end"
        case .unreadableDueDate: "invalid_due_date"
        case .textRequired: "homework_text_required"
        case .hasFiles: "homework_has_files"
        case .fileTooLarge: "file_too_large"
        case .tooManyFiles: "too_many_files"
        case .fileTypeNotAllowed: "file_type_not_allowed"
        case .fileContentMismatch: "file_content_mismatch"
        case .fileEmpty: "file_empty"
        case .fileRequired: "file_required"
        }
    }

    /// Whether the refusal is of the request's size (HTTP 413) rather than of its content (422).
    public var isTooLarge: Bool {
        if case .fileTooLarge = self { return true }
        return false
    }

    public var message: String {
        switch self {
        case .dueNotAfterLesson(let lesson):
            "Срок сдачи должен быть позже дня урока (\(lesson.russian)): задание не сдают в тот же день или раньше."
        case .dueAfterYearEnd(let end):
            "Срок сдачи не может быть позже конца учебного года (\(end.russian))."
        case .unreadableDueDate(let text):
            "Срок сдачи \(quotedInput(text)) не читается: укажите дату, например 2026-10-20 или 20.10.2026."
        case .textRequired: "Сначала запишите текст задания: срок и файлы задаются вместе с ним."
        case .hasFiles: "К заданию приложены файлы: удалите их, прежде чем удалять само задание."
        case .fileTooLarge(let name, let limit):
            "Файл «\(name)» больше \(HomeworkFileRules.sizeText(limit)): такой к заданию приложить нельзя."
        case .tooManyFiles(let limit):
            "К одному заданию можно приложить не больше \(limit) файлов."
        case .fileTypeNotAllowed(let name):
            "Файл «\(name)» такого типа приложить нельзя. Можно: \(HomeworkFileRules.allowedList)."
        case .fileContentMismatch(let name, let kind):
            "Содержимое файла «\(name)» не похоже на \(kind): проверьте, тот ли это файл."
        case .fileEmpty(let name): "Файл «\(name)» пустой."
        case .fileRequired: "Выберите файл, который нужно приложить."
        }
    }
}
