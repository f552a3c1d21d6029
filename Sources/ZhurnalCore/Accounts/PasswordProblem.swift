/// Why `PasswordRules` refused a new password. Each case names one problem, so that the page and the API can say
/// exactly what to change; none of them carries the password, so an error value can never leak it into a log.
public enum PasswordProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing was typed.
    case empty
    /// Fewer than `PasswordRules.minimumLength` characters; `length` is the count a person sees.
    case tooShort(length: Int)
    /// More than `PasswordRules.maximumLength` characters.
    case tooLong(length: Int)
    /// One of the passwords attackers try first, possibly with digits or signs before or after it: "qwerty123456",
    /// "Пароль2024!", "gfhjkm" (the Latin keys of «пароль»).
    case common
    /// Nothing but a word of the school or of the person (or two of them), in either keyboard layout, with digits
    /// or signs: "Иванова1985", "irjkf2024" (the Latin keys of «школа»). `word` is the word as it was given, so that
    /// the message can name it. An empty `word` means the password has no letters at all: a date, a phone number.
    case guessable(word: String)
    /// One character or one short group repeated ("аааааааааа", "1212121212"), or a straight run of digits or of a
    /// keyboard row ("0987654321", "йцукенгшщзхъ").
    case repetitive

    /// One Russian sentence for the page and the API message: what is wrong and what to do. It never repeats the
    /// password; a `guessable` message names the school's or the person's word, which the user knows anyway.
    ///
    /// ```swift
    /// PasswordProblem.tooShort(length: 7).message
    /// // "Пароль слишком короткий: 7 символов, нужно не меньше 10."
    /// ```
    public var message: String {
        switch self {
        case .empty:
            return "Пароль не указан: придумайте пароль не короче \(PasswordRules.minimumLength) символов."
        case .tooShort(let length):
            return "Пароль слишком короткий: \(russianCount(length, "символ", "символа", "символов")), нужно не меньше "
                + "\(PasswordRules.minimumLength)."
        case .tooLong(let length):
            return "Пароль слишком длинный: \(russianCount(length, "символ", "символа", "символов")), допустимо не больше "
                + "\(PasswordRules.maximumLength)."
        case .common:
            return "Этот пароль — один из самых распространённых, его подбирают первым: придумайте другой, например фразу "
                + "из нескольких слов."
        case .guessable(let word) where word.isEmpty:
            return "В пароле нет ни одной буквы, а даты и номера телефонов подбирают первыми: добавьте слова, например "
                + "придумайте фразу."
        case .guessable(let word):
            return "Пароль легко угадать: он сводится к «\(word)», а цифры, знаки и другая раскладка клавиатуры его не "
                + "усложняют — придумайте фразу из нескольких слов."
        case .repetitive:
            return "Пароль из повторяющихся символов или клавиш подряд подбирают первым: придумайте фразу из нескольких "
                + "слов."
        }
    }

    /// A stable code for the JSON API, so that a client can react to a problem without parsing Russian text.
    public var code: String {
        switch self {
        case .empty: "password_empty"
        case .tooShort: "password_too_short"
        case .tooLong: "password_too_long"
        case .common: "password_common"
        case .guessable: "password_guessable"
        case .repetitive: "password_repetitive"
        }
    }

    public var description: String { message }
}

/// "1 символ", "3 символа", "11 символов": a number with the Russian noun form it takes.
func russianCount(_ value: Int, _ one: String, _ few: String, _ many: String) -> String {
    let lastTwo = abs(value) % 100
    let last = abs(value) % 10
    let noun: String
    if (11...14).contains(lastTwo) {
        noun = many
    } else if last == 1 {
        noun = one
    } else if (2...4).contains(last) {
        noun = few
    } else {
        noun = many
    }
    return "\(value) \(noun)"
}
