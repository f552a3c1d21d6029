import ZhurnalCore

/// Pupils, their families and parents, enrolments with the year's arrivals, departures and one transfer, and the
/// group memberships that follow the enrolments.
struct DemoPupils: Sendable {
    private(set) var pupils: [DemoPupil] = []
    /// Pupil person id → index in `pupils`.
    private(set) var index: [Int: Int] = [:]
    private(set) var enrolments: [DemoEnrolment] = []
    private(set) var memberships: [DemoMembership] = []
    private(set) var guardianships: [DemoGuardianship] = []
    /// Person ids of the parents, in id order (the teacher who is also a mother is not among them).
    private(set) var parents: [Int] = []
    /// The teacher who is also a pupil's mother.
    private(set) var teacherParent: Int?

    func pupil(_ person: Int) -> DemoPupil { pupils[index[person]!] }

    /// Families with two children in the school: about one in eight, as in an ordinary district school.
    static let siblingFamilyShare = 0.12

    private struct Family {
        var surname: String
        let father: RussianNames.FatherName
        let motherName: String
        let motherFather: RussianNames.FatherName
        let fatherFather: RussianNames.FatherName
        let hasMother: Bool
        let hasFather: Bool
        var children: [Int] = []
        var teacherMother: Int?
    }

    private struct Child {
        let classId: Int
        let parallel: Int
        let sex: RussianNames.Sex
        let firstName: String
        let birthDate: LocalDate
        var family: Int
    }

    static func make(
        classes: [DemoClass],
        groups: [DemoGroup],
        staff: DemoStaff,
        people: inout DemoPeople,
        calendar: DemoCalendar,
        random: inout SeededRandom
    ) -> DemoPupils {
        var result = DemoPupils()
        let year = calendar.yearStart.year
        var families: [Family] = []
        var children: [Child] = []
        for schoolClass in classes {
            for _ in 0..<schoolClass.size {
                let sex: RussianNames.Sex = random.chance(0.5) ? .male : .female
                // First graders are six and three quarters to seven and three quarters on 1 September.
                let born = LocalDate(year: year - 7 - schoolClass.parallel, month: 11, day: 1)!
                let composition = random.weighted([0.62, 0.32, 0.06])  // both parents, mother only, father only
                families.append(
                    Family(
                        surname: random.pick(RussianNames.surnames),
                        father: random.pick(RussianNames.fathers),
                        motherName: random.pick(RussianNames.women),
                        motherFather: random.pick(RussianNames.fathers),
                        fatherFather: random.pick(RussianNames.fathers),
                        hasMother: composition != 2,
                        hasFather: composition != 1,
                        children: [children.count]
                    )
                )
                children.append(
                    Child(
                        classId: schoolClass.id,
                        parallel: schoolClass.parallel,
                        sex: sex,
                        firstName: random.pick(sex == .male ? RussianNames.boys : RussianNames.girls),
                        birthDate: born.adding(days: random.below(395)),
                        family: families.count - 1
                    )
                )
            }
        }

        // Brothers and sisters: a pupil joins another's family, taking its surname and patronymic.
        let wantedPairs = Int((Double(children.count) * siblingFamilyShare / (1 + siblingFamilyShare)).rounded())
        var pairs = 0
        for _ in 0..<4 where pairs < wantedPairs {
            let order = random.shuffled(Array(children.indices))
            for position in stride(from: 0, to: order.count - 1, by: 2) where pairs < wantedPairs {
                let (elder, younger) = (order[position], order[position + 1])
                let gap = abs(children[elder].parallel - children[younger].parallel)
                guard gap >= 1, gap <= 6, families[children[elder].family].children.count == 1,
                    families[children[younger].family].children.count == 1
                else { continue }
                let joined = children[elder].family
                families[children[younger].family].children = []
                children[younger].family = joined
                families[joined].children.append(younger)
                pairs += 1
            }
        }

        // One teacher is also the mother of a pupil, as happens in every school.
        let teacherCandidates = random.shuffled(
            staff.teachers.filter { $0.specialism != .primary && $0.person != staff.deputy }.map(\.person)
                .filter { people[$0].sex == .female }
        )
        let familyCandidates = random.shuffled(Array(families.indices)).filter { index in
            families[index].hasMother && families[index].children.count == 1
                && (3...8).contains(children[families[index].children[0]].parallel)
        }
        if let teacher = teacherCandidates.first, let family = familyCandidates.first {
            let surname = people[teacher].lastName
            families[family].surname =
                RussianNames.surnames.first { RussianNames.surname($0, for: .female) == surname } ?? surname
            families[family].teacherMother = teacher
            result.teacherParent = teacher
            let child = children[families[family].children[0]]
            people[teacher].birthDate = child.birthDate.adding(days: -365 * random.int(26...36) - random.below(300))
        }

        let enrolledOn = calendar.yearStart.adding(days: -7)
        var personOf: [Int] = []  // child index → person id
        for child in children {
            let family = families[child.family]
            let person = people.add(
                lastName: RussianNames.surname(family.surname, for: child.sex),
                firstName: child.firstName,
                patronymic: RussianNames.patronymic(of: family.father, for: child.sex),
                birthDate: child.birthDate,
                sex: child.sex,
                createdOn: enrolledOn
            )
            personOf.append(person)
            result.index[person] = result.pupils.count
            var bias = (0..<SubjectKey.allCases.count).map { _ in 0.25 * random.normal() }
            bias[SubjectKey.physicalEducation.rawValue] += 0.35
            result.pupils.append(
                DemoPupil(
                    person: person,
                    classId: child.classId,
                    ability: min(5.2, max(2.6, 4.25 + 0.6 * random.normal())),
                    subjectBias: bias,
                    sickliness: [0.0, 0.5 + random.unit(), 2 + 1.5 * random.unit()][random.weighted([0.25, 0.6, 0.15])]
                )
            )
            result.enrolments.append(
                DemoEnrolment(
                    id: result.enrolments.count + 1,
                    pupil: person,
                    classId: child.classId,
                    span: DemoSpan(start: calendar.yearStart, end: nil),
                    reason: nil
                )
            )
        }

        result.applyChurn(classes: classes, people: &people, calendar: calendar, random: &random)

        // Parents, family by family in the order of their first child.
        for family in families where !family.children.isEmpty {
            let kids = family.children.map { personOf[$0] }
            let eldest = kids.map { people[$0].birthDate }.min()!
            let since = kids.map { people[$0].createdOn }.min()!
            var guardians: [(Int, String)] = []
            if let teacher = family.teacherMother {
                guardians.append((teacher, "мать"))
            } else if family.hasMother {
                let mother = people.add(
                    lastName: RussianNames.surname(family.surname, for: .female),
                    firstName: family.motherName,
                    patronymic: RussianNames.patronymic(of: family.motherFather, for: .female),
                    birthDate: eldest.adding(days: -365 * random.int(22...38) - random.below(300)),
                    sex: .female,
                    createdOn: since
                )
                result.parents.append(mother)
                guardians.append((mother, "мать"))
            }
            if family.hasFather {
                let father = people.add(
                    lastName: family.surname,
                    firstName: family.father.name,
                    patronymic: RussianNames.patronymic(of: family.fatherFather, for: .male),
                    birthDate: eldest.adding(days: -365 * random.int(24...42) - random.below(300)),
                    sex: .male,
                    createdOn: since
                )
                result.parents.append(father)
                guardians.append((father, "отец"))
            }
            for kid in kids {
                for (guardian, relation) in guardians {
                    result.guardianships.append(DemoGuardianship(guardian: guardian, pupil: kid, relation: relation))
                }
            }
        }

        result.makeMemberships(classes: classes, groups: groups, people: people, calendar: calendar)
        result.markSpecialCases(classes: classes, yearStart: calendar.yearStart, random: &random)
        return result
    }

    /// Two or three pupils arrive in October–November, one or two leave, one moves to a parallel class. Dates
    /// stay within the days already lived (`until`); when the demo's "today" is too early for one, it is left out.
    private mutating func applyChurn(
        classes: [DemoClass],
        people: inout DemoPeople,
        calendar: DemoCalendar,
        random: inout SeededRandom
    ) {
        let last = calendar.lastLessonDay
        var touched = Set<Int>()
        func pick(_ parallels: ClosedRange<Int>) -> Int? {
            let candidates = enrolments.indices.filter { index in
                !touched.contains(enrolments[index].pupil)
                    && parallels.contains(classes[enrolments[index].classId - 1].parallel)
            }
            guard !candidates.isEmpty else { return nil }
            let chosen = random.pick(candidates)
            touched.insert(enrolments[chosen].pupil)
            return chosen
        }
        func day(from: LocalDate, to: LocalDate, parallel: Int) -> LocalDate? {
            guard from <= to else { return nil }
            let days = calendar.teachingDays(in: DateSpan(from, to), parallel: parallel)
            return days.isEmpty ? nil : random.pick(days)
        }
        let year = calendar.yearStart.year
        let october = LocalDate(year: year, month: 10, day: 1)!
        let november30 = LocalDate(year: year, month: 11, day: 30)!
        let earliestArrival = last >= october ? october : calendar.yearStart.adding(days: 7)
        for _ in 0..<random.int(2...3) {
            guard let index = pick(2...9) else { break }
            let parallel = classes[enrolments[index].classId - 1].parallel
            guard let arrival = day(from: earliestArrival, to: min(november30, last), parallel: parallel) else { break }
            enrolments[index].span = DemoSpan(start: arrival, end: nil)
            enrolments[index].reason = "зачисление в порядке перевода из другой образовательной организации"
            people[enrolments[index].pupil].createdOn = arrival
        }
        for _ in 0..<random.int(1...2) {
            guard let index = pick(2...11) else { break }
            let parallel = classes[enrolments[index].classId - 1].parallel
            guard
                let leaving = day(
                    from: calendar.yearStart.adding(days: 14),
                    to: last.adding(days: -1),
                    parallel: parallel
                )
            else { break }
            enrolments[index].span.end = leaving
            enrolments[index].reason = "отчисление в связи с переводом в другую школу (переезд)"
        }
        if let index = pick(5...9) {
            let from = classes[enrolments[index].classId - 1]
            let targets = classes.filter { $0.parallel == from.parallel && $0.id != from.id }
            if let target = targets.first,
                let moved = day(
                    from: calendar.yearStart.adding(days: 19),
                    to: last.adding(days: -1),
                    parallel: from.parallel
                )
            {
                enrolments[index].span.end = moved
                enrolments[index].reason = "перевод в \(target.name) класс"
                enrolments.append(
                    DemoEnrolment(
                        id: enrolments.count + 1,
                        pupil: enrolments[index].pupil,
                        classId: target.id,
                        span: DemoSpan(start: moved.adding(days: 1), end: nil),
                        reason: "перевод из \(from.name) класса"
                    )
                )
            }
        }
    }

    /// English subgroups split each class by the alphabetical list (first half, second half); later arrivals join
    /// the smaller group. The elective takes the seniors who are good at mathematics.
    private mutating func makeMemberships(
        classes: [DemoClass],
        groups: [DemoGroup],
        people: DemoPeople,
        calendar: DemoCalendar
    ) {
        var subgroups: [Int: [Int]] = [:]  // class id → its two group ids
        for group in groups where group.kind == .subgroup { subgroups[group.classId!, default: []].append(group.id) }
        var sizes: [Int: Int] = [:]
        let byClass = Dictionary(grouping: enrolments, by: \.classId)
        for schoolClass in classes {
            guard let pair = subgroups[schoolClass.id] else { continue }
            let list = (byClass[schoolClass.id] ?? []).sorted { left, right in
                let a = people[left.pupil]
                let b = people[right.pupil]
                return (left.span.start, a.lastName, a.firstName, a.id) < (
                    right.span.start, b.lastName, b.firstName, b.id
                )
            }
            let initial = list.filter { $0.span.start == calendar.yearStart }
            let half = (initial.count + 1) / 2
            for (position, enrolment) in list.enumerated() {
                let group: Int
                if position < initial.count {
                    group = position < half ? pair[0] : pair[1]
                } else {
                    group = (sizes[pair[0]] ?? 0) <= (sizes[pair[1]] ?? 0) ? pair[0] : pair[1]
                }
                sizes[group, default: 0] += 1
                memberships.append(DemoMembership(groupId: group, pupil: enrolment.pupil, span: enrolment.span))
            }
        }
        memberships.sort { ($0.groupId, $0.span.start, $0.pupil) < ($1.groupId, $1.span.start, $1.pupil) }

        guard let elective = groups.first(where: { $0.kind == .crossClass }) else { return }
        // An elective group is one class's worth: the seniors strongest in mathematics, at most 25.
        let seniors = enrolments.filter { classes[$0.classId - 1].parallel >= 10 }
        let traits = pupils
        let positions = index
        func strength(_ enrolment: DemoEnrolment) -> Double {
            let pupil = traits[positions[enrolment.pupil]!]
            return pupil.ability + pupil.subjectBias[SubjectKey.algebra.rawValue]
        }
        let chosen = seniors.sorted { (strength($0), -$0.pupil) > (strength($1), -$1.pupil) }
            .prefix(min(25, max(1, seniors.count / 4)))
            .sorted { $0.pupil < $1.pupil }
        for enrolment in chosen {
            memberships.append(DemoMembership(groupId: elective.id, pupil: enrolment.pupil, span: enrolment.span))
        }
    }

    /// Two pupils exempt from PE, and one or two with a long illness in the first months: they give the term
    /// marks their «осв» and «н/а».
    private mutating func markSpecialCases(classes: [DemoClass], yearStart: LocalDate, random: inout SeededRandom) {
        let churned = Set(enrolments.filter { $0.span.start != yearStart || $0.span.end != nil }.map(\.pupil))
        var candidates = random.shuffled(
            pupils.indices.filter { index in
                !churned.contains(pupils[index].person) && (3...9).contains(classes[pupils[index].classId - 1].parallel)
            }
        )
        for _ in 0..<2 where !candidates.isEmpty { pupils[candidates.removeLast()].exemptFromPE = true }
        for _ in 0..<random.int(1...2) where !candidates.isEmpty { pupils[candidates.removeLast()].longIllness = true }
    }
}
