/// Passwords that attackers try first (SECURITY.md, Authentication): the most common passwords of Russian and
/// international leaks, and the bases they are built on, so that `PasswordRules` refuses both "qwerty123456" and
/// "qwerty" with digits appended. All lowercase: `PasswordRules` compares the lowercased password.
///
/// Written from general knowledge of published leak statistics rather than copied from a list; three groups:
/// Latin, Cyrillic, and Russian words typed with the keyboard left on the Latin layout ("gfhjkm" is «пароль»).
/// `PasswordRules` also looks each password up on the other layout, so a Russian word here catches its Latin-key
/// spelling too; the third group is spelled out so that a reader of this list finds them.
enum CommonPasswords {
    static let all: Set<String> = latin.union(cyrillic).union(russianOnLatinKeys)

    private static let latin: Set<String> = [
        "!qaz2wsx", "!qaz@wsx", "000000", "00000000", "0000000000", "0123456789", "01234567890", "0987654321", "0987654321q", "100500", "101010",
        "111111", "11111111", "1111111111", "112233", "11223344", "1122334455", "1122334455667788", "121212", "1212121212", "123123", "123123123",
        "1231231231", "123123123123", "123321", "123321123", "12344321", "12345", "1234512345", "123454321", "1234554321", "123456", "123456654321",
        "1234567", "12345678", "123456789", "1234567890", "1234567890q", "1234567890qwerty", "12345678910", "123456789a", "123456789q", "123456a",
        "123456q", "123456qwerty", "123456z", "12345abc", "12345qwert", "12345qwerty", "1234abcd", "1234asdf", "1234qwer", "123654", "123654789",
        "1236987", "12369874", "123hello", "123qwe", "123qweasd", "123qweasdzxc", "123qwerty", "12qw12qw", "12qwasyx", "12qwaszx", "13579", "135790",
        "1357924680", "147258", "147258369", "147852369", "159357", "159357852", "159753", "1597532486", "1a2b3c4d5e", "1q1q1q1q", "1q2w3e",
        "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "1q2w3e4r5t6y7u8i9o0p", "1qaz!qaz", "1qaz2wsx", "1qaz2wsx3edc",
        "1qaz2wsx3edc4rfv", "1qazxsw2", "1qw23e", "1qwerty", "2222222222", "24680", "2468013579", "258456", "456123", "55555", "5555555555",
        "654321", "654321q", "666666", "666999", "696969", "741852963", "77777", "777777", "7777777777", "789456", "789456123", "7894561230",
        "88888", "888888", "8888888888", "963852741", "987654321", "9876543210", "987654321q", "999999", "9999999999", "a1b2c3", "a1b2c3d4",
        "a1b2c3d4e5", "aa123456", "aaa111", "aaaaaa", "abc123", "abc1234", "abc12345", "abc123456", "abcabc", "abcd1234", "abcdef", "abcdefg",
        "abcdefgh", "abcdefghi", "abcdefghij", "abcdefghijk", "access", "admin", "admin1", "admin123", "admin1234", "admin12345", "adminadmin",
        "administrator", "aleksandr", "aleksey", "alexander", "alexandr", "alexey", "alina", "anastasia", "andrew", "andrey", "anna", "apple123",
        "arsenal", "artem", "asd123", "asd123456", "asdasd", "asdasdasd", "asdf1234", "asdfasdf", "asdfasdfasdf", "asdfgh", "asdfghj", "asdfghjk",
        "asdfghjkl", "asdfghjkl1", "asdfghjkl;", "ashley", "barcelona", "baseball", "basketball", "batman", "buster", "changeme", "changeme1",
        "changeme123", "charlie", "cheese", "chelsea", "computer", "computer1", "cska", "daniel", "dasha", "default", "denis", "diary", "dima",
        "dimon", "dnevnik", "dnevnik123", "dragon", "dragon123", "ekaterina", "elena", "elschool", "evgeniy", "facebook", "flower", "football",
        "football1", "fortnite", "freedom", "google", "google123", "guest", "guest123", "harley", "hello", "hello123", "hello1234", "hellohello",
        "helloworld", "hockey", "hunter", "igor", "ilovemom", "ilovemymom", "iloveu", "iloveu2", "iloveyou", "iloveyou1", "iloveyou12",
        "iloveyou123", "iloveyou2", "iloveyoubaby", "internet", "irina", "ivan", "jennifer", "jessica", "jordan23", "journal", "julia", "juventus",
        "katya", "killer", "kotenok", "kristina", "lenovo123", "letmein", "letmein1", "linux", "liverpool", "ljubov", "lkjhgfdsa", "login",
        "login123", "lokomotiv", "love123", "lovely", "loveme", "loveyou", "lubov", "lyubov", "maggie", "mailru", "maksim", "manchester", "marina",
        "masha", "master", "master123", "masterkey", "matthew", "maxim", "michael", "michael1", "microsoft", "minecraft", "misha", "mnbvcxz",
        "monkey", "monkey123", "moscow", "moskva", "mustang", "mypassword", "mypassword1", "naruto", "nastya", "natali", "natasha", "newpassword",
        "nikita", "nokia123", "odnoklassniki", "oleg", "olga", "p@$$w0rd", "p@ssw0rd", "p@ssword", "parol", "parol123", "parol1234", "pass",
        "pass123", "pass1234", "pass12345", "passw0rd", "password", "password!", "password01", "password1", "password1!", "password12",
        "password123", "password1234", "password12345", "passwordpassword", "pavel", "piter", "poiuytrewq", "pokemon", "polina", "princess",
        "princess1", "privet", "privet123", "q1q1q1q1", "q1w2e3", "q1w2e3r4", "q1w2e3r4t5", "q1w2e3r4t5y6", "qazwsx", "qazwsxedc", "qazwsxedcrfv",
        "qazxswedc", "qq123456", "qwaszx", "qwaszx12", "qwe123", "qwe123456", "qwe123qwe", "qweasd", "qweasdzxc", "qweasdzxc123", "qweqwe",
        "qweqweqwe", "qwer1234", "qwerasdf", "qwerasdfzxcv", "qwertasdfg", "qwertasdfgzxcvb", "qwerty", "qwerty!", "qwerty1", "qwerty12",
        "qwerty123", "qwerty1234", "qwerty12345", "qwerty123456", "qwerty123qwerty", "qwertyqwerty", "qwertyu", "qwertyui", "qwertyuiop",
        "qwertyuiop1", "qwertyuiop123", "qwertyuiop[]", "qwertyuiopasdfghjkl", "qwertyuiopasdfghjklzxcvbnm", "ranger", "realmadrid", "robert",
        "roblox", "roman", "root", "root123", "rossiya", "russia", "samsung", "samsung123", "sankt-peterburg", "sasha", "school", "school1",
        "school123", "secret", "secret123", "secretpassword", "serega", "sergey", "shadow", "shadow123", "soccer", "solnishko", "solnyshko",
        "spartak", "spiderman", "starwars", "student", "student1", "student123", "sunshine", "sunshine1", "superman", "svetlana", "tatiana",
        "teacher", "teacher1", "test123", "test1234", "test12345", "testing", "testtest", "thomas", "toor", "trustno1", "ubuntu", "user123",
        "user1234", "valeria", "vika", "viktoria", "vkontakte", "vladimir", "vova", "welcome", "welcome1", "welcome12", "welcome123", "whatever",
        "windows", "windows10", "xsw2zaq1", "yandex", "yulia", "zaika", "zaq12wsx", "zaq1xsw2", "zaq1xsw2cde3", "zaq1zaq1", "zaqwsx", "zaqxsw",
        "zayka", "zenit", "zxc123", "zxcasdqwe", "zxcv1234", "zxcvbn", "zxcvbnm", "zxcvbnm,./", "zxcvbnm1", "zxcvbnm123", "zxcvzxcv", "zxczxc",
    ]

    private static let cyrillic: Set<String> = [
        "123йцукен", "абвгд", "абвгде", "абвгдеж", "абвгдежзий", "абвгдейка", "админ", "админ123", "администратор", "александр", "александра",
        "алексей", "алина", "анастасия", "ангел", "ангелочек", "андрей", "анна", "аня", "артем", "артём", "бабушка", "барсик", "весна", "вика",
        "виктория", "вконтакте", "владимир", "вова", "вход", "господь", "гость", "дарья", "даша", "дедушка", "денис", "дима", "динамо", "директор",
        "дмитрий", "дневник", "добро", "доступ", "евгений", "егор", "екатерина", "елена", "женя", "завуч", "зайка", "зайка123", "зайчик",
        "здравствуйте", "здрасьте", "зенит", "зенитчемпион", "зима", "иван", "игорь", "илья", "интернет", "ирина",
        "йфяцычувскамепинртгоьшлбщдюзжхэъ", "йцукен", "йцукен123", "йцукен1234", "йцукенг", "йцукенгш", "йцукенгшщ", "йцукенгшщз", "йцукенгшщзх",
        "йцукенгшщзхъ", "йцукенфывапр", "катюша", "катя", "кирилл", "киска", "класс", "класс123", "компьютер", "котенок", "котик", "котик123",
        "котики", "котёнок", "кошечка", "кошка", "красотка", "кристина", "ксения", "лапочка", "лена", "лето", "логин", "локомотив", "любимая",
        "любимка", "любимый", "люблю", "люблютебя", "любовь", "любовь1", "любовьморковь", "максим", "малыш", "малышка", "мама", "мама123",
        "мамаипапа", "мамапапа", "мамочка", "мамуля", "марина", "мария", "маша", "машенька", "михаил", "миша", "мойпароль", "москва", "москва123",
        "мурзик", "настенька", "настя", "наталья", "наташа", "незнаю", "нетпароля", "нетрогать", "никита", "николай", "никтонеузнает", "новыйпароль",
        "одноклассники", "олег", "ольга", "осень", "отвали", "отличник", "отличница", "павел", "папа", "папа123", "пароль", "пароль1", "пароль12",
        "пароль123", "пароль1234", "пароль12345", "парольпароль", "питер", "победа", "пожалуйста", "полина", "пользователь", "привет", "привет1",
        "привет123", "привет1234", "привет12345", "приветик", "приветмир", "приветпривет", "принцесса", "пятерка", "пятёрка", "роман", "россия",
        "россия123", "рыбка", "санктпетербург", "саша", "сашенька", "света", "светлана", "секрет", "секретно", "сергей", "собака", "солнце",
        "солнце123", "солнышко", "спартак", "спартакчемпион", "спасибо", "таня", "татьяна", "тест", "тест123", "учеба", "ученик", "ученица",
        "учитель", "учёба", "фыва", "фывапр", "фывапро", "фывапрол", "фывапролд", "фывапролдж", "фывапролджэ", "хорошо", "христос", "цска", "шарик",
        "школа123", "юлия", "юля", "ялюблютебя", "яндекс", "ятебялюблю", "ячсмит", "ячсмить", "ячсмитьбю",
    ]

    /// Russian words as typed on the Latin layout: the keys of «пароль» are "gfhjkm", of «нетрогать» "ytnhjufnm".
    private static let russianOnLatinKeys: Set<String> = [
        ".kbz", "bdfy", "bhbyf", "bujhm", "cdtnkfyf", "cfif", "cgfhnfr", "cgfhnfrxtvgbjy", "cjkysirj", "cjkywt", "cthutq", "dkflbvbh", "drjynfrnt",
        "fhntv", "fktrcfylh", "fktrcfylhf", "fktrctq", "fyfcnfcbz", "fylhtq", "fyutk", "fyyf", "gfdtk", "gfgf", "gfhjkm", "gfhjkm123", "ghbdtn",
        "ghbdtn123", "ghbywtccf", "gjkbyf", "hjccbz", "hjvfy", "jkmuf", "jktu", "k.,jdm", "kbpf", "lfhmz", "ltybc", "lvbnhbq", "nfnmzyf", "pfqxbr",
        "plhfdcndeqnt", "ptybn", "rhbcnbyf", "rjirf", "rjntyjr", "rjvgm.nth", "tdutybq", "tktyf", "trfnthbyf", "vfhbyf", "vfif", "vfksi", "vfksirf",
        "vfrcbv", "vfvf", "vfvfgfgf", "vjcrdf", "ybrbnf", "yfcnz", "yfnfif", "yfnfkmz", "ytngfhjkz", "ytnhjufnm", "ytpyf.", "zk.,k.nt,z",
        "znt,zk.,k.",
    ]
}
