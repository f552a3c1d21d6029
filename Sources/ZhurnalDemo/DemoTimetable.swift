import ZhurnalCore
import ZhurnalStore

/// The weekly timetable: every course's hours placed in the 5 × 7 grid of weekdays and bells so that no class and
/// no teacher is in two places at once.
///
/// Each class first gets its daily lesson counts (the week's hours spread evenly, the heavier days in mid-week),
/// and its lessons fill bells 1…n of each day, so no class has a gap ("окно"). A randomized greedy placement
/// takes the most loaded teachers first; when a lesson finds no free bell it ejects one lesson that is in the way
/// and places that one again, up to three moves deep. A failed attempt starts over with other random choices;
/// after thirty failures (seen only in schools of thousands) gaps are allowed, which always leaves room.
struct DemoTimetable: Sendable {
    struct Entry: Sendable {
        let id: Int
        let course: Int
        let weekday: Int
        let lesson: Int
        let room: String
    }

    let entries: [Entry]
    /// Course id → its (weekday, lesson) pairs.
    let slotsOfCourse: [Int: [(weekday: Int, lesson: Int)]]
    /// Teacher person id → the slots (`(weekday − 1) · 7 + lesson − 1`) he teaches by the timetable.
    let busyTeacherSlots: [Int: Set<Int>]
    /// Whether gaps had to be allowed.
    let hasGaps: Bool

    static let days = 5
    static let slotCount = days * DemoCurriculum.lessonsPerDay

    static func slot(weekday: Int, lesson: Int) -> Int { (weekday - 1) * DemoCurriculum.lessonsPerDay + lesson - 1 }

    static func make(
        classes: [DemoClass],
        courses: [DemoCourse],
        staff: DemoStaff,
        random: inout SeededRandom
    ) throws -> DemoTimetable {
        var planner = Planner(classes: classes, courses: courses, staff: staff)
        for attempt in 0..<50 {
            if planner.run(relaxed: attempt >= 30, random: &random) {
                return planner.result(courses: courses, staff: staff)
            }
        }
        throw StoreError.rejected("не удалось составить расписание демонстрационной школы: попробуйте другое --seed")
    }
}

private struct Planner {
    struct Unit {
        let courses: [Int]  // course indices: one, or the two English subgroups taught at once
        let classIndex: Int?
        let teachers: [Int]  // dense teacher indices
        let subject: SubjectKey
        let priority: Double
        var pinnedSlot: Int?
    }

    let classes: [DemoClass]
    let lessonsPerDay = DemoCurriculum.lessonsPerDay
    var units: [Unit] = []
    /// Per class, per weekday (0-based): lessons that day.
    var dailyTarget: [[Int]] = []
    /// The elective's slot, closed to the senior classes.
    var electiveSlot: Int?
    var electiveClasses: Set<Int> = []

    var classAt: [[Int]] = []
    var teacherAt: [[Int]] = []
    var slotOf: [Int] = []
    var relaxed = false

    init(classes: [DemoClass], courses: [DemoCourse], staff: DemoStaff) {
        self.classes = classes
        let teacherIndex = Dictionary(uniqueKeysWithValues: staff.teachers.enumerated().map { ($1.person, $0) })
        let loads = staff.teachers.map(\.load)
        var classHours = [Int](repeating: 0, count: classes.count)
        for (index, course) in courses.enumerated() {
            guard course.subgroup != 2 else { continue }
            var members = [index]
            if course.subgroup == 1,
                let partner = courses.firstIndex(where: { $0.classId == course.classId && $0.subgroup == 2 })
            {
                members.append(partner)
            }
            let teachers = members.map { teacherIndex[courses[$0].teacher]! }
            let classIndex = course.classId.map { $0 - 1 }
            // Busy teachers and double-staffed lessons are the hardest to place, so they go first.
            let priority = Double(teachers.map { loads[$0] }.max()!) + (members.count > 1 ? 8 : 0)
            for _ in 0..<course.hours {
                units.append(
                    Unit(
                        courses: members,
                        classIndex: classIndex,
                        teachers: teachers,
                        subject: course.subject,
                        priority: priority,
                        pinnedSlot: nil
                    )
                )
            }
            if let classIndex { classHours[classIndex] += course.hours }
        }
        // The week's hours spread evenly; the extra lessons fall on Tuesday, Wednesday, Thursday, Monday, Friday in
        // that order, so Friday is the lightest day, as the sanitary rules ask.
        dailyTarget = classHours.map { hours in
            var days = [Int](repeating: hours / DemoTimetable.days, count: DemoTimetable.days)
            for day in [1, 2, 3, 0, 4].prefix(hours % DemoTimetable.days) { days[day] += 1 }
            return days
        }
        electiveClasses = Set(classes.indices.filter { classes[$0].parallel >= 10 })
        if units.contains(where: { $0.classIndex == nil }) {
            let day = (0..<DemoTimetable.days).reversed().min { left, right in
                electiveClasses.map { dailyTarget[$0][left] }.max() ?? 0
                    < electiveClasses.map { dailyTarget[$0][right] }.max() ?? 0
            }!
            let lesson = min(lessonsPerDay - 1, electiveClasses.map { dailyTarget[$0][day] }.max() ?? 0)
            electiveSlot = day * lessonsPerDay + lesson
        }
    }

    mutating func run(relaxed: Bool, random: inout SeededRandom) -> Bool {
        self.relaxed = relaxed
        classAt = Array(repeating: Array(repeating: -1, count: DemoTimetable.slotCount), count: classes.count)
        teacherAt = Array(
            repeating: Array(repeating: -1, count: DemoTimetable.slotCount),
            count: (units.flatMap(\.teachers).max() ?? 0) + 1
        )
        slotOf = Array(repeating: -1, count: units.count)
        for index in units.indices { units[index].pinnedSlot = nil }

        // Pinned first: the elective in its slot, «Разговоры о важном» on Monday's first lesson as schools do.
        for index in units.indices where units[index].classIndex == nil {
            guard let slot = electiveSlot, units[index].teachers.allSatisfy({ teacherAt[$0][slot] == -1 }) else {
                return false
            }
            units[index].pinnedSlot = slot
            assign(index, to: slot)
        }
        for index in units.indices where units[index].subject == .importantTalks {
            if conflicts(index, at: 0).isEmpty {
                units[index].pinnedSlot = 0
                assign(index, to: 0)
            }
        }
        let noise = units.map { _ in random.unit() * 4 }
        let order = units.indices.filter { slotOf[$0] == -1 }.sorted {
            (units[$0].priority + noise[$0], -$0) > (units[$1].priority + noise[$1], -$1)
        }
        for index in order where !place(index, depth: 3, forbidden: [], random: &random) {
            return false
        }
        improve()
        return true
    }

    /// Swaps two lessons of a class while that makes its days better (`penalty`) and both teachers are free at
    /// their new bells: greedy placement leaves its last lessons little choice.
    private mutating func improve() {
        for _ in 0..<4 {
            var changed = false
            for classIndex in classes.indices {
                for first in 0..<DemoTimetable.slotCount {
                    for second in (first + 1)..<DemoTimetable.slotCount {
                        let a = classAt[classIndex][first]
                        let b = classAt[classIndex][second]
                        guard a != -1, b != -1, units[a].subject != units[b].subject,
                            units[a].pinnedSlot == nil, units[b].pinnedSlot == nil,
                            units[a].teachers.allSatisfy({ [-1, b].contains(teacherAt[$0][second]) }),
                            units[b].teachers.allSatisfy({ [-1, a].contains(teacherAt[$0][first]) })
                        else { continue }
                        let days = Set([first / lessonsPerDay, second / lessonsPerDay])
                        let before = days.reduce(0) { $0 + penalty(classIndex, day: $1) }
                        swap(a, b)
                        if days.reduce(0, { $0 + penalty(classIndex, day: $1) }) < before {
                            changed = true
                        } else {
                            swap(b, a)
                        }
                    }
                }
            }
            if !changed { break }
        }
    }

    private mutating func swap(_ a: Int, _ b: Int) {
        let (slotA, slotB) = (slotOf[a], slotOf[b])
        unassign(a)
        unassign(b)
        assign(a, to: slotB)
        assign(b, to: slotA)
    }

    /// A subject more than once a day costs 10 per extra lesson, a demanding subject on the first or a late bell 2,
    /// PE, music or art on the second or third bell (best kept for demanding subjects) 1.
    private func penalty(_ classIndex: Int, day: Int) -> Int {
        var seen: [SubjectKey] = []
        var total = 0
        for lesson in 0..<lessonsPerDay {
            let unit = classAt[classIndex][day * lessonsPerDay + lesson]
            guard unit != -1 else { continue }
            let subject = DemoCurriculum.subject(units[unit].subject)
            if seen.contains(subject.key) { total += 10 }
            seen.append(subject.key)
            if subject.isDemanding && (lesson == 0 || lesson >= 5) { total += 2 }
            if subject.style == .activity && (1...2).contains(lesson) { total += 1 }
        }
        return total
    }

    func result(courses: [DemoCourse], staff: DemoStaff) -> DemoTimetable {
        var slotsOfCourse: [Int: [(weekday: Int, lesson: Int)]] = [:]
        var busy: [Int: Set<Int>] = [:]
        for (index, unit) in units.enumerated() {
            let slot = slotOf[index]
            for course in unit.courses {
                slotsOfCourse[courses[course].id, default: []].append(
                    (weekday: slot / lessonsPerDay + 1, lesson: slot % lessonsPerDay + 1)
                )
                busy[courses[course].teacher, default: []].insert(slot)
            }
        }
        let rooms = Dictionary(uniqueKeysWithValues: staff.teachers.map { ($0.person, $0.room) })
        var entries: [DemoTimetable.Entry] = []
        for course in courses {
            let slots = (slotsOfCourse[course.id] ?? []).sorted { ($0.weekday, $0.lesson) < ($1.weekday, $1.lesson) }
            slotsOfCourse[course.id] = slots
            for slot in slots {
                entries.append(
                    DemoTimetable.Entry(
                        id: entries.count + 1,
                        course: course.id,
                        weekday: slot.weekday,
                        lesson: slot.lesson,
                        room: rooms[course.teacher] ?? ""
                    )
                )
            }
        }
        return DemoTimetable(entries: entries, slotsOfCourse: slotsOfCourse, busyTeacherSlots: busy, hasGaps: relaxed)
    }

    // MARK: - Placement

    private mutating func place(_ unit: Int, depth: Int, forbidden: [Int], random: inout SeededRandom) -> Bool {
        let allowed = (0..<DemoTimetable.slotCount).filter { !forbidden.contains($0) && isAllowed(unit, at: $0) }
        var best: (score: Double, slot: Int)?
        for slot in allowed where conflicts(unit, at: slot).isEmpty {
            let score = self.score(unit, at: slot) + random.unit() * 1.5
            if best == nil || score < best!.score { best = (score, slot) }
        }
        if let best {
            assign(unit, to: best.slot)
            return true
        }
        guard depth > 0 else { return false }
        for slot in random.shuffled(allowed) {
            let blocking = conflicts(unit, at: slot)
            guard blocking.count == 1, let other = blocking.first, units[other].pinnedSlot == nil else { continue }
            let previous = slotOf[other]
            unassign(other)
            assign(unit, to: slot)
            if place(other, depth: depth - 1, forbidden: forbidden + [slot], random: &random) { return true }
            unassign(unit)
            assign(other, to: previous)
        }
        return false
    }

    /// Whether the unit's class may have a lesson at `slot`: within its daily count (or, relaxed, the parallel's
    /// daily maximum) and never in the elective's slot for the senior classes.
    private func isAllowed(_ unit: Int, at slot: Int) -> Bool {
        guard let classIndex = units[unit].classIndex else { return slot == electiveSlot }
        if slot == electiveSlot && electiveClasses.contains(classIndex) { return false }
        let day = slot / lessonsPerDay
        let lesson = slot % lessonsPerDay
        if !relaxed { return lesson < dailyTarget[classIndex][day] }
        let taken = (0..<lessonsPerDay).count { number in
            let occupant = classAt[classIndex][day * lessonsPerDay + number]
            return occupant != -1 && occupant != unit && number != lesson
        }
        return taken < DemoCurriculum.maxLessonsPerDay(parallel: classes[classIndex].parallel)
    }

    private func conflicts(_ unit: Int, at slot: Int) -> [Int] {
        var found: [Int] = []
        if let classIndex = units[unit].classIndex {
            let occupant = classAt[classIndex][slot]
            if occupant != -1 && occupant != unit { found.append(occupant) }
        }
        for teacher in units[unit].teachers {
            let occupant = teacherAt[teacher][slot]
            if occupant != -1 && occupant != unit && !found.contains(occupant) { found.append(occupant) }
        }
        return found
    }

    /// Lower is better: a subject once a day, demanding subjects away from the first and last bells, lessons
    /// early in the day when gaps are allowed.
    private func score(_ unit: Int, at slot: Int) -> Double {
        guard let classIndex = units[unit].classIndex else { return 0 }
        let day = slot / lessonsPerDay
        let lesson = slot % lessonsPerDay + 1
        let subject = DemoCurriculum.subject(units[unit].subject)
        var score = 0.0
        for number in 0..<lessonsPerDay {
            let occupant = classAt[classIndex][day * lessonsPerDay + number]
            if occupant != -1 && units[occupant].subject == units[unit].subject { score += 10 }
        }
        if subject.isDemanding && (lesson == 1 || lesson >= 6) { score += 2 }
        if subject.style == .activity && (2...3).contains(lesson) { score += 1 }
        if relaxed { score += Double(lesson) * 0.7 }
        return score
    }

    private mutating func assign(_ unit: Int, to slot: Int) {
        slotOf[unit] = slot
        if let classIndex = units[unit].classIndex { classAt[classIndex][slot] = unit }
        for teacher in units[unit].teachers { teacherAt[teacher][slot] = unit }
    }

    private mutating func unassign(_ unit: Int) {
        let slot = slotOf[unit]
        guard slot >= 0 else { return }
        if let classIndex = units[unit].classIndex, classAt[classIndex][slot] == unit { classAt[classIndex][slot] = -1 }
        for teacher in units[unit].teachers where teacherAt[teacher][slot] == unit { teacherAt[teacher][slot] = -1 }
        slotOf[unit] = -1
    }
}
