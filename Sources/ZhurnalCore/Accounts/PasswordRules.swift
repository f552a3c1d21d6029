/// Whether a new password may be set (SECURITY.md, Authentication; ASVS V6.2): long enough, not absurdly long, and
/// not something an attacker, or a pupil who knows the teacher's name, tries first.
///
/// There are deliberately no composition rules (no "a digit and a capital letter"): they push people to "Пароль1!",
/// while a long phrase — «Моя школа лучше всех на свете» — is both easy to remember and hard to guess, and is
/// accepted even though it contains the word «школа». Only a password that is *nothing but* a guessable word is
/// refused.
///
/// The checks lowercase and simplify the password to compare it; the password itself is stored and verified exactly
/// as typed, which is the hasher's business, not this type's.
///
/// ```swift
/// let rules = PasswordRules(schoolWords: ["Гимназия № 3", "Тула"])
/// rules.problem(with: "Tula2024!!")                          // .guessable(word: "Тула")
/// rules.problem(with: "Иванова1985", personalWords: ["Иванова"])  // .guessable(word: "Иванова")
/// rules.problem(with: "сорок два попугая и удав")              // nil
/// ```
public struct PasswordRules: Sendable {
    /// ASVS V6.2.1: at least 8, and 15 recommended; 10 is the line SECURITY.md draws.
    public static let minimumLength = 10
    /// ASVS V6.2.9 asks for at least 64; 128 leaves room for long Russian phrases.
    public static let maximumLength = 128

    /// Words guessable at every school that uses this application, whatever the school passes.
    static let applicationWords = ["школа", "журнал", "zhurnal"]

    private let schoolWords: [GuessableWord]

    /// Words of this school and this person that make a guessable password: the school's name and short name, the
    /// town, "школа", "журнал", "zhurnal", the person's login, last/first name, patronymic.
    ///
    /// «школа», «журнал» and "zhurnal" are always included. A word with fewer than three letters ("Ян", "№ 5") is
    /// ignored: refusing everything built on it would refuse too much.
    public init(schoolWords: [String] = []) {
        self.schoolWords = (Self.applicationWords + schoolWords).compactMap(GuessableWord.init)
    }

    /// nil when acceptable; otherwise the first problem found.
    ///
    /// The order is: empty, too long, too short, repetitive, common, guessable. `personalWords` are the person's
    /// login, last name, first name and patronymic; they are checked before the school's words.
    public func problem(with password: String, personalWords: [String] = []) -> PasswordProblem? {
        let length = password.count
        if length == 0 { return .empty }
        if length > Self.maximumLength { return .tooLong(length: length) }
        if length < Self.minimumLength { return .tooShort(length: length) }

        let lowered = password.lowercased()
        if Self.isRepetitive(lowered) { return .repetitive }
        if Self.isCommon(lowered) { return .common }
        let words = personalWords.compactMap(GuessableWord.init) + schoolWords
        if let word = Self.guessableWord(lowered, words: words) { return .guessable(word: word) }
        return nil
    }

    // MARK: - Repetitive

    /// One character or one group shorter than the minimum length repeated at least twice ("abcabcabca"), or a
    /// straight run along one of `keySequences` in either direction.
    static func isRepetitive(_ lowered: String) -> Bool {
        let characters = Array(lowered)
        let count = characters.count
        // A repeated group is only as strong as the group; a group as long as a good password is left alone.
        for period in 1..<minimumLength where period * 2 <= count {
            if (period..<count).allSatisfy({ characters[$0] == characters[$0 - period] }) { return true }
        }
        return keySequences.contains { $0.isRun(characters) }
    }

    /// Digits (cyclic, so that "7890123456" is a run), the keyboard rows read left to right and on into the next row,
    /// the shifted digit rows, and both alphabets (with and without ё).
    private static let keySequences: [KeySequence] = [
        KeySequence("0123456789", cyclic: true),
        KeySequence("qwertyuiopasdfghjklzxcvbnm"),
        KeySequence("qwertyuiop[]asdfghjkl;'zxcvbnm,./"),
        KeySequence("йцукенгшщзхъфывапролджэячсмитьбю."),
        KeySequence("!@#$%^&*()"),
        KeySequence("!\"№;%:?*()"),
        KeySequence("abcdefghijklmnopqrstuvwxyz"),
        KeySequence("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
        KeySequence("абвгдежзийклмнопрстуфхцчшщъыьэюя"),
    ]

    // MARK: - Common

    /// The password is an entry of `CommonPasswords`, on either keyboard layout, with nothing but digits, signs or
    /// spaces before and after it: "qwerty123456", "!!пароль2024", "gfhjkm" (the Latin keys of «пароль»).
    static func isCommon(_ lowered: String) -> Bool {
        let characters = Array(lowered)
        let isAffix: (Character) -> Bool = { $0.isNumber || $0.isPunctuation || $0.isSymbol || $0.isWhitespace }
        let leading = characters.prefix(while: isAffix).count
        let trailing = characters.reversed().prefix(while: isAffix).count
        // Every way of cutting off some of the leading and trailing affix; when the password is all digits and signs,
        // that is every substring, bounded by the longest entry.
        for start in 0...leading {
            for end in (characters.count - trailing)...characters.count where end > start {
                guard end - start <= longestCommonPassword else { continue }
                let core = String(characters[start..<end])
                if CommonPasswords.all.contains(core)
                    || CommonPasswords.all.contains(KeyboardLayout.russianLetters(typedAs: core))
                    || CommonPasswords.all.contains(KeyboardLayout.latinKeys(of: core))
                {
                    return true
                }
            }
        }
        return false
    }

    private static let longestCommonPassword = CommonPasswords.all.map(\.count).max() ?? 0

    // MARK: - Guessable

    /// The word (or two words, joined by a space) that the password's letters spell, on either layout; "" when the
    /// password has no letters at all.
    static func guessableWord(_ lowered: String, words: [GuessableWord]) -> String? {
        let letters = guessableLetters(lowered)
        if letters.isEmpty { return "" }
        // A word's own spelling wins over another word's derived one: "zhurnal" is "zhurnal", not «журнал» romanised.
        var wordBySpelling: [String: String] = [:]
        for rank in 0..<GuessableWord.mostSpellings {
            for word in words where rank < word.spellings.count && wordBySpelling[word.spellings[rank]] == nil {
                wordBySpelling[word.spellings[rank]] = word.word
            }
        }
        let spellings = [
            letters,
            guessableLetters(KeyboardLayout.russianLetters(typedAs: lowered)),
            guessableLetters(KeyboardLayout.latinKeys(of: lowered)),
        ]
        for spelling in spellings {
            if let word = wordBySpelling[spelling] { return word }
        }
        // Two words together: "МарияАлексеевна", "ivanovamaria". Each word has at least three letters.
        for spelling in spellings where spelling.count >= 6 {
            let characters = Array(spelling)
            for split in 3...(characters.count - 3) {
                if let first = wordBySpelling[String(characters[..<split])],
                    let second = wordBySpelling[String(characters[split...])]
                {
                    return first + " " + second
                }
            }
        }
        return nil
    }

    /// The letters only, lowercased, with ё written as е (people write «Королев» for «Королёв»).
    static func guessableLetters(_ text: String) -> String {
        String(text.lowercased().filter(\.isLetter).map { $0 == "ё" ? "е" : $0 })
    }
}

/// A school's or a person's word with the spellings a password could use for it: as written, on the other keyboard
/// layout, and romanised ("Иванова" → "ivanova").
struct GuessableWord: Sendable {
    /// As written, on the other layout either way, romanised.
    static let mostSpellings = 4

    let word: String
    /// The letters as written first; then the others, without repeats.
    let spellings: [String]

    init?(_ word: String) {
        let trimmed = word.trimmingWhitespace()
        let letters = PasswordRules.guessableLetters(trimmed)
        guard letters.count >= 3 else { return nil }
        let lowered = trimmed.lowercased()
        var spellings = [letters]
        for spelling in [
            PasswordRules.guessableLetters(KeyboardLayout.latinKeys(of: lowered)),
            PasswordRules.guessableLetters(KeyboardLayout.russianLetters(typedAs: lowered)),
            PasswordRules.guessableLetters(LoginName.transliterate(trimmed)),
        ] where spelling.count >= 3 && !spellings.contains(spelling) {
            spellings.append(spelling)
        }
        self.word = trimmed
        self.spellings = spellings
    }
}

/// The standard Russian layout (ЙЦУКЕН) laid over the US one (QWERTY), key for key: what a word becomes when it is
/// typed with the wrong layout switched on. «пароль» is typed as "gfhjkm", "ghbdtn" is «привет».
enum KeyboardLayout {
    private static let russian = Array("йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ")
    private static let latin = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~")

    private static let latinByRussian = Dictionary(uniqueKeysWithValues: zip(russian, latin))
    private static let russianByLatin = Dictionary(uniqueKeysWithValues: zip(latin, russian))

    /// The keys a Russian text is typed with on the US layout: «школа» → "irjkf". Other characters are kept.
    static func latinKeys(of text: String) -> String {
        String(text.map { latinByRussian[$0] ?? $0 })
    }

    /// The Russian letters that US-layout keys give on the Russian layout: "irjkf" → «школа». Other characters are
    /// kept.
    static func russianLetters(typedAs text: String) -> String {
        String(text.map { russianByLatin[$0] ?? $0 })
    }
}

/// An ordered row of keys or letters, to tell whether a password is a straight run along it.
private struct KeySequence: Sendable {
    private let next: [Character: Character]

    init(_ keys: String, cyclic: Bool = false) {
        let characters = Array(keys)
        var next: [Character: Character] = [:]
        for (index, character) in characters.enumerated() {
            if index + 1 < characters.count {
                next[character] = characters[index + 1]
            } else if cyclic {
                next[character] = characters[0]
            }
        }
        self.next = next
    }

    /// Every character is followed by the next key of the row ("qwertyuiop"), or every one by the previous
    /// ("0987654321").
    func isRun(_ characters: [Character]) -> Bool {
        guard characters.count >= 2 else { return false }
        let pairs = zip(characters, characters.dropFirst())
        return pairs.allSatisfy { next[$0] == $1 } || pairs.allSatisfy { next[$1] == $0 }
    }
}
