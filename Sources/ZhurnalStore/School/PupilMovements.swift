import SQLKit
import ZhurnalCore

/// A pupil's enrolments as his history, and the changes ``PupilMovement`` decided, written in the caller's transaction.
public enum PupilMovements {
    public struct Pupil: Sendable {
        public let name: String
        public let enrolments: [PupilMovement.Enrolment]
        /// Why each enrolment began and ended, by its id.
        public let reasons: [Int: (began: String?, ended: String?)]
    }

    /// The person and his enrolments in the year's classes, oldest first; nil when the school has no such person.
    /// One statement.
    public static func pupil(school: Int, person: Int, year: Int, in sql: any SQLDatabase) async throws -> Pupil? {
        let rows = try await sql.raw(
            """
            SELECT p.last_name, p.first_name, p.patronymic, e.id, e.class_id, k.parallel, k.letter, e.starts_on, e.ends_on, e.reason, e.end_reason
            FROM people p
            LEFT JOIN enrolments e ON e.school_id = p.school_id AND e.student_id = p.id
              AND e.class_id IN (SELECT id FROM classes WHERE school_id = \(bind: school) AND year_id = \(bind: year))
            LEFT JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            WHERE p.school_id = \(bind: school) AND p.id = \(bind: person)
            ORDER BY e.starts_on
            """
        ).all()
        guard let first = rows.first else { return nil }
        var enrolments: [PupilMovement.Enrolment] = []
        var reasons: [Int: (String?, String?)] = [:]
        for row in rows {
            guard let id = try row.decode(column: "id", as: Int?.self),
                let starts = LocalDate(iso: try row.decode(column: "starts_on", as: String.self))
            else { continue }
            enrolments.append(
                .init(
                    id: id,
                    classID: try row.decode(column: "class_id", as: Int.self),
                    className: "\(try row.decode(column: "parallel", as: Int.self))\(try row.decode(column: "letter", as: String.self))",
                    startsOn: starts,
                    endsOn: try row.decode(column: "ends_on", as: String?.self).flatMap { LocalDate(iso: $0) }
                )
            )
            reasons[id] = (try row.decode(column: "reason", as: String?.self), try row.decode(column: "end_reason", as: String?.self))
        }
        return Pupil(name: try PersonName.full(first), enrolments: enrolments, reasons: reasons)
    }

    /// The last day the pupil has a mark or an absence in a lesson of the class (its own courses and its subgroups').
    public static func lastEntry(school: Int, student: Int, classID: Int, in sql: any SQLDatabase) async throws -> LocalDate? {
        try await sql.raw(
            """
            SELECT MAX(l.lesson_date) AS last FROM lessons l
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            WHERE l.school_id = \(bind: school) AND COALESCE(c.class_id, g.class_id) = \(bind: classID)
              AND (l.id IN (SELECT lesson_id FROM marks WHERE school_id = \(bind: school) AND student_id = \(bind: student))
                OR l.id IN (SELECT lesson_id FROM attendance WHERE school_id = \(bind: school) AND student_id = \(bind: student)))
            """
        ).first()?.decode(column: "last", as: String?.self).flatMap { LocalDate(iso: $0) }
    }

    /// Ends the old enrolment (and his places in the old class's subgroups, and — when he leaves the school — in the
    /// groups across classes) and opens the new one.
    public static func apply(
        _ change: PupilMovement.Change,
        school: Int,
        student: Int,
        reason: String?,
        in sql: any SQLDatabase
    ) async throws {
        if let closing = change.closing {
            try await sql.raw(
                """
                UPDATE enrolments SET ends_on = \(bind: closing.lastDay.iso), end_reason = \(bind: reason)
                WHERE school_id = \(bind: school) AND id = \(bind: closing.enrolmentID)
                """
            ).run()
            try await sql.raw(
                """
                UPDATE group_members SET ends_on = \(bind: closing.lastDay.iso)
                WHERE school_id = \(bind: school) AND student_id = \(bind: student)
                  AND (group_id IN (SELECT g.id FROM groups g JOIN enrolments e ON e.school_id = g.school_id AND e.class_id = g.class_id
                                    WHERE e.school_id = \(bind: school) AND e.id = \(bind: closing.enrolmentID))
                       OR (\(bind: change.opening == nil) AND group_id IN (SELECT g.id FROM groups g
                                                                   WHERE g.school_id = \(bind: school) AND g.kind = 'cross_class')))
                  AND starts_on <= \(bind: closing.lastDay.iso) AND (ends_on IS NULL OR ends_on > \(bind: closing.lastDay.iso))
                """
            ).run()
            // Places planned after he leaves go.
            try await sql.raw(
                """
                DELETE FROM group_members
                WHERE school_id = \(bind: school) AND student_id = \(bind: student) AND starts_on > \(bind: closing.lastDay.iso)
                  AND (group_id IN (SELECT g.id FROM groups g JOIN enrolments e ON e.school_id = g.school_id AND e.class_id = g.class_id
                                    WHERE e.school_id = \(bind: school) AND e.id = \(bind: closing.enrolmentID))
                       OR (\(bind: change.opening == nil) AND group_id IN (SELECT g.id FROM groups g
                                                                   WHERE g.school_id = \(bind: school) AND g.kind = 'cross_class')))
                """
            ).run()
        }
        if let opening = change.opening {
            try await sql.raw(
                """
                INSERT INTO enrolments (school_id, student_id, class_id, starts_on, reason)
                VALUES (\(bind: school), \(bind: student), \(bind: opening.classID), \(bind: opening.startsOn.iso), \(bind: reason))
                """
            ).run()
        }
    }
}
