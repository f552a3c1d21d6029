import ZhurnalCore

/// Everything about the demo school except the journal, built in memory from the options: the journal
/// (`DemoJournal`) is generated while it is written.
struct DemoPlan: Sendable {
    let options: DemoOptions
    let calendar: DemoCalendar
    let classes: [DemoClass]
    let groups: [DemoGroup]
    let courses: [DemoCourse]
    let people: DemoPeople
    let staff: DemoStaff
    let pupils: DemoPupils
    let timetable: DemoTimetable
    let accounts: [DemoAccounts.Planned]

    static func build(_ options: DemoOptions, progress: @Sendable (String) -> Void) throws -> DemoPlan {
        let seed = options.seed
        let calendar = DemoCalendar(until: options.until)
        progress(
            "Учебный год \(calendar.title): четверти для 1–9 классов, полугодия для 10–11, "
                + DemoText.count(calendar.holidays.count, "период", "периода", "периодов") + " каникул и праздников"
        )

        var classRandom = SeededRandom(seed: seed, stream: "classes")
        var classes = DemoClasses.make(students: options.students, random: &classRandom)
        let structure = DemoClasses.courses(for: classes)
        let groups = structure.groups
        var courses = structure.courses
        progress(
            "Классы: \(classes.count), учеников: \(DemoText.grouped(options.students)), "
                + DemoText.count(courses.count, "курс", "курса", "курсов")
        )

        var people = DemoPeople()
        var staffRandom = SeededRandom(seed: seed, stream: "staff")
        let staff = DemoStaff.make(
            classes: &classes,
            courses: &courses,
            people: &people,
            calendar: calendar,
            random: &staffRandom
        )
        let loads = staff.teachers.filter { $0.person != staff.deputy }.map(\.load)
        progress(
            "Педагоги: \(staff.teachers.count) (нагрузка \(loads.min() ?? 0)–\(loads.max() ?? 0) ч в неделю), "
                + "директор, заместитель по УВР, администратор"
        )

        var pupilRandom = SeededRandom(seed: seed, stream: "pupils")
        let pupils = DemoPupils.make(
            classes: classes,
            groups: groups,
            staff: staff,
            people: &people,
            calendar: calendar,
            random: &pupilRandom
        )
        progress(
            "Ученики и семьи: \(DemoText.count(pupils.pupils.count, "ученик", "ученика", "учеников")), "
                + DemoText.count(pupils.parents.count, "родитель", "родителя", "родителей")
        )

        var timetableRandom = SeededRandom(seed: seed, stream: "timetable")
        let timetable = try DemoTimetable.make(
            classes: classes,
            courses: courses,
            staff: staff,
            random: &timetableRandom
        )
        progress(
            "Расписание: " + DemoText.count(timetable.entries.count, "урок", "урока", "уроков") + " в неделю"
                + (timetable.hasGaps ? " (с окнами)" : ", без окон")
        )

        let accounts = DemoAccounts.plan(people: people, staff: staff, classes: classes, pupils: pupils)
        return DemoPlan(
            options: options,
            calendar: calendar,
            classes: classes,
            groups: groups,
            courses: courses,
            people: people,
            staff: staff,
            pupils: pupils,
            timetable: timetable,
            accounts: accounts
        )
    }

    /// One account per role for the summary: a fifth-grader who stayed all year, his parent, his homeroom teacher,
    /// a teacher of his class who holds no other role.
    func samples(_ issued: [DemoAccount]) -> [(role: Role, account: DemoAccount)] {
        let byPerson = Dictionary(uniqueKeysWithValues: zip(accounts.map(\.person), issued))
        let rolesOf = Dictionary(uniqueKeysWithValues: accounts.map { ($0.person, $0.roles) })
        var result: [(role: Role, account: DemoAccount)] = []
        func add(_ role: Role, _ person: Int?) {
            if let person, let account = byPerson[person] { result.append((role, account)) }
        }
        add(.admin, staff.admin)
        add(.director, staff.director)
        add(.deputy, staff.deputy)

        let steady = pupils.enrolments.filter { $0.span.start == calendar.yearStart && $0.span.end == nil }
        let parentsOf = Dictionary(grouping: pupils.guardianships, by: \.pupil)
        let pupil = [5, 6, 7, 8, 9, 4, 3, 2, 10, 11, 1].lazy.compactMap { parallel in
            steady.first { enrolment in
                self.classes[enrolment.classId - 1].parallel == parallel
                    && (parentsOf[enrolment.pupil] ?? []).contains { rolesOf[$0.guardian] == [.parent] }
            }
        }.first
        let schoolClass = pupil.map { classes[$0.classId - 1] }
        // A plain teacher: no class of his own, no child in the school, not the deputy.
        let plain = { (person: Int) in rolesOf[person] == [.teacher] }
        let teacher =
            courses.first { $0.classId == schoolClass?.id && plain($0.teacher) }?.teacher
            ?? staff.teachers.first { plain($0.person) }?.person
        add(.teacher, teacher)
        add(.homeroom, schoolClass?.homeroomTeacher ?? classes.first?.homeroomTeacher)
        add(
            .parent,
            pupil.flatMap { enrolment in
                parentsOf[enrolment.pupil]?.first { rolesOf[$0.guardian] == [.parent] }?.guardian
            }
        )
        add(.student, pupil?.pupil)
        return result
    }
}
