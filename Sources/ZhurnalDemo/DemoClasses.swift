import ZhurnalCore

/// Classes, their subgroups and courses.
enum DemoClasses {
    static let letters = [
        "А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О", "П", "Р", "С", "Т", "У", "Ф",
    ]
    static let largestClass = 30

    /// Spreads the pupils over the eleven parallels about evenly, two or three classes each. A big school keeps
    /// classes at 30 or fewer by opening more of them (Г, Д, …), as the sanitary rules make real schools do,
    /// rather than growing classes past what one room holds.
    static func make(students: Int, random: inout SeededRandom) -> [DemoClass] {
        let weights = (1...11).map { _ in 0.9 + 0.2 * random.unit() }
        let perParallel = apportion(students, weights: weights)
        var classes: [DemoClass] = []
        for parallel in 1...11 {
            let pupils = perParallel[parallel - 1]
            var count = max(2, (pupils + largestClass - 1) / largestClass)
            if count == 2 && pupils >= 54 && random.chance(0.5) { count = 3 }
            for (index, size) in sizes(pupils, classes: count, random: &random).enumerated() {
                classes.append(
                    DemoClass(id: classes.count + 1, parallel: parallel, letter: letter(index), size: size)
                )
            }
        }
        return classes
    }

    /// А, Б, … Ф, then А2, Б2, …: no real school has twenty classes in a parallel, a load test may.
    static func letter(_ index: Int) -> String {
        letters[index % letters.count] + (index < letters.count ? "" : String(index / letters.count + 1))
    }

    /// Whole numbers proportional to `weights` that add up to `total` (largest remainders).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let shares = weights.map { Double(total) * $0 / sum }
        var result = shares.map { Int($0) }
        let order = shares.indices.sorted {
            (shares[$0] - Double(result[$0]), $1) > (shares[$1] - Double(result[$1]), $0)
        }
        for index in order.prefix(total - result.reduce(0, +)) { result[index] += 1 }
        return result
    }

    /// Class sizes that vary by a few pupils, as real ones do, within 18–30 when the parallel allows.
    private static func sizes(_ pupils: Int, classes: Int, random: inout SeededRandom) -> [Int] {
        var sizes = (0..<classes).map { pupils / classes + ($0 < pupils % classes ? 1 : 0) }
        let low = max(1, min(18, pupils / classes))
        let high = max(largestClass, (pupils + classes - 1) / classes)
        for index in 0..<(classes - 1) {
            let shift = random.int(-3...3)
            if (low...high).contains(sizes[index] + shift) && (low...high).contains(sizes[index + 1] - shift) {
                sizes[index] += shift
                sizes[index + 1] -= shift
            }
        }
        return sizes
    }

    /// Every class's courses in curriculum order: English from the 2nd grade as two subgroups, «Разговоры о
    /// важном» as an extracurricular hour, and one elective group of the senior classes at the end.
    static func courses(for classes: [DemoClass]) -> (groups: [DemoGroup], courses: [DemoCourse]) {
        var groups: [DemoGroup] = []
        var courses: [DemoCourse] = []
        func addCourse(
            _ subject: SubjectKey,
            classId: Int?,
            groupId: Int? = nil,
            kind: JournalKind,
            grading: Grading,
            hours: Int,
            title: String? = nil,
            parallel: Int,
            subgroup: Int? = nil
        ) {
            courses.append(
                DemoCourse(
                    id: courses.count + 1,
                    subject: subject,
                    classId: classId,
                    groupId: groupId,
                    journalKind: kind,
                    grading: grading,
                    hours: hours,
                    title: title,
                    parallel: parallel,
                    subgroup: subgroup
                )
            )
        }
        for schoolClass in classes {
            let parallel = schoolClass.parallel
            for subject in DemoCurriculum.subjects where subject.hours(in: parallel) > 0 {
                let hours = subject.hours(in: parallel)
                switch subject.key {
                case .english:
                    for number in 1...2 {
                        let group = DemoGroup(
                            id: groups.count + 1,
                            classId: schoolClass.id,
                            title: "Английский язык, группа \(number)",
                            kind: .subgroup
                        )
                        groups.append(group)
                        addCourse(
                            .english,
                            classId: schoolClass.id,
                            groupId: group.id,
                            kind: .lesson,
                            grading: .marks,
                            hours: hours,
                            title: "\(subject.name), группа \(number)",
                            parallel: parallel,
                            subgroup: number
                        )
                    }
                case .importantTalks:
                    addCourse(
                        .importantTalks,
                        classId: schoolClass.id,
                        kind: .extracurricular,
                        grading: .ungraded,
                        hours: hours,
                        parallel: parallel
                    )
                default:
                    // The first grade is taught without marks (DOMAIN.md §9).
                    addCourse(
                        subject.key,
                        classId: schoolClass.id,
                        kind: .lesson,
                        grading: parallel == 1 ? .ungraded : .marks,
                        hours: hours,
                        parallel: parallel
                    )
                }
            }
        }
        let elective = DemoGroup(
            id: groups.count + 1,
            classId: nil,
            title: DemoCurriculum.electiveTitle,
            kind: .crossClass
        )
        groups.append(elective)
        addCourse(
            .electiveMath,
            classId: nil,
            groupId: elective.id,
            kind: .elective,
            grading: .marks,
            hours: DemoCurriculum.electiveHours,
            title: DemoCurriculum.electiveTitle,
            parallel: 10
        )
        return (groups, courses)
    }
}
