import SQLKit
import ZhurnalCore
import ZhurnalStore

/// Writes everything but the journal: the school, its year, people and accounts, classes, curriculum, courses and
/// timetable. Tables go in the order of their foreign keys.
enum DemoStructureRows {
    static let schoolName = "МБОУ «Средняя общеобразовательная школа № 1» (демонстрационная)"
    static let schoolShortName = "МБОУ СОШ № 1 (демо)"

    static func write(_ plan: DemoPlan, passwordHashes: [String], into sql: any SQLDatabase) async throws {
        let school = DemoJournal.school
        let year = 1
        let calendar = plan.calendar
        let opened = DemoClock.instant(calendar.yearStart.adding(days: -10), minutes: 9 * 60)

        var schools = RowBatch(table: "schools", columns: ["id", "name", "short_name", "time_zone", "created_at"])
        schools.append([school, schoolName, schoolShortName, "Europe/Moscow", opened])
        try await schools.flush(into: sql)

        var years = RowBatch(table: "academic_years", columns: ["school_id", "id", "title", "starts_on", "ends_on"])
        years.append([school, year, calendar.title, calendar.yearStart.iso, calendar.yearEnd.iso])
        try await years.flush(into: sql)

        var periods = RowBatch(
            table: "periods",
            columns: ["school_id", "id", "year_id", "kind", "number", "title", "starts_on", "ends_on"]
        )
        for period in calendar.periods {
            periods.append([
                school, period.id, year, period.kind.rawValue, period.number, period.title, period.span.start.iso,
                period.span.end.iso,
            ])
        }
        try await periods.flush(into: sql)

        var holidays = RowBatch(
            table: "holidays",
            columns: ["school_id", "id", "year_id", "title", "starts_on", "ends_on", "only_parallel"]
        )
        for holiday in calendar.holidays {
            holidays.append([
                school, holiday.id, year, holiday.title, holiday.span.start.iso, holiday.span.end.iso,
                holiday.onlyParallel,
            ])
        }
        try await holidays.flush(into: sql)

        var people = RowBatch(
            table: "people",
            columns: ["school_id", "id", "last_name", "first_name", "patronymic", "birth_date", "created_at", "family_consent_on"]
        )
        var accounts = RowBatch(
            table: "accounts",
            columns: [
                "school_id", "id", "person_id", "login", "password_hash", "must_change_password", "second_factor_waived",
                "created_at",
            ]
        )
        var roles = RowBatch(table: "account_roles", columns: ["school_id", "account_id", "role"])
        for (planned, hash) in zip(plan.accounts, passwordHashes) {
            let person = plan.people[planned.person]
            let created = DemoClock.instant(person.createdOn, minutes: 10 * 60)
            people.append([
                school, person.id, person.lastName, person.firstName, person.patronymic, person.birthDate.iso, created,
                DemoConsent.recordedOn(person, isPupil: plan.pupils.index[person.id] != nil)?.iso,
            ])
            // One account per person, so the account takes the person's id. Demo passwords are the visitor's to try,
            // not initial passwords to replace, and the demo administrator needs no phone until he enrols one.
            let waived = planned.roles.contains(.admin)
            accounts.append([school, person.id, person.id, planned.login, hash, false, waived, created])
            for role in planned.roles { roles.append([school, person.id, role.rawValue]) }
        }
        try await people.flush(into: sql)
        try await accounts.flush(into: sql)
        try await roles.flush(into: sql)

        var classes = RowBatch(
            table: "classes",
            columns: ["school_id", "id", "year_id", "parallel", "letter", "period_kind", "homeroom_teacher_id"]
        )
        for schoolClass in plan.classes {
            classes.append([
                school, schoolClass.id, year, schoolClass.parallel, schoolClass.letter, schoolClass.periodKind.rawValue,
                schoolClass.homeroomTeacher,
            ])
        }
        try await classes.flush(into: sql)

        var enrolments = RowBatch(
            table: "enrolments",
            columns: ["school_id", "id", "student_id", "class_id", "starts_on", "ends_on", "reason"]
        )
        for enrolment in plan.pupils.enrolments {
            enrolments.append([
                school, enrolment.id, enrolment.pupil, enrolment.classId, enrolment.span.start.iso,
                enrolment.span.end?.iso, enrolment.reason,
            ])
        }
        try await enrolments.flush(into: sql)

        var groups = RowBatch(table: "groups", columns: ["school_id", "id", "year_id", "class_id", "title", "kind"])
        for group in plan.groups {
            groups.append([school, group.id, year, group.classId, group.title, group.kind.rawValue])
        }
        try await groups.flush(into: sql)

        var members = RowBatch(
            table: "group_members",
            columns: ["school_id", "group_id", "student_id", "starts_on", "ends_on"]
        )
        for member in plan.pupils.memberships {
            members.append([school, member.groupId, member.pupil, member.span.start.iso, member.span.end?.iso])
        }
        try await members.flush(into: sql)

        var guardianships = RowBatch(
            table: "guardianships",
            columns: ["school_id", "guardian_id", "student_id", "relation"]
        )
        for guardianship in plan.pupils.guardianships {
            guardianships.append([school, guardianship.guardian, guardianship.pupil, guardianship.relation])
        }
        try await guardianships.flush(into: sql)

        var subjects = RowBatch(
            table: "subjects",
            columns: ["school_id", "id", "name", "short_name", "allows_double_marks", "sort_order"]
        )
        var hours = RowBatch(
            table: "curriculum_hours",
            columns: ["school_id", "year_id", "parallel", "subject_id", "hours_per_week"]
        )
        for (index, subject) in DemoCurriculum.subjects.enumerated() {
            let id = DemoCurriculum.id(of: subject.key)
            subjects.append([school, id, subject.name, subject.shortName, subject.allowsDoubleMarks, (index + 1) * 10])
            guard subject.isCurricular else { continue }
            for parallel in 1...11 where subject.hours(in: parallel) > 0 {
                hours.append([school, year, parallel, id, subject.hours(in: parallel)])
            }
        }
        try await subjects.flush(into: sql)
        try await hours.flush(into: sql)

        var workTypes = RowBatch(
            table: "work_types",
            columns: ["school_id", "id", "name", "weight", "is_written", "mark_deadline_days", "sort_order"]
        )
        for (index, type) in WorkType.defaults.enumerated() {
            workTypes.append([
                school, index + 1, type.name, type.weight, type.isWritten, type.markDeadlineDays, (index + 1) * 10,
            ])
        }
        try await workTypes.flush(into: sql)

        var courses = RowBatch(
            table: "courses",
            columns: [
                "school_id", "id", "year_id", "subject_id", "class_id", "group_id", "journal_kind", "grading",
                "hours_per_week", "title",
            ]
        )
        var teachers = RowBatch(table: "course_teachers", columns: ["school_id", "course_id", "teacher_id"])
        for course in plan.courses {
            courses.append([
                school, course.id, year, DemoCurriculum.id(of: course.subject), course.classId, course.groupId,
                course.journalKind.rawValue, course.grading.rawValue, course.hours, course.title,
            ])
            teachers.append([school, course.id, course.teacher])
        }
        try await courses.flush(into: sql)
        try await teachers.flush(into: sql)

        var bells = RowBatch(table: "bells", columns: ["school_id", "lesson_number", "starts_at", "ends_at"])
        for (index, bell) in DemoCurriculum.bells.enumerated() {
            bells.append([school, index + 1, DemoCurriculum.clock(bell.start), DemoCurriculum.clock(bell.end)])
        }
        try await bells.flush(into: sql)

        var entries = RowBatch(
            table: "timetable_entries",
            columns: ["school_id", "id", "course_id", "weekday", "lesson_number", "valid_from", "room"]
        )
        for entry in plan.timetable.entries {
            entries.append([
                school, entry.id, entry.course, entry.weekday, entry.lesson, calendar.yearStart.iso, entry.room,
            ])
        }
        try await entries.flush(into: sql)
    }
}
