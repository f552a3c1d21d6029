/// Logins issued to people: «фамилия.ио» romanised ("Иванова Мария Алексеевна" → "ivanova.ma"), with a number added
/// on a clash ("ivanova.ma2"). The demo school and the administrator's pages use these same functions, so a login
/// never depends on who created the account.
///
/// ```swift
/// let base = LoginName.base(lastName: "Иванова", firstName: "Мария", patronymic: "Алексеевна")  // "ivanova.ma"
/// LoginName.unique(base: base, isTaken: ["ivanova.ma"].contains)                                  // "ivanova.ma2"
/// ```
public enum LoginName {
    /// The fewest characters a login may have.
    public static let minimumLength = 3
    /// The most characters a login may have.
    public static let maximumLength = 64

    /// Russian letters romanised as the demo school has always done, so that issued logins do not change: the
    /// passport-style table (ё → e, й → y, х → kh, ц → ts, щ → shch, ъ ь dropped), lowercase ASCII. ASCII letters and
    /// digits are kept; everything else (spaces, hyphens, letters of other alphabets) is dropped.
    ///
    /// ```swift
    /// LoginName.transliterate("Щукин-Соловьёв")  // "shchukinsolovev"
    /// ```
    public static func transliterate(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if let latin = latin[character] {
                result += latin
            } else if character.isASCII, character.isLetter || character.isNumber {
                result.append(character)
            }
        }
        return result
    }

    /// The romanised last name, a dot, and the romanised initials of the first name and patronymic:
    /// "Иванова", "Мария", "Алексеевна" → "ivanova.ma"; without a patronymic "ivanova.m".
    ///
    /// The result is not checked against `problem(with:)`: a name with no Russian or Latin letters gives a login
    /// that an administrator has to type by hand.
    public static func base(lastName: String, firstName: String, patronymic: String?) -> String {
        let initials = [firstName, patronymic ?? ""]
            .compactMap { transliterate($0).first }
            .map(String.init)
            .joined()
        return transliterate(lastName) + "." + initials
    }

    /// The first of base, base2, base3, … that `isTaken` rejects.
    ///
    /// Ask for every login starting with `base` first and pass the set's `contains`: the closure is called once per
    /// candidate.
    public static func unique(base: String, isTaken: (String) -> Bool) -> String {
        var candidate = base
        var number = 2
        while isTaken(candidate) {
            candidate = base + String(number)
            number += 1
        }
        return candidate
    }

    /// Whether a login an administrator typed is acceptable: 3–64 characters of a–z, 0–9, '.', '_', '-', starting
    /// with a letter. Returns a Russian message when not.
    ///
    /// The login is checked as given: trimming the form's input is the caller's choice.
    public static func problem(with login: String) -> String? {
        guard !login.isEmpty else { return "Логин не указан: наберите его латинскими буквами, например «ivanova.ma»." }
        if let bad = login.first(where: { !isAllowed($0) }) {
            if bad.isWhitespace {
                return "В логине не должно быть пробелов: соедините части точкой, например «ivanova.ma»."
            }
            if bad.isASCII, bad.isUppercase {
                return "Логин набирается строчными буквами: вместо «\(bad)» наберите «\(bad.lowercased())»."
            }
            return "Символ «\(bad)» в логине недопустим: можно использовать только латинские буквы a–z, цифры 0–9 и "
                + "знаки «.», «_», «-»."
        }
        if let first = login.first, !first.isLetter {
            return "Логин должен начинаться с латинской буквы, а не с «\(first)»."
        }
        let length = login.count
        if length < minimumLength {
            return "Логин слишком короткий: \(russianCount(length, "символ", "символа", "символов")), нужно не меньше "
                + "\(minimumLength)."
        }
        if length > maximumLength {
            return "Логин слишком длинный: \(russianCount(length, "символ", "символа", "символов")), допустимо не больше "
                + "\(maximumLength)."
        }
        return nil
    }

    /// a–z, 0–9, '.', '_', '-'.
    private static func isAllowed(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return ("a"..."z").contains(character) || character.isASCIIDigit || character == "." || character == "_"
            || character == "-"
    }

    private static let latin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
    ]
}
