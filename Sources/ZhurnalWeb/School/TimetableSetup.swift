import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// A class's — or a group across classes' — courses and weekly timetable for the administrator's pages and the API
/// alike: `.manageStructure`, the rules of ``TimetableRules`` against the school as it stands in the writing
/// transaction, and the new week laid onto the owner's days from then on.
struct TimetableSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// The class or the group across classes whose week it is.
    struct Owner: Sendable {
        let key: Timetables.Owner
        let title: String
        /// The class's subgroups, for a course taught to one of them; none for a group.
        let subgroups: [SchoolGroups.Group]
    }

    struct View: Sendable {
        let calendar: YearCalendar
        let owner: Owner
        let courses: [Timetables.ClassCourse]
        let week: [TimetableRules.Cell]
        let on: LocalDate
        let bells: [SchoolRulebook.Bell]
        let subjects: [SchoolRulebook.Subject]
        let teachers: [(id: Int, name: String)]
    }

    func view(_ key: Timetables.Owner, on date: LocalDate?, context: AppRequestContext, path: String) async throws -> View {
        let school = try await manager(context, path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            let (calendar, owner) = try await Self.owner(key, school: school, today: today, in: sql)
            let on = date ?? min(max(today, calendar.span.start), calendar.span.end)
            let book = try await SchoolRulebook.book(school: school, in: sql)
            return View(
                calendar: calendar,
                owner: owner,
                courses: try await Timetables.courses(school: school, of: key, in: sql),
                week: try await Timetables.week(school: school, of: key, on: on, in: sql),
                on: on,
                bells: book.bells,
                subjects: book.subjects,
                teachers: try await SchoolClasses.teachers(school: school, in: sql)
            )
        }
    }

    /// Saves the week from `from` and returns how many lessons were laid onto the days from then (or from today).
    func save(_ key: Timetables.Owner, from text: String, cells: [TimetableRules.Cell], context: AppRequestContext, path: String) async throws -> Int
    {
        let school = try await manager(context, path)
        guard let from = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw AppError.invalid("bad_date", "Дата начала расписания — в виде ГГГГ-ММ-ДД.")
        }
        let today = SchoolCalendar.today(clock())
        let now = Timestamp.string(clock())
        return try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            let (calendar, _) = try await Self.owner(key, school: school, today: today, in: sql)
            guard calendar.span.contains(from) else {
                throw AppError.invalid("bad_date", "Дата \(from.russian) — вне учебного года \(calendar.title).")
            }
            let courses = try await Timetables.courses(school: school, of: key, in: sql)
            let checked: [TimetableRules.Cell]
            do {
                checked = try TimetableRules.check(
                    cells: cells,
                    teachers: Dictionary(uniqueKeysWithValues: courses.map { ($0.id, $0.teacherIDs) }),
                    groups: courses.reduce(into: [:]) { groups, course in groups[course.id] = course.groupID },
                    bells: Set(try await SchoolRulebook.book(school: school, in: sql).bells.map(\.number)),
                    busy: try await Timetables.busy(school: school, year: calendar.yearID, except: key, on: from, in: sql)
                )
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
            // Today's lessons may be held and not yet written down (teachers have until midnight): they stay.
            let firstLesson = max(from, today.adding(days: 1))
            try await Timetables.replace(school: school, owner: key, cells: checked, from: from, firstLesson: firstLesson, in: sql)
            guard let last = calendar.periods.map(\.span.end).max(), firstLesson <= last else { return 0 }
            return try await TimetableLessons.generate(
                school: school,
                calendar: calendar,
                span: DateSpan(firstLesson, last),
                only: key,
                now: now,
                in: sql
            ).new.count
        }
    }

    /// A course of the owner; for a class, of one of its subgroups when `groupID` names one.
    func addCourse(
        _ key: Timetables.Owner,
        groupID: Int? = nil,
        subjectID: Int?,
        kind: String,
        grading: String,
        hours: Int?,
        teacherID: Int?,
        context: AppRequestContext,
        path: String
    ) async throws -> Int {
        let school = try await manager(context, path)
        guard let kind = JournalKind(rawValue: kind) else { throw AppError.invalid("bad_kind", "Неизвестный вид журнала.") }
        guard let grading = Grading(rawValue: grading) else { throw AppError.invalid("bad_grading", "Неизвестный способ оценивания.") }
        let today = SchoolCalendar.today(clock())
        return try await database.write { sql in
            let (calendar, owner) = try await Self.owner(key, school: school, today: today, in: sql)
            let book = try await SchoolRulebook.book(school: school, in: sql)
            let group: Int?
            switch key {
            case .schoolClass:
                guard groupID == nil || owner.subgroups.contains(where: { $0.id == groupID }) else {
                    throw AppError.invalid("unknown_group", "Это не подгруппа класса.")
                }
                group = groupID
            case .group(let id): group = id
            }
            guard let subject = book.subjects.first(where: { $0.id == subjectID }) else {
                throw AppError.invalid("unknown_subject", "Такого предмета в школе нет.")
            }
            let courses = try await Timetables.courses(school: school, of: key, in: sql)
            let roles = try await Correspondents.roles(school: school, people: [teacherID ?? -1], in: sql)[teacherID ?? -1] ?? []
            do {
                try TimetableRules.course(
                    kind: kind,
                    grading: grading,
                    hours: hours ?? -1,
                    teacherRoles: roles,
                    duplicate: courses.contains { $0.subjectID == subject.id && $0.kind == kind && $0.groupID == group }
                )
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
            var classID: Int?
            if case .schoolClass(let id) = key { classID = id }
            return try await Timetables.addCourse(
                school: school,
                year: calendar.yearID,
                classID: classID,
                groupID: group,
                subjectID: subject.id,
                kind: kind,
                grading: grading,
                hours: hours ?? 0,
                teacherID: teacherID ?? 0,
                in: sql
            )
        }
    }

    /// The course's teachers — one or several (a course taught by two, DOMAIN.md §2) — each a working teacher of the
    /// school; the first leads it.
    func setTeachers(_ key: Timetables.Owner, courseID: Int, teachers: [Int], context: AppRequestContext, path: String) async throws {
        let school = try await manager(context, path)
        let today = SchoolCalendar.today(clock())
        var unique: [Int] = []
        for teacher in teachers where !unique.contains(teacher) { unique.append(teacher) }
        guard !unique.isEmpty, unique.count <= 5 else {
            throw AppError.invalid("bad_teachers", "У курса от одного до пяти учителей.")
        }
        try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            _ = try await Self.owner(key, school: school, today: today, in: sql)
            guard try await Timetables.courses(school: school, of: key, in: sql).contains(where: { $0.id == courseID }) else {
                throw AppError.notFound
            }
            let candidates = Set(try await SchoolClasses.teachers(school: school, in: sql).map(\.id))
            guard Set(unique).isSubset(of: candidates) else {
                throw AppError.invalid("not_a_teacher", "Курс ведут работающие учителя школы.")
            }
            try await Timetables.setTeachers(school: school, course: courseID, teachers: unique, today: today, in: sql)
        }
    }

    private func manager(_ context: AppRequestContext, _ path: String) async throws -> Int {
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path).schoolID
    }

    /// The class or the group across classes, which must be of the year being set up.
    static func owner(
        _ key: Timetables.Owner,
        school: Int,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> (YearCalendar, Owner) {
        switch key {
        case .schoolClass(let classID):
            let (calendar, schoolClass) = try await schoolClass(classID, school: school, today: today, in: sql)
            let subgroups = try await SchoolGroups.of(school: school, year: calendar.yearID, today: today, in: sql).filter { $0.classID == classID }
            return (calendar, Owner(key: key, title: schoolClass.name, subgroups: subgroups))
        case .group(let groupID):
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw CalendarSetup.noYear }
            // A subgroup's week is its class's: its courses sit beside the other subgroups' there.
            guard let found = try await SchoolGroups.group(school: school, id: groupID, today: today, in: sql), found.year == calendar.yearID,
                !found.group.isSubgroup
            else { throw AppError.notFound }
            return (calendar, Owner(key: key, title: found.group.title, subgroups: []))
        }
    }

    /// The class, which must be one of the year being set up.
    static func schoolClass(
        _ classID: Int,
        school: Int,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> (YearCalendar, SchoolClass) {
        guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw CalendarSetup.noYear }
        guard let found = try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql).first(where: { $0.id == classID })
        else {
            throw AppError.notFound
        }
        return (calendar, found)
    }
}
