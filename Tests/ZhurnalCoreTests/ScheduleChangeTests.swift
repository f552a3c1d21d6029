import Testing

@testable import ZhurnalCore

struct ScheduleChangeTests {
    func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: month >= 9 ? 2026 : 2027, month: month, day: day)! }

    /// 5А (parallel 5): the first quarter closed, the second open; autumn holidays for all, and a day off for the fifth
    /// parallel only.
    var calendar: ScheduleChange.Calendar {
        ScheduleChange.Calendar(
            openTerms: [DateSpan(day(11, 5), day(12, 28))],
            closedTerms: [DateSpan(day(9, 1), day(10, 23))],
            holidays: [
                .init(span: DateSpan(day(10, 24), day(11, 4)), parallel: nil),
                .init(span: DateSpan(day(11, 20), day(11, 20)), parallel: 5),
            ],
            parallel: 5,
            bells: [1, 2, 3, 4, 5, 6]
        )
    }

    let mathematics = ScheduleChange.Lesson(courseID: 1, groupID: nil, classID: 10, teacherID: 7)

    func refusal(
        _ lesson: ScheduleChange.Lesson,
        lessonID: Int? = 100,
        on date: LocalDate,
        number: Int = 3,
        neighbours: [ScheduleChange.Neighbour] = []
    ) -> String? {
        do {
            try ScheduleChange.checkPlace(of: lesson, lessonID: lessonID, date: date, number: number, calendar: calendar, neighbours: neighbours)
            return nil
        } catch {
            return error.code
        }
    }

    func neighbour(_ id: Int, _ lesson: ScheduleChange.Lesson, cancelled: Bool = false) -> ScheduleChange.Neighbour {
        ScheduleChange.Neighbour(
            lessonID: id,
            lesson: lesson,
            cancelled: cancelled,
            subject: "Русский язык",
            className: "5А",
            teacherName: "Иванова И. И."
        )
    }

    @Test func aFreeHourOfAnOpenPeriodTakesTheLesson() {
        // Monday 16 November 2026.
        #expect(refusal(mathematics, on: day(11, 16)) == nil)
        // The period's first and last days are inside it.
        #expect(refusal(mathematics, on: day(11, 5)) == nil)
        #expect(refusal(mathematics, on: day(12, 28)) == nil)
    }

    @Test func theCalendarRefusesDaysOutsideTheOpenPeriodsAndHolidays() {
        #expect(refusal(mathematics, on: day(10, 12)) == "period_closed")
        #expect(refusal(mathematics, on: day(10, 26)) == "outside_period")
        #expect(refusal(mathematics, on: day(12, 29)) == "outside_period")
        #expect(refusal(mathematics, on: day(11, 4)) == "outside_period")
        // The fifth parallel's day off; a sixth class would have its lesson.
        #expect(refusal(mathematics, on: day(11, 20)) == "holiday")
        #expect(refusal(mathematics, on: day(11, 22)) == "sunday")
        #expect(refusal(mathematics, on: day(11, 16), number: 7) == "no_bell")
        #expect(refusal(mathematics, on: day(11, 16), number: 0) == "no_bell")
    }

    @Test func aHolidayOfTheParallelDoesNotStopAGroupAcrossClasses() {
        let choir = ScheduleChange.Lesson(courseID: 5, groupID: 3, classID: nil, teacherID: 9)
        let across = ScheduleChange.Calendar(
            openTerms: calendar.openTerms,
            closedTerms: calendar.closedTerms,
            holidays: calendar.holidays,
            parallel: nil,
            bells: calendar.bells
        )
        #expect(throws: Never.self) {
            try ScheduleChange.checkPlace(of: choir, lessonID: nil, date: day(11, 20), number: 1, calendar: across, neighbours: [])
        }
    }

    @Test func theSameCourseAtThatHourIsRefusedEvenWhenCancelled() {
        #expect(refusal(mathematics, lessonID: nil, on: day(11, 16), neighbours: [neighbour(5, mathematics)]) == "lesson_exists")
        #expect(refusal(mathematics, lessonID: nil, on: day(11, 16), neighbours: [neighbour(5, mathematics, cancelled: true)]) == "lesson_exists")
        // The lesson itself at its own hour (a restored lesson) is not its own neighbour.
        #expect(refusal(mathematics, lessonID: 5, on: day(11, 16), neighbours: [neighbour(5, mathematics)]) == nil)
    }

    @Test func theTeacherAndTheClassAreInOnePlaceAtATime() {
        let sameTeacherOtherClass = ScheduleChange.Lesson(courseID: 2, groupID: nil, classID: 11, teacherID: 7)
        #expect(refusal(mathematics, on: day(11, 16), neighbours: [neighbour(6, sameTeacherOtherClass)]) == "teacher_clash")
        let otherTeacherSameClass = ScheduleChange.Lesson(courseID: 3, groupID: nil, classID: 10, teacherID: 8)
        #expect(refusal(mathematics, on: day(11, 16), neighbours: [neighbour(6, otherTeacherSameClass)]) == "class_clash")
        // A cancelled lesson leaves its hour free.
        #expect(refusal(mathematics, on: day(11, 16), neighbours: [neighbour(6, otherTeacherSameClass, cancelled: true)]) == nil)
        // Another class with another teacher is no concern.
        let elsewhere = ScheduleChange.Lesson(courseID: 4, groupID: nil, classID: 11, teacherID: 8)
        #expect(refusal(mathematics, on: day(11, 16), neighbours: [neighbour(6, elsewhere)]) == nil)
    }

    @Test func subgroupsOfOneClassShareAnHourButNotWithTheWholeClass() {
        let englishFirst = ScheduleChange.Lesson(courseID: 20, groupID: 1, classID: 10, teacherID: 11)
        let englishSecond = ScheduleChange.Lesson(courseID: 21, groupID: 2, classID: 10, teacherID: 8)
        let englishSecondAgain = ScheduleChange.Lesson(courseID: 22, groupID: 2, classID: 10, teacherID: 9)
        #expect(refusal(englishFirst, on: day(11, 16), neighbours: [neighbour(6, englishSecond)]) == nil)
        #expect(refusal(englishSecondAgain, on: day(11, 16), neighbours: [neighbour(6, englishSecond)]) == "class_clash")
        #expect(refusal(englishFirst, on: day(11, 16), neighbours: [neighbour(6, mathematics)]) == "class_clash")
        #expect(refusal(mathematics, on: day(11, 16), neighbours: [neighbour(6, englishFirst)]) == "class_clash")
    }

    @Test func aLessonWithTheDaysEntriesOrInAClosedPeriodStaysWhereItIs() {
        func code(_ date: LocalDate, hasEntries: Bool) -> String? {
            do {
                try ScheduleChange.checkMovable(from: date, hasEntries: hasEntries, calendar: calendar)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(day(11, 16), hasEntries: false) == nil)
        #expect(code(day(11, 16), hasEntries: true) == "lesson_has_entries")
        #expect(code(day(10, 23), hasEntries: false) == "period_closed")
    }

    @Test func aMovedLessonRemembersItsFirstDate() {
        // Moved from the 16th to the 18th, then to the 19th: still "from the 16th"; back to the 16th: not moved.
        #expect(ScheduleChange.movedFrom(original: nil, current: day(11, 16), to: day(11, 18)) == day(11, 16))
        #expect(ScheduleChange.movedFrom(original: day(11, 16), current: day(11, 18), to: day(11, 19)) == day(11, 16))
        #expect(ScheduleChange.movedFrom(original: day(11, 16), current: day(11, 19), to: day(11, 16)) == nil)
        // Another hour of the same day is no move of the day.
        #expect(ScheduleChange.movedFrom(original: nil, current: day(11, 16), to: day(11, 16)) == nil)
    }
}
