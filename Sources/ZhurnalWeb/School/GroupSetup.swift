import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// Subgroups and groups across classes for the administrator's pages and the API alike: `.manageStructure`, then
/// ``GroupMembership`` against the members as stored, in the transaction that writes them.
struct GroupSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct Overview: Sendable {
        let groups: [SchoolGroups.Group]
        let classes: [SchoolClass]
    }

    func overview(context: AppRequestContext, path: String) async throws -> Overview {
        let school = try await manager(context, path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw CalendarSetup.noYear }
            return Overview(
                groups: try await SchoolGroups.of(school: school, year: calendar.yearID, today: today, in: sql),
                classes: try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql)
            )
        }
    }

    /// A subgroup of `classID`, or a group across classes when it is nil; returns its id.
    func create(title text: String, classID: Int?, context: AppRequestContext, path: String) async throws -> Int {
        let school = try await manager(context, path)
        let title: String
        do {
            title = try GroupMembership.checkTitle(text)
        } catch {
            throw AppError.invalid(error)
        }
        let today = SchoolCalendar.today(clock())
        return try await database.write { sql in
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw CalendarSetup.noYear }
            if let classID {
                guard try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql).contains(where: { $0.id == classID })
                else {
                    throw AppError.invalid("unknown_class", "Такого класса в учебном году нет.")
                }
            }
            let existing = try await SchoolGroups.of(school: school, year: calendar.yearID, today: today, in: sql)
            guard !existing.contains(where: { $0.classID == classID && $0.title == title }) else {
                throw AppError.invalid("duplicate_group", "Группа «\(title)» уже есть.")
            }
            return try await SchoolGroups.create(school: school, year: calendar.yearID, classID: classID, title: title, in: sql)
        }
    }

    struct Members: Sendable {
        let group: SchoolGroups.Group
        let date: LocalDate
        let members: [SchoolGroups.Pupil]
        /// Pupils one may add: the subgroup's class, or the class picked for a group across classes.
        let candidates: [SchoolGroups.Pupil]
        let classes: [SchoolClass]
        let pickedClass: Int?
    }

    func members(groupID: Int, on date: LocalDate?, candidatesOf picked: Int?, context: AppRequestContext, path: String) async throws -> Members {
        let school = try await manager(context, path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            let (calendar, group) = try await Self.group(groupID, school: school, today: today, in: sql)
            let date = date ?? min(max(today, calendar.span.start), calendar.span.end)
            let source = group.classID ?? picked
            let stretches = try await SchoolGroups.stretches(school: school, group: groupID, in: sql)
            let memberIDs = Set(stretches.filter { $0.covers(date) }.map(\.studentID))
            let everyone = try await SchoolGroups.pupils(school: school, year: calendar.yearID, classID: nil, on: date, in: sql)
            var candidates: [SchoolGroups.Pupil] = []
            if let source {
                candidates = try await SchoolGroups.pupils(school: school, year: calendar.yearID, classID: source, on: date, in: sql)
            }
            return Members(
                group: group,
                date: date,
                members: everyone.filter { memberIDs.contains($0.id) },
                candidates: candidates,
                classes: try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql),
                pickedClass: source
            )
        }
    }

    /// The group's members from `from` on are `wanted`; returns how many joined and left.
    func setMembers(
        groupID: Int,
        from text: String,
        wanted: Set<Int>,
        context: AppRequestContext,
        path: String
    ) async throws -> (joined: Int, left: Int) {
        try await setMembers(groupID: groupID, from: text, context: context, path: path) { _ in wanted }
    }

    /// The members from `from` on as `wanted` makes them of those on that day — read in the writing transaction, so
    /// that two administrators ticking pupils of different classes do not undo each other.
    func setMembers(
        groupID: Int,
        from text: String,
        context: AppRequestContext,
        path: String,
        wanted members: @escaping @Sendable (Set<Int>) -> Set<Int>
    ) async throws -> (joined: Int, left: Int) {
        let school = try await manager(context, path)
        guard let date = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw AppError.invalid("bad_date", "Дата — в виде ГГГГ-ММ-ДД.")
        }
        let today = SchoolCalendar.today(clock())
        return try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            let (calendar, group) = try await Self.group(groupID, school: school, today: today, in: sql)
            guard calendar.span.contains(date) else {
                throw AppError.invalid("bad_date", "Дата \(date.russian) — вне учебного года \(calendar.title).")
            }
            // A closed period's journals keep their lists.
            if let closed = calendar.periods.first(where: { $0.closed && $0.span.end >= date }) {
                throw AppError.invalid("period_closed", "Период «\(closed.title)» закрыт: состав группы меняют с даты после его конца.")
            }
            let current = try await SchoolGroups.stretches(school: school, group: groupID, in: sql)
            let wanted = members(Set(current.filter { $0.covers(date) }.map(\.studentID)))
            let eligible: Set<Int> =
                if let classID = group.classID {
                    Set(try await SchoolGroups.pupils(school: school, year: calendar.yearID, classID: classID, on: date, in: sql).map(\.id))
                } else {
                    try await SchoolGroups.enrolled(school: school, year: calendar.yearID, students: wanted, on: date, in: sql)
                }
            let plan: GroupMembership.Plan
            do {
                plan = try GroupMembership.plan(
                    current: current,
                    wanted: wanted,
                    eligible: eligible,
                    on: date
                )
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
            if try await SchoolGroups.entriesFrom(school: school, group: groupID, students: plan.left, date: date, in: sql) > 0 {
                throw AppError.invalid(
                    "has_entries_after",
                    "У выбывающих из группы есть отметки или пропуски в её журнале с \(date.russian): выберите дату после них."
                )
            }
            try await SchoolGroups.apply(plan, school: school, group: groupID, on: date, in: sql)
            let before = Set(current.filter { $0.covers(date) }.map(\.studentID))
            return (plan.opened.filter { !before.contains($0) }.count, plan.left.count)
        }
    }

    private func manager(_ context: AppRequestContext, _ path: String) async throws -> Int {
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path).schoolID
    }

    /// The group, which must be of the year being set up.
    private static func group(_ id: Int, school: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> (YearCalendar, SchoolGroups.Group) {
        guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw CalendarSetup.noYear }
        guard let found = try await SchoolGroups.group(school: school, id: id, today: today, in: sql), found.year == calendar.yearID else {
            throw AppError.notFound
        }
        return (calendar, found.group)
    }
}
