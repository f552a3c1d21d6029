import Testing

@testable import ZhurnalCore

/// Long enough for every length boundary, and no pattern or word the rules look for.
private let onegin =
    "Мой дядя самых честных правил, когда не в шутку занемог, он уважать себя заставил и лучше выдумать не мог. "
    + "Его пример другим наука; но, боже мой, какая скука с больным сидеть и день и ночь, не отходя ни шагу прочь!"

/// The first `count` characters of `onegin`.
private func phrase(_ count: Int) -> String {
    String(onegin.prefix(count))
}

/// The first `count` letters of `onegin`: Cyrillic only, each two bytes in UTF-8.
private func cyrillicLetters(_ count: Int) -> String {
    String(onegin.filter(\.isLetter).prefix(count))
}

/// A school in Тула and one of its teachers, as the password change page would describe them.
private let school = PasswordRules(schoolWords: ["Гимназия № 3", "Гимназия 3", "Тула"])
private let teacher = ["ivanova.ma", "Иванова", "Мария", "Алексеевна"]

struct PasswordLengthTests {
    @Test func emptyIsItsOwnProblem() {
        #expect(PasswordRules().problem(with: "") == .empty)
    }

    @Test func tenCharactersIsTheMinimum() {
        #expect(PasswordRules().problem(with: "tulip-moo") == .tooShort(length: 9))
        #expect(PasswordRules().problem(with: "tulip-moon") == nil)
        #expect(PasswordRules().problem(with: phrase(9)) == .tooShort(length: 9))
        #expect(PasswordRules().problem(with: phrase(10)) == nil)
        #expect(PasswordRules().problem(with: "a") == .tooShort(length: 1))
    }

    @Test func hundredTwentyEightCharactersIsTheMaximum() {
        #expect(PasswordRules().problem(with: phrase(128)) == nil)
        #expect(PasswordRules().problem(with: phrase(129)) == .tooLong(length: 129))
        #expect(PasswordRules().problem(with: onegin) == .tooLong(length: onegin.count))
    }

    @Test func cyrillicCountsLetterByLetter() {
        #expect(PasswordRules().problem(with: "подсолнухи") == nil)
        #expect(PasswordRules().problem(with: "подсолнух") == .tooShort(length: 9))
        // bcrypt would read only the first 72 bytes, 36 Cyrillic letters; the rules themselves draw no line there.
        #expect(cyrillicLetters(36).utf8.count == 72)
        #expect(PasswordRules().problem(with: cyrillicLetters(36)) == nil)
        #expect(PasswordRules().problem(with: cyrillicLetters(37)) == nil)
        #expect(PasswordRules().problem(with: cyrillicLetters(128)) == nil)
        #expect(PasswordRules().problem(with: cyrillicLetters(129)) == .tooLong(length: 129))
    }

    @Test func charactersAsAPersonCountsThem() {
        // A family emoji is seven scalars and one character; е with a combining diaeresis is one letter ё.
        #expect(PasswordRules().problem(with: "дом👨‍👩‍👧‍👦семья") == .tooShort(length: 9))
        #expect(PasswordRules().problem(with: "дом👨‍👩‍👧‍👦семья!") == nil)
        #expect(PasswordRules().problem(with: "е\u{0308}лки-палк") == .tooShort(length: 9))
        #expect(PasswordRules().problem(with: "е\u{0308}лки-палки") == nil)
    }

    @Test func spacesCount() {
        // The password is taken exactly as typed: surrounding spaces are part of it.
        #expect(PasswordRules().problem(with: " tulip-mo ") == nil)
        #expect(PasswordRules().problem(with: " tulip-m ") == .tooShort(length: 9))
    }
}

struct PasswordRepetitiveTests {
    @Test(arguments: [
        "aaaaaaaaaa", "ЯЯЯЯЯЯЯЯЯЯЯЯ", "          ", "abcabcabca", "1212121212", "qwertyqwerty", "пароль-пароль-",
        "AbAbAbAbAbAb", "1234567890", "0987654321", "7890123456", "12345678901234567890", "qwertyuiop", "POIUYTREWQ",
        "qwertyuiopasdfghjkl", "йцукенгшщзхъ", "ЙЦУКЕНГШЩЗХЪ", "фывапролджэ", "ъхзщшгнекуцй", "abcdefghijkl",
        "zyxwvutsrqpo", "абвгдеёжзийк", "абвгдежзийкл", "!@#$%^&*()",
    ])
    func refused(password: String) {
        #expect(PasswordRules().problem(with: password) == .repetitive)
    }

    /// A repeated group as long as a good password is as good as the group.
    @Test func longGroupRepeatedIsAccepted() {
        #expect(PasswordRules().problem(with: "tulip-moontulip-moon") == nil)
        #expect(PasswordRules().problem(with: "подсолнухиподсолнухи") == nil)
    }
}

struct PasswordCommonTests {
    @Test(arguments: [
        "password123", "Password123", "PASSWORD1234", "p@ssw0rd123", "qwerty1234", "qwerty123456", "Qwerty2024!",
        "iloveyou12", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsx!!", "123qweasdzxc", "1234567890!", "!!!qwerty!!!",
        "2024qwerty", "qwerty 2024", "admin12345", "пароль1234", "Пароль2024!", "пароль 2024", "любовьморковь",
        "привет12345", "йцукен12345", "ятебялюблю", "солнышко12", "Наташа1985", "Максим2010", "спартакчемпион",
        "ytnhjufnm1", "gfhjkm1234", "GFHJKM2024", "ghbdtn2024", "vfrcbv2010", "cjkysirj12", "k.,jdm2024",
        "ktyf2024!!", "spartak2024", "parol12345",
    ])
    func refused(password: String) {
        #expect(PasswordRules().problem(with: password) == .common)
    }

    @Test func listIsLowercaseAndLarge() {
        #expect(CommonPasswords.all.count >= 500)
        for entry in CommonPasswords.all {
            #expect(entry == entry.lowercased())
            #expect(!entry.contains { $0.isWhitespace })
        }
        for entry in [
            "qwertyuiop", "1234567890", "password123", "1q2w3e4r5t", "iloveyou12", "йцукенгшщз", "пароль1234",
            "qwerty1234", "1qaz2wsx3edc", "фывапролдж", "любовьморковь", "привет12345", "ytnhjufnm", "gfhjkm",
        ] {
            #expect(CommonPasswords.all.contains(entry))
        }
    }

    /// Every entry, brought to the minimum length with digits, is refused, on either layout.
    @Test func everyEntryWithDigitsIsRefused() {
        let refusals: [PasswordProblem] = [.common, .repetitive]
        for entry in CommonPasswords.all {
            for typed in [entry, KeyboardLayout.latinKeys(of: entry), KeyboardLayout.russianLetters(typedAs: entry)] {
                let padded = typed + String("2024202420".prefix(max(0, PasswordRules.minimumLength - typed.count)))
                let problem = PasswordRules().problem(with: padded)
                #expect(problem.map(refusals.contains) == true, "\(padded): \(String(describing: problem))")
            }
        }
    }
}

struct PasswordGuessableTests {
    @Test(arguments: [
        ("Иванова1985", "Иванова"),
        ("ИВАНОВА!!!!", "Иванова"),
        ("ivanova1985", "Иванова"),
        ("bdfyjdf1985", "Иванова"),
        ("ivanova.ma!", "ivanova.ma"),
        ("ivanova.ma2024", "ivanova.ma"),
        ("Алексеевна1", "Алексеевна"),
        ("Мария Алексеевна", "Мария Алексеевна"),
        ("МарияАлексеевна", "Мария Алексеевна"),
        ("Mariya.Ivanova", "Мария Иванова"),
        ("Гимназия№3!!", "Гимназия № 3"),
        ("gimnaziya 3!", "Гимназия № 3"),
        ("Tula2024!!", "Тула"),
        ("Тула-2024-Тула", "Тула Тула"),
        ("Школа2024!", "школа"),
        ("irjkf2025!", "школа"),
        ("IRJKF-2024", "школа"),
        ("ЖУРНАЛ2024", "журнал"),
        (";ehyfk2024", "журнал"),
        ("Zhurnal!!!", "zhurnal"),
        ("яргктфд2024", "zhurnal"),
        ("8350172946", ""),
        ("12.05.2010!", ""),
        ("89163057249", ""),
        ("☀️☀️🌙🌙⭐️⭐️🌈🌈🔥🔥", ""),
    ])
    func refused(password: String, word: String) {
        #expect(school.problem(with: password, personalWords: teacher) == .guessable(word: word))
    }

    @Test func layoutsAreTheStandardOnes() {
        #expect(KeyboardLayout.latinKeys(of: "школа") == "irjkf")
        #expect(KeyboardLayout.latinKeys(of: "шкала") == "irfkf")
        #expect(KeyboardLayout.latinKeys(of: "пароль") == "gfhjkm")
        #expect(KeyboardLayout.latinKeys(of: "нетрогать") == "ytnhjufnm")
        #expect(KeyboardLayout.latinKeys(of: "журнал") == ";ehyfk")
        #expect(KeyboardLayout.latinKeys(of: "любовь ёж") == "k.,jdm `;")
        #expect(KeyboardLayout.latinKeys(of: "ЖЭХЪБЮЁ") == ":\"{}<>~")
        #expect(KeyboardLayout.russianLetters(typedAs: "ghbdtn") == "привет")
        #expect(KeyboardLayout.russianLetters(typedAs: "zhurnal") == "яргктфд")
        let russian = "йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
        #expect(KeyboardLayout.russianLetters(typedAs: KeyboardLayout.latinKeys(of: russian)) == russian)
    }

    @Test func passphraseContainingAWordIsAccepted() {
        #expect(school.problem(with: "Моя школа лучше всех на свете", personalWords: teacher) == nil)
        #expect(school.problem(with: "Мария Алексеевна любит Тулу", personalWords: teacher) == nil)
        #expect(school.problem(with: "Гимназия № 3 — лучшая в Туле", personalWords: teacher) == nil)
        #expect(school.problem(with: "ivanova.ma читает Пушкина", personalWords: teacher) == nil)
    }

    @Test func wordsApplyOnlyWhereGiven() {
        #expect(PasswordRules().problem(with: "Иванова1985") == nil)
        #expect(PasswordRules().problem(with: "Иванова1985", personalWords: ["Иванова"]) == .guessable(word: "Иванова"))
        #expect(PasswordRules().problem(with: "Tula2024!!") == nil)
        #expect(PasswordRules(schoolWords: ["Тула"]).problem(with: "Tula2024!!") == .guessable(word: "Тула"))
        // «школа», «журнал» and "zhurnal" belong to every school.
        #expect(PasswordRules().problem(with: "Школа2024!") == .guessable(word: "школа"))
    }

    @Test func shortWordsAreIgnored() {
        #expect(PasswordRules().problem(with: "Ян12345678", personalWords: ["Ян"]) == nil)
        #expect(PasswordRules(schoolWords: ["№ 5"]).problem(with: "ab№5!!!!!!x") == nil)
        #expect(PasswordRules().problem(with: "Яна1234567", personalWords: ["Яна"]) == .guessable(word: "Яна"))
    }

    @Test func yoIsWrittenAsYe() {
        #expect(PasswordRules().problem(with: "Королев1985", personalWords: ["Королёв"]) == .guessable(word: "Королёв"))
        #expect(PasswordRules().problem(with: "Королёв1985", personalWords: ["Королев"]) == .guessable(word: "Королев"))
    }
}

struct PasswordAcceptedTests {
    @Test(arguments: [
        "Моя школа лучше всех на свете", "сорок два попугая", "correct horse battery staple", "tulip-moon", "подсолнухи",
        "Ёжик в тумане 1975", "Kater-Murr-7", "зелёный чай без сахара", "7 слонов и 1 мышь", "кот учёный ходит по цепи",
        "Тише едешь — дальше будешь", "Gde-moi-ochki-2024", "пароль от почты не этот", "qwerty — плохой пароль",
        "Мария и медведь", "Pyatnitsa-13-Tula-net",
    ])
    func accepted(password: String) {
        #expect(school.problem(with: password, personalWords: teacher) == nil)
    }
}

struct PasswordProblemTests {
    @Test func exactMessages() {
        #expect(PasswordProblem.tooShort(length: 7).message == "Пароль слишком короткий: 7 символов, нужно не меньше 10.")
        #expect(PasswordProblem.tooShort(length: 1).message == "Пароль слишком короткий: 1 символ, нужно не меньше 10.")
        #expect(PasswordProblem.tooShort(length: 2).message == "Пароль слишком короткий: 2 символа, нужно не меньше 10.")
        #expect(PasswordProblem.tooLong(length: 129).message == "Пароль слишком длинный: 129 символов, допустимо не больше 128.")
        #expect(PasswordProblem.tooLong(length: 131).message == "Пароль слишком длинный: 131 символ, допустимо не больше 128.")
        #expect(PasswordProblem.empty.message == "Пароль не указан: придумайте пароль не короче 10 символов.")
        #expect(
            PasswordProblem.guessable(word: "Иванова").message
                == "Пароль легко угадать: он сводится к «Иванова», а цифры, знаки и другая раскладка клавиатуры его не "
                + "усложняют — придумайте фразу из нескольких слов."
        )
        #expect(PasswordProblem.common.description == PasswordProblem.common.message)
    }

    @Test func russianCounts() {
        let expected = [
            (0, "0 символов"), (1, "1 символ"), (2, "2 символа"), (4, "4 символа"), (5, "5 символов"), (11, "11 символов"),
            (12, "12 символов"), (14, "14 символов"), (21, "21 символ"), (22, "22 символа"), (111, "111 символов"),
            (122, "122 символа"),
        ]
        for (value, text) in expected {
            #expect(russianCount(value, "символ", "символа", "символов") == text)
        }
    }

    @Test func codes() {
        let expected: [(PasswordProblem, String)] = [
            (.empty, "password_empty"),
            (.tooShort(length: 3), "password_too_short"),
            (.tooLong(length: 200), "password_too_long"),
            (.common, "password_common"),
            (.guessable(word: "школа"), "password_guessable"),
            (.guessable(word: ""), "password_guessable"),
            (.repetitive, "password_repetitive"),
        ]
        for (problem, code) in expected {
            #expect(problem.code == code)
        }
    }

    /// Every message is one sentence that ends with a full stop and never repeats what was typed.
    @Test(arguments: [
        "", "secret", "tulip-moo", phrase(129), "aaaaaaaaaa", "1212121212", "qwertyuiop", "password123", "пароль1234",
        "gfhjkm1234", "Иванова1985", "irjkf12345", "8350172946", "МарияАлексеевна",
    ])
    func messagesNeverContainThePassword(password: String) throws {
        let problem = try #require(school.problem(with: password, personalWords: teacher))
        #expect(problem.message.hasSuffix("."))
        #expect(problem.message.first?.isUppercase == true)
        if !password.isEmpty {
            #expect(!problem.message.lowercased().contains(password.lowercased()))
        }
    }

    @Test func firstProblemWins() {
        // Too short before anything else; repetitive before common; common before guessable.
        #expect(PasswordRules().problem(with: "qwerty") == .tooShort(length: 6))
        #expect(PasswordRules().problem(with: "1234567890") == .repetitive)
        #expect(school.problem(with: "школа12345", personalWords: teacher) == .common)
        #expect(school.problem(with: "школа2025!", personalWords: teacher) == .guessable(word: "школа"))
    }
}
