import Testing
import ZhurnalCore

@testable import ZhurnalWeb

/// The week form's fields as the page names them: `c_` the class's course, `g1_`, `g2_`… subgroups beside it, each
/// with its room.
struct TimetableFormTests {
    @Test func everySubgroupsCourseOfACellIsRead() {
        let cells = AdminTimetableController.cells([
            "c_1_1": "5", "r_1_1": " 12 ", "g1_1_1": "", "g2_1_1": "6", "q2_1_1": "14", "g_1_1": "7", "x_1_1": "8", "c_2_x": "9",
            "_csrf": "token", "from": "2026-10-12",
        ]).sorted { $0.courseID < $1.courseID }
        #expect(
            cells == [
                TimetableRules.Cell(weekday: 1, lessonNumber: 1, courseID: 5, room: "12"),
                TimetableRules.Cell(weekday: 1, lessonNumber: 1, courseID: 6, room: "14"),
            ]
        )
    }
}
