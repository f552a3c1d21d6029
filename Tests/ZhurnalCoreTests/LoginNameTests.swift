import Testing

@testable import ZhurnalCore

struct LoginNameTests {
    /// The demo school issued its logins with this table before it moved here; these are the logins it gives.
    @Test func transliteratesAsTheDemoDid() {
        #expect(LoginName.transliterate("абвгдеёжзийклмнопрстуфхцчшщъыьэюя") == "abvgdeezhziyklmnoprstufkhtschshshchyeyuya")
        #expect(LoginName.transliterate("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "abvgdeezhziyklmnoprstufkhtschshshchyeyuya")
        #expect(LoginName.transliterate("Щукин-Соловьёв") == "shchukinsolovev")
        #expect(LoginName.transliterate("Подъячев") == "podyachev")
        #expect(LoginName.transliterate("Пьянков") == "pyankov")
        #expect(LoginName.transliterate("Ельцин") == "eltsin")
        #expect(LoginName.transliterate("Хохлова") == "khokhlova")
        // A decomposed ё (е and a combining diaeresis) is the same letter.
        #expect(LoginName.transliterate("Короле\u{0308}в") == "korolev")
        // ASCII letters and digits stay; spaces, signs and other alphabets go.
        #expect(LoginName.transliterate("O'Brien 2") == "obrien2")
        #expect(LoginName.transliterate("Müller") == "mller")
        #expect(LoginName.transliterate("Ли Вэй") == "livey")
        #expect(LoginName.transliterate("") == "")
    }

    @Test(arguments: [
        ("Иванова", "Мария", "Алексеевна", "ivanova.ma"),
        ("Королёв", "Пётр", "Ильич", "korolev.pi"),
        ("Соловьёв", "Юрий", "Юрьевич", "solovev.yy"),
        ("Щербакова", "Елизавета", "Фёдоровна", "shcherbakova.ef"),
        ("Цветков", "Ярослав", "Эдуардович", "tsvetkov.ye"),
        ("Хохлов", "Харитон", "Христофорович", "khokhlov.kk"),
        ("Подъячев", "Йозеф", "Щукинович", "podyachev.ys"),
        ("Римская-Корсакова", "Анна", "Ивановна", "rimskayakorsakova.ai"),
        ("Мамин-Сибиряк", "Дмитрий", "Наркисович", "maminsibiryak.dn"),
        ("Шевченко", "Ёлка", "Чеславовна", "shevchenko.ec"),
        ("ЧЕРНЫХ", "ЖАННА", "ЦЕЗАРЕВНА", "chernykh.zt"),
        ("Ильин", "Ян", "", "ilin.y"),
    ])
    func baseAsTheDemoGives(lastName: String, firstName: String, patronymic: String, expected: String) {
        #expect(LoginName.base(lastName: lastName, firstName: firstName, patronymic: patronymic) == expected)
    }

    @Test func baseWithoutPatronymic() {
        #expect(LoginName.base(lastName: "Иванова", firstName: "Мария", patronymic: nil) == "ivanova.m")
        #expect(LoginName.base(lastName: "Smith", firstName: "John", patronymic: nil) == "smith.j")
        // A first name with nothing to romanise gives no initial rather than a stray character.
        #expect(LoginName.base(lastName: "Иванов", firstName: "Ω", patronymic: "Петрович") == "ivanov.p")
    }

    @Test func uniqueAppendsTheFirstFreeNumber() {
        #expect(LoginName.unique(base: "ivanova.ma", isTaken: { _ in false }) == "ivanova.ma")
        #expect(LoginName.unique(base: "ivanova.ma", isTaken: ["ivanova.ma"].contains) == "ivanova.ma2")
        let taken: Set = ["ivanova.ma", "ivanova.ma2"]
        #expect(LoginName.unique(base: "ivanova.ma", isTaken: taken.contains) == "ivanova.ma3")
        // Only the base decides whether a number is needed: a free base is issued even when base2 is taken.
        #expect(LoginName.unique(base: "ivanova.ma", isTaken: ["ivanova.ma2"].contains) == "ivanova.ma")
    }

    @Test func uniqueAsksInOrder() {
        var asked: [String] = []
        let login = LoginName.unique(base: "petrov.ii") { candidate in
            asked.append(candidate)
            return asked.count < 4
        }
        #expect(asked == ["petrov.ii", "petrov.ii2", "petrov.ii3", "petrov.ii4"])
        #expect(login == "petrov.ii4")
    }

    @Test(arguments: [
        "ivanova.ma", "ivanova.ma2", "admin", "abc", "a_b-c.1", "smith.j", "x" + String(repeating: "9", count: 63),
    ])
    func acceptedLogins(login: String) {
        #expect(LoginName.problem(with: login) == nil)
    }

    @Test func issuedLoginsAreAccepted() {
        let names = [("Иванова", "Мария", "Алексеевна"), ("Щукин-Соловьёв", "Пётр", "Ильич"), ("Подъячев", "Ян", "")]
        for (lastName, firstName, patronymic) in names {
            let base = LoginName.base(lastName: lastName, firstName: firstName, patronymic: patronymic)
            #expect(LoginName.problem(with: base) == nil)
            #expect(LoginName.problem(with: LoginName.unique(base: base, isTaken: { $0 == base })) == nil)
        }
    }

    @Test(arguments: [
        ("", "Логин не указан: наберите его латинскими буквами, например «ivanova.ma»."),
        ("ab", "Логин слишком короткий: 2 символа, нужно не меньше 3."),
        ("a", "Логин слишком короткий: 1 символ, нужно не меньше 3."),
        ("a" + String(repeating: "b", count: 64), "Логин слишком длинный: 65 символов, допустимо не больше 64."),
        ("1ivanova", "Логин должен начинаться с латинской буквы, а не с «1»."),
        (".ivanova", "Логин должен начинаться с латинской буквы, а не с «.»."),
        ("_admin", "Логин должен начинаться с латинской буквы, а не с «_»."),
        ("Ivanova.ma", "Логин набирается строчными буквами: вместо «I» наберите «i»."),
        ("ivanova ma", "В логине не должно быть пробелов: соедините части точкой, например «ivanova.ma»."),
        (" ivanova", "В логине не должно быть пробелов: соедините части точкой, например «ivanova.ma»."),
        (
            "иванова",
            "Символ «и» в логине недопустим: можно использовать только латинские буквы a–z, цифры 0–9 и знаки «.», «_», «-»."
        ),
        (
            "ivanova@school",
            "Символ «@» в логине недопустим: можно использовать только латинские буквы a–z, цифры 0–9 и знаки «.», «_», «-»."
        ),
        (
            "ivanöva",
            "Символ «ö» в логине недопустим: можно использовать только латинские буквы a–z, цифры 0–9 и знаки «.», «_», «-»."
        ),
        (
            "ivanova１",
            "Символ «１» в логине недопустим: можно использовать только латинские буквы a–z, цифры 0–9 и знаки «.», «_», «-»."
        ),
    ])
    func refusedLogins(login: String, message: String) {
        #expect(LoginName.problem(with: login) == message)
    }
}
