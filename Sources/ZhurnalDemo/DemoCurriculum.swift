import ZhurnalCore

/// The subjects of the demo school and their weekly hours by parallel (DOMAIN.md §9).
enum SubjectKey: Int, CaseIterable, Sendable {
    case russian, literaryReading, literature, english, mathematics, algebra, geometry, probability, informatics
    case worldAround, history, socialStudies, geography, biology, physics, chemistry, orkse, odnknr, art, music
    case technology, safety, physicalEducation
    /// «Разговоры о важном»: the weekly extracurricular hour every class has, kept by its homeroom teacher.
    case importantTalks
    /// The elective course of the senior classes.
    case electiveMath
}

/// Who teaches a subject in a parallel. Teachers are hired per specialism, as schools staff by diploma.
enum Specialism: Int, CaseIterable, Sendable {
    /// The primary-school teacher of one class 1–4, who teaches it most subjects and is its homeroom teacher.
    case primary
    case philology, mathematics, english, history, physics, geography, biology, music, arts, sport
    /// «Разговоры о важном» goes to the class's homeroom teacher, whoever he is.
    case homeroom

    /// Most Russian teachers are women; PE and ОБЗР less so.
    var femaleShare: Double {
        switch self {
        case .sport: 0.45
        case .physics: 0.65
        case .arts: 0.7
        default: 0.88
        }
    }
}

/// How a subject is assessed: which written works it sets and how pupils fare in it.
enum AssessmentStyle: Sendable {
    /// Русский язык: dictations with double marks, tests, controlled works.
    case language
    /// Литература, литературное чтение: essays (double marks in Литература), tests.
    case literature
    /// Mathematics in all its forms: independent works and tests.
    case exact
    /// Physics, chemistry, biology, geography, informatics: practical and laboratory works.
    case science
    /// History, social studies, the world around us, ОРКСЭ/ОДНКНР, ОБЗР: tests.
    case humanities
    /// English: vocabulary tests.
    case foreign
    /// PE, music, art, technology: marks for work in class, generous, no written works.
    case activity
}

struct DemoSubject: Sendable {
    let key: SubjectKey
    let name: String
    let shortName: String
    let allowsDoubleMarks: Bool
    /// Weekly hours, index = parallel (index 0 unused).
    let hours: [Int]
    let style: AssessmentStyle

    /// Part of the federal curriculum (and so of `curriculum_hours`), not an extracurricular or elective course.
    var isCurricular: Bool { key != .importantTalks && key != .electiveMath }

    func hours(in parallel: Int) -> Int { hours[parallel] }

    /// Subjects whose lessons the timetable keeps away from the first and the last lesson of the day.
    var isDemanding: Bool {
        switch key {
        case .russian, .mathematics, .algebra, .geometry, .physics, .chemistry, .english: true
        default: false
        }
    }

    func specialism(in parallel: Int) -> Specialism {
        switch key {
        case .russian, .literaryReading, .mathematics, .worldAround, .orkse:
            parallel <= 4 ? .primary : (key == .mathematics ? .mathematics : .philology)
        case .art, .technology: parallel <= 4 ? .primary : .arts
        case .literature: .philology
        case .english: .english
        case .algebra, .geometry, .probability, .electiveMath: .mathematics
        case .history, .socialStudies, .odnknr: .history
        case .physics, .informatics: .physics
        case .geography: .geography
        case .biology, .chemistry: .biology
        case .music: .music
        case .physicalEducation, .safety: .sport
        case .importantTalks: .homeroom
        }
    }
}

enum DemoCurriculum {
    //                       parallel:   1  2  3  4  5  6  7  8  9 10 11
    static let subjects: [DemoSubject] = [
        subject(.russian, "Русский язык", "Рус. яз.", [5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2], .language, double: true),
        subject(.literaryReading, "Литературное чтение", "Лит. чт.", [4, 4, 4, 3], .literature, double: true),
        subject(.literature, "Литература", "Лит-ра", [0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3], .literature, double: true),
        subject(.english, "Иностранный язык (английский)", "Англ. яз.", [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3], .foreign),
        subject(.mathematics, "Математика", "Матем.", [4, 4, 4, 4, 5, 5], .exact),
        subject(.algebra, "Алгебра", "Алгебра", [0, 0, 0, 0, 0, 0, 3, 3, 3, 2, 2], .exact),
        subject(.geometry, "Геометрия", "Геом.", [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2], .exact),
        subject(.probability, "Вероятность и статистика", "Вер. и стат.", [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], .exact),
        subject(.informatics, "Информатика", "Информ.", [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], .science),
        subject(.worldAround, "Окружающий мир", "Окр. мир", [2, 2, 2, 2], .humanities),
        subject(.history, "История", "История", [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2], .humanities),
        subject(.socialStudies, "Обществознание", "Общ.", [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2], .humanities),
        subject(.geography, "География", "Геогр.", [0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1], .science),
        subject(.biology, "Биология", "Биол.", [0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1], .science),
        subject(.physics, "Физика", "Физика", [0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2], .science),
        subject(.chemistry, "Химия", "Химия", [0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1], .science),
        // The table's «ОРКСЭ / ОДНКНР» row is two subjects: ОРКСЭ in the 4th grade, ОДНКНР in the 5th and 6th.
        subject(.orkse, "Основы религиозных культур и светской этики", "ОРКСЭ", [0, 0, 0, 1], .humanities),
        subject(
            .odnknr,
            "Основы духовно-нравственной культуры народов России",
            "ОДНКНР",
            [0, 0, 0, 0, 1, 1],
            .humanities
        ),
        subject(.art, "Изобразительное искусство", "ИЗО", [1, 1, 1, 1, 1, 1, 1], .activity),
        subject(.music, "Музыка", "Музыка", [1, 1, 1, 1, 1, 1, 1, 1], .activity),
        subject(.technology, "Труд (технология)", "Труд", [1, 1, 1, 1, 2, 2, 1, 1, 1], .activity),
        subject(
            .safety,
            "Основы безопасности и защиты Родины",
            "ОБЗР",
            [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
            .humanities
        ),
        subject(.physicalEducation, "Физическая культура", "Физ-ра", [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], .activity),
        subject(.importantTalks, "Разговоры о важном", "Разг. о важн.", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], .activity),
        subject(.electiveMath, "Избранные вопросы математики", "Избр. вопр. мат.", [], .exact),
    ]

    /// The elective is one cross-class group of the senior parallels, an hour a week.
    static let electiveHours = 1
    static let electiveTitle = "Элективный курс «Избранные вопросы математики» (10–11 классы)"

    static func subject(_ key: SubjectKey) -> DemoSubject { subjects[key.rawValue] }

    /// The database id of a subject: its place in the list, from 1.
    static func id(of key: SubjectKey) -> Int { key.rawValue + 1 }

    private static func subject(
        _ key: SubjectKey,
        _ name: String,
        _ shortName: String,
        _ hours: [Int],
        _ style: AssessmentStyle,
        double: Bool = false
    ) -> DemoSubject {
        let padded = [0] + hours + Array(repeating: 0, count: 11 - hours.count)
        return DemoSubject(
            key: key,
            name: name,
            shortName: shortName,
            allowsDoubleMarks: double,
            hours: padded,
            style: style
        )
    }

    /// The bell schedule of DOMAIN.md §9, minutes after midnight school time.
    static let bells: [(start: Int, end: Int)] = [
        (8 * 60 + 30, 9 * 60 + 15), (9 * 60 + 25, 10 * 60 + 10), (10 * 60 + 30, 11 * 60 + 15),
        (11 * 60 + 35, 12 * 60 + 20), (12 * 60 + 30, 13 * 60 + 15), (13 * 60 + 25, 14 * 60 + 10),
        (14 * 60 + 20, 15 * 60 + 5),
    ]

    static var lessonsPerDay: Int { bells.count }

    /// The most lessons a class has in a day: the first grade is kept to 4–5, the primary school to 5, the 5th and
    /// 6th to 6, the rest to the full seven bells.
    static func maxLessonsPerDay(parallel: Int) -> Int {
        switch parallel {
        case 1...4: 5
        case 5...6: 6
        default: 7
        }
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
