import SQLKit
import ZhurnalCore

/// The year's lessons made from its weekly timetable (``LessonGeneration``): the entries with their courses' teachers
/// and classes, the lessons already in the span, then the missing ones in multi-row INSERTs — a whole school's year
/// in a handful of statements.
public enum TimetableLessons {
    public static func generate(
        school: Int,
        calendar: YearCalendar,
        span: DateSpan,
        only owner: Timetables.Owner? = nil,
        now: String,
        in sql: any SQLDatabase
    ) async throws -> LessonGeneration.Outcome {
        var filter: SQLQueryString = ""
        if let owner {
            filter = " AND \(owner.courses)"
        }
        var entries: [LessonGeneration.Entry] = []
        // A closed period's journal is locked: no new lessons appear in it.
        let open = calendar.periods.filter { !$0.closed }
        let allTerms = open.map(\.span)
        for row in try await sql.raw(
            """
            SELECT t.course_id, t.weekday, t.lesson_number, t.valid_from, t.valid_to, k.parallel, k.period_kind,
                   (SELECT MIN(ct.teacher_id) FROM course_teachers ct WHERE ct.school_id = t.school_id AND ct.course_id = t.course_id) AS teacher_id
            FROM timetable_entries t
            JOIN courses c ON c.school_id = t.school_id AND c.id = t.course_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            WHERE t.school_id = \(bind: school) AND c.year_id = \(bind: calendar.yearID)
              AND t.valid_from <= \(bind: span.end.iso) AND (t.valid_to IS NULL OR t.valid_to >= \(bind: span.start.iso))\(filter)
            """
        ).all() {
            // A course nobody teaches yet has no lessons to give.
            guard let teacher = try row.decode(column: "teacher_id", as: Int?.self),
                let from = LocalDate(iso: try row.decode(column: "valid_from", as: String.self))
            else { continue }
            let to = try row.decode(column: "valid_to", as: String?.self).flatMap { LocalDate(iso: $0) } ?? calendar.span.end
            let kind = try row.decode(column: "period_kind", as: String?.self).flatMap { PeriodKind(rawValue: $0) }
            entries.append(
                LessonGeneration.Entry(
                    courseID: try row.decode(column: "course_id", as: Int.self),
                    weekday: try row.decode(column: "weekday", as: Int.self),
                    lessonNumber: try row.decode(column: "lesson_number", as: Int.self),
                    valid: DateSpan(from, max(from, to)),
                    teacherID: teacher,
                    parallel: try row.decode(column: "parallel", as: Int?.self),
                    terms: kind.map { kind in open.filter { $0.kind == kind }.map(\.span) } ?? allTerms
                )
            )
        }
        var existing = Set<LessonGeneration.Slot>()
        // The lessons there, and the hours lessons were moved away from by hand: neither is filled again.
        for row in try await sql.raw(
            """
            SELECT course_id, lesson_date, lesson_number, COALESCE(moved_from, lesson_date) AS first_date, moved_from_number FROM lessons
            WHERE school_id = \(bind: school)
              AND (lesson_date BETWEEN \(bind: span.start.iso) AND \(bind: span.end.iso)
                   OR moved_from BETWEEN \(bind: span.start.iso) AND \(bind: span.end.iso))
            """
        ).all() {
            let course = try row.decode(column: "course_id", as: Int.self)
            if let date = LocalDate(iso: try row.decode(column: "lesson_date", as: String.self)) {
                existing.insert(.init(courseID: course, date: date, lessonNumber: try row.decode(column: "lesson_number", as: Int.self)))
            }
            if let number = try row.decode(column: "moved_from_number", as: Int?.self),
                let first = LocalDate(iso: try row.decode(column: "first_date", as: String.self))
            {
                existing.insert(.init(courseID: course, date: first, lessonNumber: number))
            }
        }
        let outcome = LessonGeneration.lessons(
            span: span,
            entries: entries,
            holidays: calendar.holidays.map { .init(span: $0.span, parallel: $0.parallel) },
            existing: existing
        )
        var lessons = RowBatch(
            table: "lessons",
            columns: ["school_id", "course_id", "lesson_date", "lesson_number", "teacher_id", "status", "created_at", "updated_at"]
        )
        for lesson in outcome.new {
            lessons.append([school, lesson.slot.courseID, lesson.slot.date.iso, lesson.slot.lessonNumber, lesson.teacherID, "held", now, now])
        }
        try await lessons.flush(into: sql)
        return outcome
    }
}
