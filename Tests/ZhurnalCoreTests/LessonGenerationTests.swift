import Testing

@testable import ZhurnalCore

struct LessonGenerationTests {
    func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: month >= 9 ? 2026 : 2027, month: month, day: day)! }
    var year: DateSpan { DateSpan(day(9, 1), day(8, 31)) }

    @Test func eachTimetableEntryGivesALessonOnItsWeekdayInsideThePeriod() {
        // Mathematics in 5А on Monday 2nd and Wednesday 1st; 2 September 2026 is a Wednesday.
        let entries = [
            LessonGeneration.Entry(courseID: 1, weekday: 1, lessonNumber: 2, valid: year, teacherID: 7, parallel: 5, terms: [year]),
            LessonGeneration.Entry(courseID: 1, weekday: 3, lessonNumber: 1, valid: year, teacherID: 7, parallel: 5, terms: [year]),
        ]
        let outcome = LessonGeneration.lessons(span: DateSpan(day(9, 1), day(9, 14)), entries: entries, holidays: [], existing: [])
        #expect(
            outcome.new.map { "\($0.slot.date.iso) \($0.slot.lessonNumber)" } == ["2026-09-02 1", "2026-09-07 2", "2026-09-09 1", "2026-09-14 2"]
        )
        #expect(outcome.new.allSatisfy { $0.teacherID == 7 && $0.slot.courseID == 1 })
    }

    @Test func holidaysOfThePupilsAndValidityAreRespected() {
        let entries = [
            LessonGeneration.Entry(courseID: 1, weekday: 1, lessonNumber: 1, valid: year, teacherID: 7, parallel: 1, terms: [year]),
            LessonGeneration.Entry(courseID: 2, weekday: 1, lessonNumber: 1, valid: year, teacherID: 8, parallel: 5, terms: [year]),
            // A group across classes: only the school's holidays stop it.
            LessonGeneration.Entry(courseID: 3, weekday: 1, lessonNumber: 7, valid: year, teacherID: 9, parallel: nil, terms: [year]),
            // Changed timetable: from 16 November the course moves to lesson 3.
            LessonGeneration.Entry(
                courseID: 4,
                weekday: 1,
                lessonNumber: 2,
                valid: DateSpan(day(9, 1), day(11, 15)),
                teacherID: 7,
                parallel: 5,
                terms: [year]
            ),
            LessonGeneration.Entry(
                courseID: 4,
                weekday: 1,
                lessonNumber: 3,
                valid: DateSpan(day(11, 16), day(8, 31)),
                teacherID: 7,
                parallel: 5,
                terms: [year]
            ),
        ]
        let holidays = [
            LessonGeneration.Holiday(span: DateSpan(day(11, 2), day(11, 8)), parallel: nil),
            // The first graders' extra week.
            LessonGeneration.Holiday(span: DateSpan(day(11, 9), day(11, 15)), parallel: 1),
        ]
        let outcome = LessonGeneration.lessons(span: DateSpan(day(11, 2), day(11, 22)), entries: entries, holidays: holidays, existing: [])
        #expect(
            outcome.new.map { "\($0.slot.courseID) \($0.slot.date.iso) \($0.slot.lessonNumber)" } == [
                "2 2026-11-09 1", "3 2026-11-09 7", "4 2026-11-09 2",
                "1 2026-11-16 1", "2 2026-11-16 1", "3 2026-11-16 7", "4 2026-11-16 3",
            ]
        )
        #expect(outcome.onHolidays == 5)
    }

    @Test func noLessonOutsideTheClassesPeriods() {
        // Quarters with the autumn break between the first and the second: 24 October – 4 November is in none.
        let quarters = [DateSpan(day(9, 1), day(10, 23)), DateSpan(day(11, 5), day(12, 28))]
        let entries = [LessonGeneration.Entry(courseID: 1, weekday: 1, lessonNumber: 1, valid: year, teacherID: 7, parallel: 5, terms: quarters)]
        let outcome = LessonGeneration.lessons(span: DateSpan(day(10, 19), day(11, 9)), entries: entries, holidays: [], existing: [])
        #expect(outcome.new.map(\.slot.date.iso) == ["2026-10-19", "2026-11-09"])
    }

    @Test func existingLessonsAreKeptAndGenerationTwiceAddsNothing() {
        let entries = [LessonGeneration.Entry(courseID: 1, weekday: 1, lessonNumber: 1, valid: year, teacherID: 7, parallel: 5, terms: [year])]
        let span = DateSpan(day(9, 1), day(9, 30))
        let first = LessonGeneration.lessons(span: span, entries: entries, holidays: [], existing: [])
        #expect(first.new.count == 4)
        let kept = Set([first.new[0].slot])
        let second = LessonGeneration.lessons(span: span, entries: entries, holidays: [], existing: kept)
        #expect(second.new.count == 3 && second.existing == 1)
        let third = LessonGeneration.lessons(span: span, entries: entries, holidays: [], existing: Set(first.new.map(\.slot)))
        #expect(third.new.isEmpty && third.existing == 4)
    }
}
