import ZhurnalCore

// The demo school held in memory before it is written: plain values keyed by their database ids (1, 2, 3… per
// table), so that every later stage looks things up in arrays instead of asking the database.

struct DemoPerson: Sendable {
    let id: Int
    var lastName: String
    var firstName: String
    var patronymic: String?
    var birthDate: LocalDate
    let sex: RussianNames.Sex
    /// The day the school entered him: before the year for most, the arrival day for pupils who came later.
    var createdOn: LocalDate

    var fullName: String {
        [lastName, firstName, patronymic].compactMap { $0 }.joined(separator: " ")
    }
}

/// Everyone's rows in the `people` table; a person's id is his place in the list plus one.
struct DemoPeople: Sendable {
    private(set) var all: [DemoPerson] = []

    mutating func add(
        lastName: String,
        firstName: String,
        patronymic: String?,
        birthDate: LocalDate,
        sex: RussianNames.Sex,
        createdOn: LocalDate
    ) -> Int {
        let id = all.count + 1
        all.append(
            DemoPerson(
                id: id,
                lastName: lastName,
                firstName: firstName,
                patronymic: patronymic,
                birthDate: birthDate,
                sex: sex,
                createdOn: createdOn
            )
        )
        return id
    }

    subscript(id: Int) -> DemoPerson {
        get { all[id - 1] }
        set { all[id - 1] = newValue }
    }

    var count: Int { all.count }
}

struct DemoClass: Sendable {
    let id: Int
    let parallel: Int
    let letter: String
    /// Pupils on 1 September.
    let size: Int
    var homeroomTeacher: Int?

    var name: String { "\(parallel)\(letter)" }
    var periodKind: PeriodKind { DemoCalendar.periodKind(parallel: parallel) }
}

struct DemoGroup: Sendable {
    enum Kind: String, Sendable {
        case subgroup
        case crossClass = "cross_class"
    }

    let id: Int
    let classId: Int?
    let title: String
    let kind: Kind
}

struct DemoCourse: Sendable {
    let id: Int
    let subject: SubjectKey
    let classId: Int?
    let groupId: Int?
    let journalKind: JournalKind
    let grading: Grading
    let hours: Int
    let title: String?
    /// The parallel whose calendar and period kind the course follows.
    let parallel: Int
    /// 1 or 2 for the English subgroups.
    let subgroup: Int?
    /// The course teacher's person id, set by the staffing stage.
    var teacher: Int = 0

    var periodKind: PeriodKind { DemoCalendar.periodKind(parallel: parallel) }
    var isMarked: Bool { grading == .marks }
}

/// A stretch of days a pupil belongs to a class or a group; `end` nil means "still".
struct DemoSpan: Sendable {
    let start: LocalDate
    var end: LocalDate?

    func contains(_ date: LocalDate) -> Bool {
        start <= date && (end.map { date <= $0 } ?? true)
    }
}

struct DemoEnrolment: Sendable {
    let id: Int
    let pupil: Int
    let classId: Int
    var span: DemoSpan
    var reason: String?
}

struct DemoMembership: Sendable {
    let groupId: Int
    let pupil: Int
    var span: DemoSpan
}

struct DemoGuardianship: Sendable {
    let guardian: Int
    let pupil: Int
    /// «мать» or «отец».
    let relation: String
}

/// A pupil's traits that drive his marks and absences.
struct DemoPupil: Sendable {
    let person: Int
    /// The class he starts in (or arrives in).
    let classId: Int
    /// Expected mark, about 2.6–5.2; a pupil's marks scatter around it.
    let ability: Double
    /// How much better or worse than his ability he does in each subject, by `SubjectKey.rawValue`.
    let subjectBias: [Double]
    /// 0 for the never-ill, up to 3.5 for the often-ill.
    let sickliness: Double
    var exemptFromPE = false
    var longIllness = false
}
