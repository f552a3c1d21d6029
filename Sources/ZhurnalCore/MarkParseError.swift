/// Why a typed mark was rejected. Each case names one mistake so that the message can say exactly what to fix.
public enum MarkParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing (or only spaces) was typed.
    case empty
    /// A whole number off the scale: "6", "0", "10".
    case outOfScale(String, allowsOne: Bool)
    /// "1" where the school keeps the 2–5 scale.
    case oneNotEnabled
    /// A decimal: "5.5", "4,5".
    case fractional(String)
    /// Digits other than ASCII 0–9, such as fullwidth "５".
    case nonStandardDigits(String)
    /// A mark with a plus or minus: "5+", "4-", "-3".
    case signed(String)
    /// A well-formed double mark for a subject that does not take them.
    case doubleNotAllowed(String)
    /// A double mark as a term mark.
    case doubleInTermMark(String)
    /// Something with a slash that is not two marks: "4/", "/3", "4/3/2", "а/б".
    case malformedDouble(String)
    /// A double mark with a part off the scale: "4/6", "0/5".
    case doublePartOutOfScale(String, allowsOne: Bool)
    /// н/а typed for a lesson.
    case notAttestedOnLesson
    /// An attendance code typed into a mark cell: "н", "б", "у", "оп".
    case attendanceCode(String)
    /// A five-point mark in a pass/fail course.
    case gradeInPassFailCourse(String)
    /// Any mark in an ungraded course.
    case ungradedCourse
    /// Anything else.
    case unrecognized(String)

    /// The message shown to the user.
    public var russianMessage: String {
        switch self {
        case .empty:
            return "Отметка не указана"
        case .outOfScale(let text, let allowsOne):
            return "Отметка \(quotedInput(text)) вне шкалы: допустимы \(Self.scale(allowsOne))"
        case .oneNotEnabled:
            return "Отметка «1» в школе не используется: допустимы 2, 3, 4, 5"
        case .fractional(let text):
            return "Дробная отметка \(quotedInput(text)) недопустима: отметка ставится целым числом"
        case .nonStandardDigits(let text):
            return "Отметка \(quotedInput(text)) набрана нестандартными символами: наберите цифры 0–9 с обычной "
                + "клавиатуры"
        case .signed(let text):
            return "Отметки с плюсом или минусом (\(quotedInput(text))) не ставятся: введите отметку без знака"
        case .doubleNotAllowed(let text):
            return "Двойная отметка \(quotedInput(text)) по этому предмету не ставится: она разрешена только по "
                + "предметам с двойными отметками (по умолчанию русский язык и литература)"
        case .doubleInTermMark(let text):
            return "Двойная отметка \(quotedInput(text)) не может быть отметкой за период: поставьте одну отметку"
        case .malformedDouble(let text):
            return "Двойная отметка \(quotedInput(text)) записана неверно: нужны две отметки через дробь, "
                + "например «4/3»"
        case .doublePartOutOfScale(let text, let allowsOne):
            return "В двойной отметке \(quotedInput(text)) каждая часть должна быть одной из \(Self.scale(allowsOne))"
        case .notAttestedOnLesson:
            return "«н/а» ставится только за период (четверть, полугодие), а не за урок"
        case .attendanceCode(let text):
            return "\(quotedInput(text)) — это отметка посещаемости, а не оценка: поставьте её в графе посещаемости"
        case .gradeInPassFailCourse(let text):
            return "Курс оценивается зачётом: вместо \(quotedInput(text)) поставьте «зач» или «незач»"
        case .ungradedCourse:
            return "По этому курсу отметки не ставятся"
        case .unrecognized(let text):
            return "Отметка \(quotedInput(text)) не распознана: допустимы отметки 2–5, двойная отметка вида «4/3» "
                + "(где разрешена), «н/а» (только за период), «осв», «зач», «незач»"
        }
    }

    public var description: String { russianMessage }

    private static func scale(_ allowsOne: Bool) -> String {
        allowsOne ? "1, 2, 3, 4, 5" : "2, 3, 4, 5"
    }
}
