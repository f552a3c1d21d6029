import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// Who taught a lesson (a substitution), the work type of a control lesson, and attendance taken — on AccessSchool,
/// whose people have accounts: Смирнова (1) teaches mathematics in 5А, Орлов (13) teaches in 6Б.
struct LessonSettingsTests {
    static let now = Date(timeIntervalSince1970: 1_791_000_000)
    static let deputy = JournalAuthor(accountID: AccessSchool.deputy, personID: AccessSchool.deputy, role: .deputy, clientAddress: nil)
    static let teacher = JournalAuthor(accountID: TinySchool.teacher, personID: TinySchool.teacher, role: .teacher, clientAddress: nil)

    static func lesson(_ id: Int, _ sql: any SQLDatabase) async throws -> LessonFacts {
        try #require(try await LessonFacts.load(school: 1, lesson: id, in: sql))
    }

    static func row(_ database: Database, _ query: SQLQueryString) async throws -> (any SQLRow)? {
        try await database.read { try await $0.raw(query).first() }
    }

    static func record(_ database: Database, teacher: Int, by author: JournalAuthor) async throws {
        try await database.write { sql in
            try await Substitutions.record(lesson: try await Self.lesson(4, sql), teacher: teacher, by: author, at: Self.now, in: sql)
        }
    }

    /// Lesson 4's teacher and the record of its substitution.
    static func stored(_ database: Database) async throws -> (teacher: Int, by: Int?, at: String?) {
        let row = try #require(
            try await Self.row(database, "SELECT teacher_id, substitution_recorded_by, substitution_recorded_at FROM lessons WHERE id = 4")
        )
        return (
            try row.decode(column: "teacher_id", as: Int.self), try row.decode(column: "substitution_recorded_by", as: Int?.self),
            try row.decode(column: "substitution_recorded_at", as: String?.self)
        )
    }

    @Test(arguments: TestDatabases.flavors)
    func aSubstitutionIsRecordedAndEndsWhenTheCoursesTeacherTakesTheLessonBack(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            let today = LocalDate(year: 2026, month: 10, day: 12)!
            try await Self.record(database, teacher: AccessSchool.otherTeacher, by: Self.deputy)
            let stored = try await Self.stored(database)
            #expect(stored.teacher == AccessSchool.otherTeacher)
            #expect(stored.by == AccessSchool.deputy)
            #expect(stored.at == Timestamp.string(Self.now))
            let staffing = try #require(try await database.read { try await Substitutions.staffing(school: 1, lesson: 4, in: $0) })
            #expect(staffing.teacher.fullName == "Орлов Дмитрий Ильич")
            #expect(staffing.isSubstitution)
            #expect(staffing.recordedBy == "Морозова Елена Павловна")
            // The substitute is now among those the course's facts name, and his course list shows the course.
            let facts = try #require(
                try await database.read { try await AccessFacts.course(school: 1, course: TinySchool.course, today: today, in: $0) }
            )
            #expect(facts.substituteIDs == [AccessSchool.otherTeacher])
            #expect(facts.teacherIDs == [TinySchool.teacher])
            let lessonFacts = try #require(try await database.read { try await AccessFacts.lesson(school: 1, lesson: 4, today: today, in: $0) })
            #expect(lessonFacts.teacherID == AccessSchool.otherTeacher)
            #expect(lessonFacts.course == facts)
            #expect(try await database.read { try await AccessFacts.lesson(school: 2, lesson: 4, today: today, in: $0) } == nil)
            let listed = try await database.read { sql in
                let orlov = Actor(accountID: AccessSchool.otherTeacher, personID: AccessSchool.otherTeacher, schoolID: 1, roles: [.teacher])
                return try await CourseDirectory.list(school: 1, scope: AccessPolicy.courseScope(orlov), in: sql)
            }
            #expect(listed.map(\.id) == [TinySchool.course, AccessSchool.otherCourse])

            // Смирнова takes it back: no substitution any more, nobody recorded one.
            try await Self.record(database, teacher: TinySchool.teacher, by: Self.teacher)
            let back = try await Self.stored(database)
            #expect(back.teacher == TinySchool.teacher && back.by == nil && back.at == nil)
            let own = try #require(try await database.read { try await Substitutions.staffing(school: 1, lesson: 4, in: $0) })
            #expect(!own.isSubstitution && own.recordedBy == nil && own.recordedAt == nil)
            let after = try await database.read { try await AccessFacts.course(school: 1, course: TinySchool.course, today: today, in: $0) }
            #expect(after?.substituteIDs == [])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func onlyAWorkingTeacherOfTheSchoolTakesALesson(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            func refusal(_ person: Int) async -> SubstitutionRefusal? {
                do {
                    try await Self.record(database, teacher: person, by: Self.deputy)
                    return nil
                } catch {
                    return error as? SubstitutionRefusal
                }
            }
            #expect(await refusal(999) == .unknownPerson)
            // Another school's administrator is no person of this school.
            #expect(await refusal(AccessSchool.otherSchoolAdmin) == .unknownPerson)
            #expect(await refusal(AccessSchool.parent) == .notATeacher)
            #expect(await refusal(AccessSchool.deputy) == .notATeacher)
            // A pupil has no teacher's role; a person without an account has none at all.
            #expect(await refusal(TinySchool.borisov) == .notATeacher)
            #expect(await refusal(TinySchool.aksyonova) == .notATeacher)
            try await database.write { try await $0.raw("UPDATE accounts SET deactivated_at = '2026-10-01T09:00:00Z' WHERE login = 'orlov'").run() }
            #expect(await refusal(AccessSchool.otherTeacher) == .inactive)
            let stored = try await Self.stored(database)
            #expect(stored.teacher == TinySchool.teacher && stored.by == nil)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theCandidatesAreTheSchoolsWorkingTeachersInAlphabeticalOrder(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            let all = try await database.read { try await Substitutions.candidates(school: 1, in: $0) }
            #expect(all.map(\.fullName) == ["Орлов Дмитрий Ильич", "Смирнова Ольга Петровна"])
            try await database.write { try await $0.raw("UPDATE accounts SET deactivated_at = '2026-10-01T09:00:00Z' WHERE login = 'orlov'").run() }
            #expect(try await database.read { try await Substitutions.candidates(school: 1, in: $0) }.map(\.id) == [TinySchool.teacher])
            #expect(try await database.read { try await Substitutions.candidates(school: 2, in: $0) }.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aControlLessonsWorkTypeIsOneOfTheSchools(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            try await database.write { sql in
                try await sql.raw("INSERT INTO work_types (school_id, id, name, weight) VALUES (2, 50, 'Контрольная работа', 4)").run()
            }
            try await database.write { sql in
                try await LessonWrites.setControlWorkType(lesson: try await Self.lesson(4, sql), workType: 2, at: Self.now, in: sql)
            }
            #expect(try await database.read { try await Self.lesson(4, $0) }.controlWorkTypeID == 2)
            let grid = try await database.read { sql in
                try await JournalQueries.grid(
                    school: 1,
                    course: 1,
                    span: DateSpan(LocalDate(iso: "2026-10-05")!, LocalDate(iso: "2026-10-12")!),
                    in: sql
                )
            }
            #expect(grid.lessons.map(\.controlWorkTypeId) == [nil, 2])
            // Another school's work type and one nobody has are refused, and the lesson keeps its type.
            for unknown in [50, 99] {
                await #expect(throws: JournalWriteError.unknownWorkType) {
                    try await database.write { sql in
                        try await LessonWrites.setControlWorkType(lesson: try await Self.lesson(4, sql), workType: unknown, at: Self.now, in: sql)
                    }
                }
            }
            #expect(try await database.read { try await Self.lesson(4, $0) }.controlWorkTypeID == 2)
            try await database.write { sql in
                try await LessonWrites.setControlWorkType(lesson: try await Self.lesson(4, sql), workType: nil, at: Self.now, in: sql)
            }
            #expect(try await database.read { try await Self.lesson(4, $0) }.controlWorkTypeID == nil)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func attendanceTakenKeepsTheFirstTimeAndWho(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            let day = LocalDate(year: 2026, month: 10, day: 12)!
            let (_, empty) = try await database.statements.measure { try await database.write { _ in } }
            let before = try await database.read { sql in
                (try await Self.lesson(4, sql), try await TeacherDay.load(school: 1, teacher: TinySchool.teacher, on: day, in: sql))
            }
            #expect(!before.0.attendanceTaken)
            #expect(before.1.lessons.map(\.hasAttendance) == [false])
            try await database.write { sql in
                try await LessonWrites.noteAttendanceTaken(lesson: before.0, by: Self.teacher, at: Self.now, in: sql)
            }
            // A second save that read the lesson before the first was noted does not move the first time.
            let (_, used) = try await database.statements.measure {
                try await database.write { sql in
                    try await LessonWrites.noteAttendanceTaken(lesson: before.0, by: Self.deputy, at: Self.now.addingTimeInterval(600), in: sql)
                }
            }
            #expect(used - empty == 1)
            let stored = try #require(try await Self.row(database, "SELECT attendance_taken_at, attendance_taken_by FROM lessons WHERE id = 4"))
            #expect(try stored.decode(column: "attendance_taken_at", as: String?.self) == Timestamp.string(Self.now))
            #expect(try stored.decode(column: "attendance_taken_by", as: Int?.self) == TinySchool.teacher)
            let after = try await database.read { sql in
                (try await Self.lesson(4, sql), try await TeacherDay.load(school: 1, teacher: TinySchool.teacher, on: day, in: sql))
            }
            #expect(after.0.attendanceTaken)
            #expect(after.1.lessons.map(\.hasAttendance) == [true])
            // Once noted, noting again costs no statement.
            let (_, again) = try await database.statements.measure {
                try await database.write { sql in
                    try await LessonWrites.noteAttendanceTaken(lesson: after.0, by: Self.teacher, at: Self.now, in: sql)
                }
            }
            #expect(again == empty)
            let grid = try await database.read { sql in
                try await JournalQueries.grid(school: 1, course: 1, span: DateSpan(LocalDate(iso: "2026-10-05")!, day), in: sql)
            }
            #expect(grid.lessons.map(\.attendanceTaken) == [false, true])
        }
    }

    /// The whole lesson's save reads the current attendance and the work types asked for in one statement.
    @Test(arguments: TestDatabases.flavors)
    func theWholeLessonsSaveKeepsItsStatements(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let entries = [
                LessonWrites.Entry(
                    studentID: TinySchool.volkov,
                    attendance: .some(.late),
                    marks: [.init(value: .grade(5), workType: 2, comment: nil)]
                ),
                LessonWrites.Entry(
                    studentID: TinySchool.aksyonova,
                    attendance: .some(nil),
                    marks: [.init(value: .grade(4), workType: 1, comment: nil)]
                ),
            ]
            let lesson = try await database.read { try await Self.lesson(4, $0) }
            let (saved, used) = try await database.statements.measure {
                try await database.write { sql in
                    try await LessonWrites.saveEntries(lesson: lesson, entries: entries, by: Self.teacher, reason: nil, at: Self.now, in: sql)
                }
            }
            let (_, empty) = try await database.statements.measure { try await database.write { _ in } }
            // Current codes with work types, the upsert, the delete, the marks, the history lines.
            #expect(used - empty == 5)
            #expect(saved.attendanceChanged == 2)
            #expect(saved.marksAdded.map(\.weight) == [4, 1])
            await #expect(throws: JournalWriteError.unknownWorkType) {
                try await database.write { sql in
                    try await LessonWrites.saveEntries(
                        lesson: lesson,
                        entries: [.init(studentID: TinySchool.volkov, attendance: nil, marks: [.init(value: .grade(5), workType: 99, comment: nil)])],
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                }
            }
        }
    }
}
