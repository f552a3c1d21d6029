import ZhurnalCore

struct DemoTeacher: Sendable {
    let person: Int
    let specialism: Specialism
    /// The weekly hours the allocation aims at: a full post for most, a few hours for the teaching deputy.
    let capacity: Int
    let room: String
    var load = 0
}

/// The administration and the teachers, and which courses each teacher keeps.
struct DemoStaff: Sendable {
    let admin: Int
    let director: Int
    let deputy: Int
    /// Everyone who teaches, the deputy included when he does; primary-school teachers first.
    private(set) var teachers: [DemoTeacher]

    /// A full post is 18 hours a week; teachers here carry 18–28 (one and a half posts at most), as most do. A
    /// small subject's lone teacher may have fewer, as a part-timer would.
    static let targetLoad = 23
    static let maximumLoad = 28

    static func make(
        classes: inout [DemoClass],
        courses: inout [DemoCourse],
        people: inout DemoPeople,
        calendar: DemoCalendar,
        random: inout SeededRandom
    ) -> DemoStaff {
        let hiredOn = calendar.yearStart.adding(days: -7)
        func hire(_ sex: RussianNames.Sex, age: ClosedRange<Int>) -> Int {
            DemoAdults.make(
                sex: sex,
                age: age,
                on: calendar.yearStart,
                createdOn: hiredOn,
                people: &people,
                random: &random
            )
        }
        let admin = hire(.male, age: 28...45)
        let director = hire(.female, age: 48...60)
        let deputy = hire(.female, age: 38...55)

        var teachers: [DemoTeacher] = []
        var primaryTeacher: [Int: Int] = [:]  // class id → index in `teachers`
        for schoolClass in classes where schoolClass.parallel <= 4 {
            primaryTeacher[schoolClass.id] = teachers.count
            teachers.append(
                DemoTeacher(
                    person: hire(random.chance(0.96) ? .female : .male, age: 24...62),
                    specialism: .primary,
                    capacity: targetLoad,
                    room: String(101 + teachers.count)
                )
            )
        }

        // A chunk is what one teacher takes in one class: all of a specialism's courses there (Russian and
        // literature together, history with social studies), or one English subgroup.
        struct Chunk {
            let specialism: Specialism
            let classId: Int
            let subgroup: Int?
            var courses: [Int]
            var hours: Int
            let order: Double
        }
        var chunks: [Chunk] = []
        var openChunk: [String: Int] = [:]
        for (index, course) in courses.enumerated() {
            guard let classId = course.classId, course.subject != .importantTalks else { continue }
            let specialism = DemoCurriculum.subject(course.subject).specialism(in: course.parallel)
            if specialism == .primary {
                courses[index].teacher = teachers[primaryTeacher[classId]!].person
                teachers[primaryTeacher[classId]!].load += course.hours
                continue
            }
            if course.subgroup == nil, let open = openChunk["\(specialism.rawValue)/\(classId)"] {
                chunks[open].courses.append(index)
                chunks[open].hours += course.hours
            } else {
                if course.subgroup == nil { openChunk["\(specialism.rawValue)/\(classId)"] = chunks.count }
                chunks.append(
                    Chunk(
                        specialism: specialism,
                        classId: classId,
                        subgroup: course.subgroup,
                        courses: [index],
                        hours: course.hours,
                        order: random.unit()
                    )
                )
            }
        }

        var room = 0
        var gym = 0
        // Each PE teacher has a hall of his own, so no room holds two classes at once.
        func nextRoom(_ specialism: Specialism) -> String {
            if specialism == .sport {
                gym += 1
                return "спортзал \(gym)"
            }
            defer { room += 1 }
            return String(201 + (room / 25) * 100 + room % 25)
        }
        for specialism in Specialism.allCases where specialism != .primary && specialism != .homeroom {
            let own = chunks.filter { $0.specialism == specialism }
            let total = own.reduce(0) { $0 + $1.hours }
            guard total > 0 else { continue }
            var count = max(1, Int((Double(total) / Double(targetLoad)).rounded()))
            while total > count * maximumLoad { count += 1 }
            // The two subgroups of a class learn English at the same time, so they need two teachers.
            if specialism == .english { count = max(count, 2) }
            let first = teachers.count
            for _ in 0..<count {
                let sex: RussianNames.Sex = random.chance(specialism.femaleShare) ? .female : .male
                teachers.append(
                    DemoTeacher(
                        person: hire(sex, age: 23...64),
                        specialism: specialism,
                        capacity: targetLoad,
                        room: nextRoom(specialism)
                    )
                )
            }
            // The deputy keeps a few hours of history: deputies usually teach a little.
            if specialism == .history {
                teachers.append(
                    DemoTeacher(person: deputy, specialism: .history, capacity: 4, room: nextRoom(.history))
                )
            }
            let team = Array(first..<teachers.count)
            var holder: [String: Int] = [:]  // "class/subgroup" → teacher index, to split English subgroups
            for chunk in own.sorted(by: { ($0.hours, $0.order) > ($1.hours, $1.order) }) {
                let sibling = chunk.subgroup.flatMap { holder["\(chunk.classId)/\(3 - $0)"] }
                let candidates = team.filter { $0 != sibling }
                let chosen = candidates.min { left, right in
                    let a = Double(teachers[left].load + chunk.hours) / Double(teachers[left].capacity)
                    let b = Double(teachers[right].load + chunk.hours) / Double(teachers[right].capacity)
                    return (a, left) < (b, right)
                }!
                if let subgroup = chunk.subgroup { holder["\(chunk.classId)/\(subgroup)"] = chosen }
                teachers[chosen].load += chunk.hours
                for index in chunk.courses { courses[index].teacher = teachers[chosen].person }
            }
        }
        // A deputy who got no hours (a tiny school) does not teach.
        teachers.removeAll { $0.person == deputy && $0.load == 0 }

        // The elective goes to the least loaded mathematics teacher.
        if let electiveIndex = courses.firstIndex(where: { $0.subject == .electiveMath }) {
            let math = teachers.indices.filter { teachers[$0].specialism == .mathematics }
            let chosen = math.min { (teachers[$0].load, $0) < (teachers[$1].load, $1) }!
            courses[electiveIndex].teacher = teachers[chosen].person
            teachers[chosen].load += courses[electiveIndex].hours
        }

        assignHomerooms(
            classes: &classes,
            courses: courses,
            teachers: teachers,
            primary: primaryTeacher,
            deputy: deputy,
            random: &random
        )
        let index = Dictionary(uniqueKeysWithValues: teachers.enumerated().map { ($1.person, $0) })
        for (position, course) in courses.enumerated() where course.subject == .importantTalks {
            let homeroom = classes[course.classId! - 1].homeroomTeacher!
            courses[position].teacher = homeroom
            teachers[index[homeroom]!].load += course.hours
        }
        return DemoStaff(admin: admin, director: director, deputy: deputy, teachers: teachers)
    }

    /// The primary teacher is his class's homeroom teacher; from the 5th grade on, each class gets one of its own
    /// subject teachers (the one with most hours there), and no teacher gets two classes while another has none.
    private static func assignHomerooms(
        classes: inout [DemoClass],
        courses: [DemoCourse],
        teachers: [DemoTeacher],
        primary: [Int: Int],
        deputy: Int,
        random: inout SeededRandom
    ) {
        var hoursInClass: [Int: [Int: Int]] = [:]  // class id → teacher person → hours
        for course in courses {
            guard let classId = course.classId else { continue }
            hoursInClass[classId, default: [:]][course.teacher, default: 0] += course.hours
        }
        var homerooms: [Int: Int] = [:]  // person → classes led
        for index in classes.indices where classes[index].parallel <= 4 {
            let person = teachers[primary[classes[index].id]!].person
            classes[index].homeroomTeacher = person
            homerooms[person, default: 0] += 1
        }
        let eligible = teachers.filter { $0.specialism != .primary && $0.person != deputy }
        let senior = random.shuffled(classes.indices.filter { classes[$0].parallel >= 5 })
        for index in senior {
            let teaching = hoursInClass[classes[index].id] ?? [:]
            let free = eligible.filter { homerooms[$0.person] == nil }
            // The class's own teacher with most hours there, unless the homeroom hour would overload him.
            func fit(_ teacher: DemoTeacher) -> Int { teaching[teacher.person]! - (teacher.load >= 26 ? 100 : 0) }
            let chosen =
                free.filter { teaching[$0.person] != nil }
                .max { (fit($0), -$0.person) < (fit($1), -$1.person) }
                ?? free.min { ($0.load, $0.person) < ($1.load, $1.person) }
                ?? eligible.min { (homerooms[$0.person] ?? 0, $0.person) < (homerooms[$1.person] ?? 0, $1.person) }!
            classes[index].homeroomTeacher = chosen.person
            homerooms[chosen.person, default: 0] += 1
        }
    }
}

/// Grown-ups: staff and parents.
enum DemoAdults {
    /// Adds a person of `sex` aged within `age` on `date`.
    static func make(
        sex: RussianNames.Sex,
        age: ClosedRange<Int>,
        on date: LocalDate,
        createdOn: LocalDate,
        surname: String? = nil,
        people: inout DemoPeople,
        random: inout SeededRandom
    ) -> Int {
        let birth = birthDate(age: random.int(age), before: date, random: &random)
        let family = surname ?? random.pick(RussianNames.surnames)
        let firstName = sex == .female ? random.pick(RussianNames.women) : random.pick(RussianNames.fathers).name
        return people.add(
            lastName: RussianNames.surname(family, for: sex),
            firstName: firstName,
            patronymic: RussianNames.patronymic(of: random.pick(RussianNames.fathers), for: sex),
            birthDate: birth,
            sex: sex,
            createdOn: createdOn
        )
    }

    /// A birthday that makes someone `age` years old (and not yet `age + 1`) on `date`.
    static func birthDate(age: Int, before date: LocalDate, random: inout SeededRandom) -> LocalDate {
        let latest = LocalDate(year: date.year - age, month: date.month, day: min(date.day, 28))!
        return latest.adding(days: -random.below(365))
    }
}
