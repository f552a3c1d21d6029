import Testing
import ZhurnalCore

/// A homework's due date: after the lesson, within the academic year; typed as ISO or as Russians write dates.
struct HomeworkRulesTests {
    static let lesson = LocalDate(year: 2026, month: 10, day: 12)!
    static let yearEnd = LocalDate(year: 2027, month: 8, day: 31)!

    static func refusal(_ due: LocalDate?) -> HomeworkRefusal? {
        HomeworkRules.refusal(due: due, lessonDate: lesson, yearEnd: yearEnd)
    }

    @Test func theDayAfterTheLessonIsTheFirstDueDate() {
        #expect(Self.refusal(nil) == nil)
        #expect(Self.refusal(Self.lesson.adding(days: 1)) == nil)
        #expect(Self.refusal(Self.lesson) == .dueNotAfterLesson(Self.lesson))
        #expect(Self.refusal(Self.lesson.adding(days: -1)) == .dueNotAfterLesson(Self.lesson))
    }

    @Test func theLastDayOfTheYearIsTheLastDueDate() {
        #expect(Self.refusal(Self.yearEnd) == nil)
        #expect(Self.refusal(Self.yearEnd.adding(days: 1)) == .dueAfterYearEnd(Self.yearEnd))
    }

    @Test func refusalsNameTheDates() {
        #expect(HomeworkRefusal.dueNotAfterLesson(Self.lesson).message.contains("позже дня урока (12.10.2026)"))
        #expect(HomeworkRefusal.dueAfterYearEnd(Self.yearEnd).message.contains("конца учебного года (31.08.2027)"))
        #expect(HomeworkRefusal.dueNotAfterLesson(Self.lesson).code == "due_not_after_lesson")
        #expect(HomeworkRefusal.dueAfterYearEnd(Self.yearEnd).code == "due_after_year_end")
    }

    @Test(arguments: [
        ("2026-10-20", "2026-10-20"), (" 2026-10-20 ", "2026-10-20"), ("20.10.2026", "2026-10-20"), ("1.2.2027", "2027-02-01"),
        ("29.02.2028", "2028-02-29"),
    ])
    func dueDatesAreReadInBothSpellings(typed: String, iso: String) throws {
        #expect(try HomeworkRules.dueDate(parsing: typed)?.iso == iso)
    }

    @Test func blankIsNoDate() throws {
        #expect(try HomeworkRules.dueDate(parsing: "") == nil)
        #expect(try HomeworkRules.dueDate(parsing: "   ") == nil)
    }

    @Test(arguments: ["2026-13-01", "31.02.2027", "20.10.26", "завтра", "20/10/2026", "2026-10-20T10:00", "２０.10.2026"])
    func otherTextIsRefused(typed: String) {
        #expect(throws: HomeworkRefusal.unreadableDueDate(typed)) { try HomeworkRules.dueDate(parsing: typed) }
        #expect(HomeworkRefusal.unreadableDueDate(typed).code == "invalid_due_date")
    }
}
