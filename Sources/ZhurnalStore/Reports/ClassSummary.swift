import SQLKit
import ZhurnalCore

/// A class's сводная ведомость (issue 7, item 6): its pupils down, its subjects across, and in each cell the pupil's
/// period, year, exam and final marks of that subject — from whichever of the subject's courses he was in (a class
/// split into subgroups has two courses of one subject). Three statements.
public struct ClassSummary: Sendable {
    public struct Pupil: Sendable, Hashable {
        public let id: Int
        public let name: String
    }

    public struct Subject: Sendable, Hashable {
        public let id: Int
        public let name: String
    }

    public let classID: Int
    public let className: String
    /// The periods of the class's year and kind, in order.
    public let periods: [SchoolResults.Period]
    public let pupils: [Pupil]
    public let subjects: [Subject]
    /// Canonical mark texts by pupil, subject and slot.
    public let marks: [Int: [Int: [TermMarkSlot: String]]]

    public func mark(_ pupil: Int, _ subject: Int, _ slot: TermMarkSlot) -> String? {
        marks[pupil]?[subject]?[slot]
    }

    /// Whether anybody in the class has a mark of `slot` in `subject`: an exam column is shown only where there were exams.
    public func hasMarks(_ subject: Int, _ slot: TermMarkSlot) -> Bool {
        marks.values.contains { $0[subject]?[slot] != nil }
    }

    /// The class of the school with its pupils enrolled on `day` (clamped into its year), the year's graded lesson
    /// courses they were in and their term marks; nil for no such class.
    public static func load(school: Int, classID: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> ClassSummary? {
        let head = try await sql.raw(
            """
            SELECT k.parallel, k.letter, k.year_id, k.period_kind, y.starts_on, y.ends_on
            FROM classes k JOIN academic_years y ON y.school_id = k.school_id AND y.id = k.year_id
            WHERE k.school_id = \(bind: school) AND k.id = \(bind: classID)
            """
        ).first()
        guard let head else { return nil }
        let year = try head.decode(column: "year_id", as: Int.self)
        let kind = try head.decode(column: "period_kind", as: String.self)
        let start = try head.decode(column: "starts_on", as: String.self)
        let end = try head.decode(column: "ends_on", as: String.self)
        let day = min(max(today.iso, start), end)
        var select = MixedSelect(["a": .integer, "b": .integer, "c": .integer, "t": .text, "u": .text, "v": .text])
        select.add(
            "pupil",
            ["a": "p.id", "t": "p.last_name", "u": "p.first_name", "v": "p.patronymic"],
            """
            FROM enrolments e JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
            WHERE e.school_id = \(bind: school) AND e.class_id = \(bind: classID)
              AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            """
        )
        select.add(
            "mark",
            ["a": "t.student_id", "b": "c.subject_id", "c": "t.period_id", "t": "t.kind", "u": "t.value", "v": "s.name"],
            """
            FROM term_marks t JOIN courses c ON c.school_id = t.school_id AND c.id = t.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            JOIN enrolments e ON e.school_id = t.school_id AND e.student_id = t.student_id AND e.class_id = \(bind: classID)
              AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            WHERE t.school_id = \(bind: school) AND c.year_id = \(bind: year) AND c.journal_kind = 'lesson'
            """
        )
        select.add(
            "subject",
            ["a": "s.id", "b": "s.sort_order", "t": "s.name"],
            """
            FROM subjects s WHERE s.school_id = \(bind: school) AND s.id IN (
              SELECT subject_id FROM courses WHERE school_id = \(bind: school) AND class_id = \(bind: classID)
                AND journal_kind = 'lesson' AND grading <> 'ungraded')
            """
        )
        let rows = try await select.rows(in: sql)
        let periods = try await SchoolResults.periods(school: school, in: sql).filter { $0.yearID == year && $0.kind.rawValue == kind }
        let pupils = try (rows["pupil"] ?? []).map { row in
            Pupil(
                id: try row.decode(column: "a", as: Int.self),
                name: PersonName.full(
                    lastName: try row.decode(column: "t", as: String.self),
                    firstName: try row.decode(column: "u", as: String.self),
                    patronymic: try row.decode(column: "v", as: String?.self)
                )
            )
        }
        var subjects: [Int: (order: Int, name: String)] = [:]
        for row in rows["subject"] ?? [] {
            subjects[try row.decode(column: "a", as: Int.self)] = (
                try row.decode(column: "b", as: Int.self), try row.decode(column: "t", as: String.self)
            )
        }
        var marks: [Int: [Int: [TermMarkSlot: String]]] = [:]
        for row in rows["mark"] ?? [] {
            let subject = try row.decode(column: "b", as: Int.self)
            // A cross-class group's subject is not among the class's own courses: it joins the sheet with its marks.
            if subjects[subject] == nil { subjects[subject] = (Int.max, try row.decode(column: "v", as: String.self)) }
            let slot: TermMarkSlot? =
                switch try row.decode(column: "t", as: String.self) {
                case "period": try row.decode(column: "c", as: Int?.self).map(TermMarkSlot.period)
                case "year": .year
                case "exam": .exam
                case "final": .final
                default: nil
                }
            guard let slot else { continue }
            marks[try row.decode(column: "a", as: Int.self), default: [:]][subject, default: [:]][slot] = try row.decode(column: "u", as: String.self)
        }
        return ClassSummary(
            classID: classID,
            className: "\(try head.decode(column: "parallel", as: Int.self))\(try head.decode(column: "letter", as: String.self))",
            periods: periods.sorted { ($0.number, $0.id) < ($1.number, $1.id) },
            pupils: pupils.map { (key: RussianOrder.key([$0.name], foldingYo: true), pupil: $0) }
                .sorted { $0.key == $1.key ? $0.pupil.id < $1.pupil.id : $0.key.lexicographicallyPrecedes($1.key) }.map(\.pupil),
            subjects: subjects.sorted { ($0.value.order, $0.value.name) < ($1.value.order, $1.value.name) }.map {
                Subject(id: $0.key, name: $0.value.name)
            },
            marks: marks
        )
    }
}
