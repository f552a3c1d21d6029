import SQLKit
import ZhurnalCore

/// The period marks of a whole school for the deputy's metrics (DOMAIN.md §4), read in one statement whatever the
/// school's size: the hot path of every metrics report.
public enum SchoolResults {
    /// A period with its year, for choosing what to report on.
    public struct Period: Sendable, Hashable {
        public let id: Int
        public let yearID: Int
        public let kind: PeriodKind
        public let number: Int
        public let title: String
        public let span: DateSpan
        public let closed: Bool

        /// The day whose lists are counted: the period's last day, or today while it runs, or its first day before.
        public func referenceDay(today: LocalDate) -> LocalDate {
            min(max(today, span.start), span.end)
        }
    }

    /// The names a report's rows are labelled with.
    public struct Labels: Sendable {
        public var classes: [Int: String] = [:]
        public var subjects: [Int: String] = [:]
        public var teachers: [Int: String] = [:]
        /// Subjects in the school's order, for ordering the rows.
        public var subjectOrder: [Int: Int] = [:]
    }

    /// The periods of the school's years, latest year first, then by kind and number. One statement.
    public static func periods(school: Int, in sql: any SQLDatabase) async throws -> [Period] {
        try await sql.raw(
            """
            SELECT p.id, p.year_id, p.kind, p.number, p.title, p.starts_on, p.ends_on, p.closed_at
            FROM periods p JOIN academic_years y ON y.school_id = p.school_id AND y.id = p.year_id
            WHERE p.school_id = \(bind: school)
            ORDER BY y.starts_on DESC, p.kind, p.number
            """
        ).all().map { row in
            guard let start = LocalDate(iso: try row.decode(column: "starts_on", as: String.self)),
                let end = LocalDate(iso: try row.decode(column: "ends_on", as: String.self)), start <= end
            else { throw StoreError.rejected("В календаре года испорчены даты.") }
            return Period(
                id: try row.decode(column: "id", as: Int.self),
                yearID: try row.decode(column: "year_id", as: Int.self),
                kind: PeriodKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .custom,
                number: try row.decode(column: "number", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                span: DateSpan(start, end),
                closed: try row.decode(column: "closed_at", as: String?.self) != nil
            )
        }
    }

    /// The pupils of the classes that keep `period`'s kind of periods, enrolled on `day`, with the period marks of
    /// the year's graded lesson courses (not extracurricular ones, nor ungraded ones) and whom each course was for on
    /// that day. One statement.
    public static func results(school: Int, period: Period, on day: LocalDate, in sql: any SQLDatabase) async throws -> (PeriodResults, Labels) {
        var select = MixedSelect([
            "a": .integer, "b": .integer, "c": .integer, "d": .integer, "t": .text, "u": .text, "v": .text,
        ])
        select.add(
            "pupil",
            ["a": "e.student_id", "b": "k.id", "c": "k.parallel", "t": "k.letter"],
            """
            FROM enrolments e JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            WHERE e.school_id = \(bind: school) AND k.year_id = \(bind: period.yearID) AND k.period_kind = \(bind: period.kind.rawValue)
              AND e.starts_on <= \(bind: day.iso) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day.iso))
            """
        )
        select.add(
            "course",
            ["a": "c.id", "b": "c.subject_id", "c": "c.class_id", "d": "c.group_id", "t": "s.name", "u": "CAST(s.sort_order AS TEXT)"],
            """
            FROM courses c JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            WHERE c.school_id = \(bind: school) AND c.year_id = \(bind: period.yearID) AND c.journal_kind = 'lesson' AND c.grading <> 'ungraded'
            """
        )
        select.add(
            "teacher",
            ["a": "ct.course_id", "b": "p.id", "t": "p.last_name", "u": "p.first_name", "v": "p.patronymic"],
            """
            FROM course_teachers ct JOIN courses c ON c.school_id = ct.school_id AND c.id = ct.course_id
            JOIN people p ON p.school_id = ct.school_id AND p.id = ct.teacher_id
            WHERE ct.school_id = \(bind: school) AND c.year_id = \(bind: period.yearID)
            """
        )
        select.add(
            "member",
            ["a": "m.group_id", "b": "m.student_id"],
            """
            FROM group_members m JOIN groups g ON g.school_id = m.school_id AND g.id = m.group_id
            WHERE m.school_id = \(bind: school) AND g.year_id = \(bind: period.yearID)
              AND m.starts_on <= \(bind: day.iso) AND (m.ends_on IS NULL OR m.ends_on >= \(bind: day.iso))
            """
        )
        select.add(
            "mark",
            ["a": "t.course_id", "b": "t.student_id", "t": "t.value"],
            "FROM term_marks t WHERE t.school_id = \(bind: school) AND t.period_id = \(bind: period.id)"
        )
        let rows = try await select.rows(in: sql)
        var labels = Labels()
        var pupils: [PeriodResults.Pupil] = []
        var classPupils: [Int: [Int]] = [:]
        for row in rows["pupil"] ?? [] {
            let pupil = PeriodResults.Pupil(
                id: try row.decode(column: "a", as: Int.self),
                classID: try row.decode(column: "b", as: Int.self),
                parallel: try row.decode(column: "c", as: Int.self)
            )
            pupils.append(pupil)
            classPupils[pupil.classID, default: []].append(pupil.id)
            labels.classes[pupil.classID] = "\(pupil.parallel)\(try row.decode(column: "t", as: String.self))"
        }
        var groupPupils: [Int: [Int]] = [:]
        for row in rows["member"] ?? [] {
            groupPupils[try row.decode(column: "a", as: Int.self), default: []].append(try row.decode(column: "b", as: Int.self))
        }
        var teachers: [Int: [Int]] = [:]
        for row in rows["teacher"] ?? [] {
            let teacher = try row.decode(column: "b", as: Int.self)
            teachers[try row.decode(column: "a", as: Int.self), default: []].append(teacher)
            labels.teachers[teacher] = PersonName.full(
                lastName: try row.decode(column: "t", as: String.self),
                firstName: try row.decode(column: "u", as: String.self),
                patronymic: try row.decode(column: "v", as: String?.self)
            )
        }
        var courses: [PeriodResults.Course] = []
        for row in rows["course"] ?? [] {
            let id = try row.decode(column: "a", as: Int.self)
            let subject = try row.decode(column: "b", as: Int.self)
            labels.subjects[subject] = try row.decode(column: "t", as: String.self)
            labels.subjectOrder[subject] = Int(try row.decode(column: "u", as: String.self)) ?? 0
            let members: [Int]? =
                if let group = try row.decode(column: "d", as: Int?.self) { groupPupils[group] } else {
                    try row.decode(column: "c", as: Int?.self).flatMap { classPupils[$0] }
                }
            guard let members, !members.isEmpty else { continue }
            courses.append(PeriodResults.Course(id: id, subjectID: subject, teacherIDs: (teachers[id] ?? []).sorted(), pupilIDs: members.sorted()))
        }
        var marks: [PeriodResults.Entry: MarkValue] = [:]
        for row in rows["mark"] ?? [] {
            guard let value = MarkValue(canonical: try row.decode(column: "t", as: String.self)) else { continue }
            marks[PeriodResults.Entry(courseID: try row.decode(column: "a", as: Int.self), pupilID: try row.decode(column: "b", as: Int.self))] =
                value
        }
        return (
            PeriodResults(pupils: pupils.sorted { $0.id < $1.id }, courses: courses.sorted { $0.id < $1.id }, marks: marks),
            labels
        )
    }
}

extension SchoolResults {
    /// The full names of the school's people among `ids`, for the pupils' lists. One statement (none for no ids).
    public static func names(school: Int, of ids: Set<Int>, in sql: any SQLDatabase) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int: String] = [:]
        for row in try await sql.raw(
            """
            SELECT id, last_name, first_name, patronymic FROM people
            WHERE school_id = \(bind: school) AND id IN (\(binds: ids.sorted()))
            """
        ).all() {
            names[try row.decode(column: "id", as: Int.self)] = try PersonName.full(row)
        }
        return names
    }
}

extension SchoolResults {
    /// The names of the installation's schools among `ids`, for an observer's choice. One statement (none for none).
    public static func schoolNames(_ ids: Set<Int>, in sql: any SQLDatabase) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int: String] = [:]
        for row in try await sql.raw("SELECT id, name FROM schools WHERE id IN (\(binds: ids.sorted()))").all() {
            names[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }
}
