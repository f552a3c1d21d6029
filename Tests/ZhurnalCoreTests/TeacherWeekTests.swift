import Testing

@testable import ZhurnalCore

struct TeacherWeekTests {
    func lesson(_ weekday: Int, _ number: Int, course: Int, in className: String) -> TeacherWeek.Lesson {
        TeacherWeek.Lesson(weekday: weekday, lessonNumber: number, courseID: course, subject: "Математика", className: className, room: nil)
    }

    @Test func twoCoursesAtOneHourAreAClashAndTheLoadCountsHours() {
        let week = TeacherWeek(lessons: [
            lesson(2, 1, course: 2, in: "6Б"),
            lesson(1, 1, course: 1, in: "5А"),
            lesson(1, 1, course: 2, in: "6Б"),
            lesson(1, 2, course: 1, in: "5А"),
        ])
        #expect(week.clashes == [TeacherWeek.Hour(weekday: 1, lessonNumber: 1)])
        #expect(week.hours == 3)
        // In the order of the week.
        #expect(week.lessons.map { "\($0.weekday).\($0.lessonNumber) \($0.className)" } == ["1.1 5А", "1.1 6Б", "1.2 5А", "2.1 6Б"])
        #expect(week.at(TeacherWeek.Hour(weekday: 1, lessonNumber: 1)).count == 2)
    }

    @Test func oneCourseListedTwiceAtAnHourIsNoClash() {
        // A subgroup's course entered in two cells of one hour by an import is one lesson for the teacher.
        let week = TeacherWeek(lessons: [lesson(3, 4, course: 7, in: "5А"), lesson(3, 4, course: 7, in: "5А")])
        #expect(week.clashes.isEmpty)
        #expect(week.hours == 1)
        #expect(TeacherWeek(lessons: []).clashes.isEmpty)
    }
}
