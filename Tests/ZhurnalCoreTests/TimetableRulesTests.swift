import Testing

@testable import ZhurnalCore

struct TimetableRulesTests {
    // Courses 1 (mathematics, teacher 7) and 2 (English, teachers 8 and 9) of the class; bells for lessons 1–6.
    let teachers = [1: [7], 2: [8, 9]]
    let bells = Set(1...6)
    let busy = [
        TimetableRules.Busy(weekday: 1, lessonNumber: 2, teacherID: 9, teacherName: "Орлов О. О.", room: "21", className: "6Б"),
        TimetableRules.Busy(weekday: 2, lessonNumber: 1, teacherID: 5, teacherName: "Котова К. К.", room: "14", className: "7А"),
    ]

    func cell(_ weekday: Int, _ lesson: Int, _ course: Int, _ room: String? = nil) -> TimetableRules.Cell {
        .init(weekday: weekday, lessonNumber: lesson, courseID: course, room: room)
    }

    func refusal(_ cells: [TimetableRules.Cell]) -> String? {
        do {
            _ = try TimetableRules.check(cells: cells, teachers: teachers, bells: bells, busy: busy)
            return nil
        } catch { return error.code }
    }

    @Test func aWeekWithoutClashesIsKeptInOrder() throws {
        let week = try TimetableRules.check(cells: [cell(2, 1, 1, "15"), cell(1, 2, 1), cell(1, 1, 2)], teachers: teachers, bells: bells, busy: busy)
        #expect(week.map { "\($0.weekday).\($0.lessonNumber)" } == ["1.1", "1.2", "2.1"])
    }

    @Test func clashesAndBadCellsAreRefused() {
        // Орлов, one of the English teachers, teaches 6Б on Monday's second lesson.
        #expect(refusal([cell(1, 2, 2)]) == "teacher_clash")
        #expect(refusal([cell(2, 1, 1, "14")]) == "room_clash")
        #expect(refusal([cell(1, 1, 1), cell(1, 1, 2)]) == "class_clash")
        #expect(refusal([cell(7, 1, 1)]) == "bad_weekday")
        #expect(refusal([cell(1, 7, 1)]) == "no_bell")
        #expect(refusal([cell(1, 1, 3)]) == "unknown_course")
        #expect(refusal([cell(1, 1, 1, String(repeating: "к", count: 21))]) == "bad_room")
    }

    @Test func subgroupsShareALessonEachWithItsOwnTeacherAndRoom() throws {
        // Courses 3 and 4 are English for groups 1 and 2 (teachers 10 and 11); course 5 is group 1's too.
        let teachers = [1: [7], 3: [10], 4: [11], 5: [12], 6: [10]]
        let groups = [3: 31, 4: 32, 5: 31, 6: 33]
        func code(_ cells: [TimetableRules.Cell]) -> String? {
            do {
                _ = try TimetableRules.check(cells: cells, teachers: teachers, groups: groups, bells: bells, busy: [])
                return nil
            } catch { return error.code }
        }
        #expect(code([cell(3, 1, 3, "31"), cell(3, 1, 4, "32")]) == nil)
        #expect(code([cell(3, 1, 3), cell(3, 1, 5)]) == "class_clash")
        #expect(code([cell(3, 1, 3), cell(3, 1, 1)]) == "class_clash")
        #expect(code([cell(3, 1, 3), cell(3, 1, 6)]) == "teacher_clash")
        #expect(code([cell(3, 1, 3, "31"), cell(3, 1, 4, "31")]) == "room_clash")
    }

    @Test func aCoursesFields() {
        func code(_ body: () throws -> Void) -> String? {
            do {
                try body()
                return nil
            } catch { return (error as? RuleRefusal)?.code }
        }
        #expect(code { try TimetableRules.course(kind: .lesson, grading: .marks, hours: 5, teacherRoles: [.teacher], duplicate: false) } == nil)
        #expect(
            code { try TimetableRules.course(kind: .lesson, grading: .passFail, hours: 5, teacherRoles: [.teacher], duplicate: false) }
                == "bad_grading"
        )
        #expect(
            code { try TimetableRules.course(kind: .optional, grading: .passFail, hours: 41, teacherRoles: [.teacher], duplicate: false) }
                == "bad_hours"
        )
        #expect(
            code { try TimetableRules.course(kind: .lesson, grading: .marks, hours: 5, teacherRoles: [.parent], duplicate: false) } == "not_a_teacher"
        )
        #expect(
            code { try TimetableRules.course(kind: .lesson, grading: .marks, hours: 5, teacherRoles: [.teacher], duplicate: true) }
                == "duplicate_course"
        )
    }
}
