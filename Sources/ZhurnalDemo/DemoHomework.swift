/// Homework as Russian teachers write it: paragraph, exercise and page numbers that grow through the year.
enum DemoHomework {
    /// The homework of a course's `index`-th lesson (from 0), or nil when none is set: the first grade rarely gets
    /// any, PE and music almost never, art and technology only «принести …». Paragraphs and pages advance with the
    /// weeks, so a textbook lasts the year whatever the hours.
    static func text(
        _ subject: SubjectKey,
        parallel: Int,
        hours: Int,
        index: Int,
        random: inout SeededRandom
    ) -> String? {
        let chance: Double =
            switch subject {
            case .importantTalks: 0
            case .physicalEducation: 0.03
            case .music: 0.05
            case .art, .technology: 0.2
            default: parallel == 1 ? 0.25 : 0.88
            }
        guard random.chance(chance) else { return nil }
        let pace = max(2, hours)
        let paragraph = 1 + index * 2 / pace
        let page = 5 + index * 6 / pace
        let exercise = 5 + index * 4
        let problem = 10 + index * 6
        let options: [String]
        switch subject {
        case .russian where parallel == 1:
            options = ["Прописи, с. \(page / 3 + 2)", "Прописи, с. \(page / 3 + 2)–\(page / 3 + 3)"]
        case .russian where parallel <= 4:
            options = [
                "Упр. \(exercise) (с. \(page))", "Упр. \(exercise), словарные слова (с. \(page))",
                "Выучить правило (с. \(page)), упр. \(exercise)",
            ]
        case .russian:
            options = [
                "§ \(paragraph), упр. \(exercise)", "§ \(paragraph), упр. \(exercise), \(exercise + 2)",
                "Упр. \(exercise) (с. \(page)), выучить правило", "§ \(paragraph), словарные слова, упр. \(exercise)",
            ]
        case .literaryReading:
            options = [
                "С. \(page)–\(page + 3), выразительное чтение", "С. \(page)–\(page + 2), ответить на вопросы",
                "Выучить стихотворение наизусть (с. \(page))", "Пересказ (с. \(page)–\(page + 4))",
            ]
        case .literature:
            options = [
                "Прочитать с. \(page)–\(page + 15), ответить на вопросы 1–4",
                "Выучить наизусть отрывок (с. \(page))", "Письменный ответ на вопрос 3 (с. \(page))",
                "Подготовить пересказ эпизода (с. \(page)–\(page + 6))",
            ]
        case .english:
            options = [
                "SB p. \(page) ex. 2, 3; WB p. \(page / 2)", "Выучить слова (SB p. \(page))",
                "WB p. \(page / 2) ex. 1–3", "SB p. \(page) ex. 5 (письменно)",
            ]
        case .mathematics where parallel <= 4:
            options = ["С. \(page), № \(exercise / 2), \(exercise / 2 + 2)", "С. \(page), задача \(exercise / 3 + 1)"]
        case .mathematics:
            options = ["№ \(problem), \(problem + 1), \(problem + 4)", "П. \(paragraph), № \(problem)–\(problem + 3)"]
        case .algebra, .probability, .electiveMath:
            options = ["§ \(paragraph), № \(problem)–\(problem + 4)", "§ \(paragraph), № \(problem), \(problem + 2)"]
        case .geometry:
            options = [
                "П. \(paragraph), задачи № \(problem), \(problem + 2)", "П. \(paragraph), вопросы 1–5, № \(problem)",
            ]
        case .informatics:
            options = ["§ \(paragraph), вопросы 1–5", "§ \(paragraph), задание \(index % 6 + 1) в рабочей тетради"]
        case .worldAround:
            options = ["С. \(page)–\(page + 3), рабочая тетрадь с. \(page / 2 + 1)", "С. \(page)–\(page + 3), вопросы"]
        case .history:
            options = ["§ \(paragraph), вопросы 1–4 (с. \(page))", "§ \(paragraph), задание к карте"]
        case .socialStudies:
            options = ["§ \(paragraph), вопросы и задания 1–3"]
        case .geography:
            options = ["§ \(paragraph), задание на контурной карте", "§ \(paragraph), вопросы 1–3"]
        case .biology:
            options = ["§ \(paragraph), вопросы в конце параграфа", "§ \(paragraph), рисунок в тетради"]
        case .physics:
            options = [
                "§ \(paragraph), упр. \(paragraph / 2 + 1) (1, 2)",
                "§ \(paragraph), задачи № \(problem), \(problem + 1)",
            ]
        case .chemistry:
            options = ["§ \(paragraph), задачи 1–3", "§ \(paragraph), упр. 2, 4"]
        case .orkse, .odnknr:
            options = ["С. \(page)–\(page + 3), пересказ", "Подготовить сообщение по теме урока"]
        case .safety:
            options = ["§ \(paragraph), вопросы 1–3"]
        case .art:
            options = ["Принести альбом и акварельные краски", "Закончить рисунок"]
        case .technology:
            options = ["Принести цветную бумагу, клей и ножницы", "Закончить изделие"]
        case .music:
            options = ["Выучить слова песни"]
        case .physicalEducation:
            options = ["Комплекс утренней гимнастики"]
        case .importantTalks:
            options = []
        }
        return options.isEmpty ? nil : random.pick(options)
    }
}
