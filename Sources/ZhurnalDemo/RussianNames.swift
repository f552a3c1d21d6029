/// Names of Russian people, with the grammar the demo needs: a surname's feminine form and a patronymic from the
/// father's first name. Patronymics are listed rather than derived: the rules have exceptions (Илья → Ильич,
/// Юрий → Юрьевич, but Дмитрий → Дмитриевич) and a wrong patronymic is the first thing a Russian reader notices.
enum RussianNames {
    enum Sex: Sendable {
        case male
        case female
    }

    /// A father's name and the patronymics it gives to a son and a daughter.
    struct FatherName: Sendable {
        let name: String
        let son: String
        let daughter: String
    }

    /// Masculine forms; the feminine form is `surname(_:for:)`.
    static let surnames = [
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
        "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев",
        "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
        "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов",
        "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов",
        "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев",
        "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров",
        "Калинин", "Исаев", "Чернышёв", "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов",
        "Филатов", "Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников",
        "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров", "Грачёв",
        "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев",
        "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов", "Ерёмин", "Тихомиров", "Галкин", "Лукьянов",
        "Михеев", "Скворцов", "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев",
        "Цветков", "Левин", "Митрофанов", "Воронов", "Аксёнов", "Мальцев", "Логинов", "Горшков", "Савин",
        "Краснов", "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов", "Плотников", "Дёмин", "Хохлов",
        "Жданов", "Шевченко", "Коваленко", "Бондаренко", "Савицкий", "Вишневский", "Яблонский", "Черных", "Белых",
        "Толстой", "Островский",
    ]

    /// Fathers and grandfathers: the names that give patronymics.
    static let fathers: [FatherName] = [
        FatherName(name: "Александр", son: "Александрович", daughter: "Александровна"),
        FatherName(name: "Сергей", son: "Сергеевич", daughter: "Сергеевна"),
        FatherName(name: "Андрей", son: "Андреевич", daughter: "Андреевна"),
        FatherName(name: "Алексей", son: "Алексеевич", daughter: "Алексеевна"),
        FatherName(name: "Дмитрий", son: "Дмитриевич", daughter: "Дмитриевна"),
        FatherName(name: "Евгений", son: "Евгеньевич", daughter: "Евгеньевна"),
        FatherName(name: "Владимир", son: "Владимирович", daughter: "Владимировна"),
        FatherName(name: "Максим", son: "Максимович", daughter: "Максимовна"),
        FatherName(name: "Иван", son: "Иванович", daughter: "Ивановна"),
        FatherName(name: "Михаил", son: "Михайлович", daughter: "Михайловна"),
        FatherName(name: "Николай", son: "Николаевич", daughter: "Николаевна"),
        FatherName(name: "Павел", son: "Павлович", daughter: "Павловна"),
        FatherName(name: "Роман", son: "Романович", daughter: "Романовна"),
        FatherName(name: "Денис", son: "Денисович", daughter: "Денисовна"),
        FatherName(name: "Игорь", son: "Игоревич", daughter: "Игоревна"),
        FatherName(name: "Олег", son: "Олегович", daughter: "Олеговна"),
        FatherName(name: "Виктор", son: "Викторович", daughter: "Викторовна"),
        FatherName(name: "Юрий", son: "Юрьевич", daughter: "Юрьевна"),
        FatherName(name: "Вадим", son: "Вадимович", daughter: "Вадимовна"),
        FatherName(name: "Константин", son: "Константинович", daughter: "Константиновна"),
        FatherName(name: "Антон", son: "Антонович", daughter: "Антоновна"),
        FatherName(name: "Артём", son: "Артёмович", daughter: "Артёмовна"),
        FatherName(name: "Василий", son: "Васильевич", daughter: "Васильевна"),
        FatherName(name: "Виталий", son: "Витальевич", daughter: "Витальевна"),
        FatherName(name: "Анатолий", son: "Анатольевич", daughter: "Анатольевна"),
        FatherName(name: "Геннадий", son: "Геннадьевич", daughter: "Геннадьевна"),
        FatherName(name: "Григорий", son: "Григорьевич", daughter: "Григорьевна"),
        FatherName(name: "Илья", son: "Ильич", daughter: "Ильинична"),
        FatherName(name: "Кирилл", son: "Кириллович", daughter: "Кирилловна"),
        FatherName(name: "Никита", son: "Никитич", daughter: "Никитична"),
        FatherName(name: "Пётр", son: "Петрович", daughter: "Петровна"),
        FatherName(name: "Руслан", son: "Русланович", daughter: "Руслановна"),
        FatherName(name: "Станислав", son: "Станиславович", daughter: "Станиславовна"),
        FatherName(name: "Вячеслав", son: "Вячеславович", daughter: "Вячеславовна"),
        FatherName(name: "Леонид", son: "Леонидович", daughter: "Леонидовна"),
        FatherName(name: "Борис", son: "Борисович", daughter: "Борисовна"),
        FatherName(name: "Валерий", son: "Валерьевич", daughter: "Валерьевна"),
        FatherName(name: "Георгий", son: "Георгиевич", daughter: "Георгиевна"),
        FatherName(name: "Егор", son: "Егорович", daughter: "Егоровна"),
        FatherName(name: "Тимур", son: "Тимурович", daughter: "Тимуровна"),
    ]

    /// Boys born in the 2010s.
    static let boys = [
        "Александр", "Максим", "Михаил", "Артём", "Иван", "Дмитрий", "Даниил", "Кирилл", "Матвей", "Егор", "Андрей",
        "Никита", "Илья", "Алексей", "Тимофей", "Роман", "Марк", "Лев", "Фёдор", "Ярослав", "Владимир", "Сергей",
        "Глеб", "Павел", "Степан", "Арсений", "Тимур", "Богдан", "Денис", "Георгий", "Савелий", "Вадим", "Захар",
        "Мирон", "Платон", "Семён", "Николай", "Константин", "Василий", "Давид",
    ]

    /// Girls born in the 2010s.
    static let girls = [
        "Софья", "Мария", "Анна", "Алиса", "Виктория", "Полина", "Анастасия", "Дарья", "Варвара", "Ксения",
        "Елизавета", "Вероника", "Арина", "Милана", "Ева", "Василиса", "Кира", "Ульяна", "Валерия", "Александра",
        "Екатерина", "Злата", "Таисия", "Есения", "Алёна", "Маргарита", "Диана", "Милена", "Агата", "Стефания",
        "Яна", "Мирослава", "Юлия", "Амелия", "Ольга", "Надежда",
    ]

    /// Women born from the 1960s to the 1990s: mothers and teachers.
    static let women = [
        "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Юлия", "Анна", "Екатерина", "Марина",
        "Оксана", "Евгения", "Анастасия", "Мария", "Ксения", "Надежда", "Виктория", "Людмила", "Галина", "Кристина",
        "Алёна", "Дарья", "Валентина", "Лариса", "Нина", "Любовь", "Вера", "Инна", "Жанна", "Маргарита", "Алла",
        "Яна", "Полина", "Олеся", "Софья",
    ]

    static func surname(_ masculine: String, for sex: Sex) -> String {
        guard sex == .female else { return masculine }
        for (ending, feminine) in [("ский", "ская"), ("цкий", "цкая"), ("ой", "ая")] where masculine.hasSuffix(ending) {
            return String(masculine.dropLast(ending.count)) + feminine
        }
        for ending in ["ов", "ев", "ёв", "ин", "ын"] where masculine.hasSuffix(ending) {
            return masculine + "а"
        }
        // -енко, -их, -ых and the like do not change.
        return masculine
    }

    static func patronymic(of father: FatherName, for sex: Sex) -> String {
        sex == .male ? father.son : father.daughter
    }
}
