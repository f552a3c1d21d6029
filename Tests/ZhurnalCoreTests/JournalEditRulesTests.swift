import Testing
import ZhurnalCore

/// DOMAIN.md §3: the edit window, closed periods, holidays, enrolment and corrections with a reason.
struct JournalEditRulesTests {
    static let lesson = LocalDate(year: 2026, month: 10, day: 1)!
    static let teacher = JournalEditRules.Rights(keepsJournal: true, corrects: false)
    static let deputy = JournalEditRules.Rights(keepsJournal: false, corrects: true)
    static let stranger = JournalEditRules.Rights(keepsJournal: false, corrects: false)

    static func on(_ day: Int, window: Int? = 7) -> JournalEditRules.Situation {
        .init(lessonDate: lesson, today: LocalDate(year: 2026, month: 10, day: day)!, editWindowDays: window)
    }

    /// With a 7-day window a lesson of 01.10 is open through 08.10 and closed from 09.10.
    @Test(arguments: [(1, true), (2, true), (8, true), (9, false), (30, false)])
    func theTeachersWindowIsSevenDaysAfterTheLesson(day: Int, open: Bool) {
        let refusal = JournalEditRules.refusal(.pupilCell, Self.on(day), rights: Self.teacher, reason: nil)
        #expect((refusal == nil) == open)
        if !open { #expect(refusal == .editWindowPassed(days: 7)) }
    }

    @Test func anUnlimitedWindowNeverCloses() {
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(31, window: nil), rights: Self.teacher, reason: nil) == nil)
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(1, window: 0), rights: Self.teacher, reason: nil) == nil)
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(2, window: 0), rights: Self.teacher, reason: nil) == .editWindowPassed(days: 0))
    }

    @Test func afterTheWindowTheDeputyCorrectsWithAReason() {
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(20), rights: Self.deputy, reason: nil) == .reasonRequired)
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(20), rights: Self.deputy, reason: "   ") == .reasonRequired)
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(20), rights: Self.deputy, reason: "ошибка при вводе") == nil)
        // Within the window too, a correction of another teacher's journal states its reason.
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(2), rights: Self.deputy, reason: nil) == .reasonRequired)
        // A teacher who is also the deputy keeps his own journal without a reason.
        let both = JournalEditRules.Rights(keepsJournal: true, corrects: true)
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(2), rights: both, reason: nil) == nil)
        #expect(JournalEditRules.refusal(.pupilCell, Self.on(20), rights: both, reason: nil) == .reasonRequired)
    }

    @Test func aClosedPeriodIsLockedForEveryone() {
        let closed = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, periodClosed: true)
        for rights in [Self.teacher, Self.deputy] {
            #expect(JournalEditRules.refusal(.pupilCell, closed, rights: rights, reason: "причина") == .periodClosed)
            #expect(JournalEditRules.refusal(.lessonRecord, closed, rights: rights, reason: "причина") == .periodClosed)
        }
    }

    @Test func holidaysCancelledLessonsAndPupilsNotEnrolledAreRefused() {
        let holiday = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, holiday: true)
        #expect(JournalEditRules.refusal(.lessonRecord, holiday, rights: Self.teacher, reason: nil) == .holiday)
        let cancelled = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, lessonCancelled: true)
        #expect(JournalEditRules.refusal(.pupilCell, cancelled, rights: Self.teacher, reason: nil) == .lessonCancelled)
        let away = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, pupilEnrolled: false)
        #expect(JournalEditRules.refusal(.pupilCell, away, rights: Self.teacher, reason: nil) == .pupilNotEnrolled)
        // The lesson's own record does not depend on a pupil.
        #expect(JournalEditRules.refusal(.lessonRecord, away, rights: Self.teacher, reason: nil) == nil)
    }

    @Test func marksWaitForTheLessonButItsPlanDoesNot() {
        let tomorrow = JournalEditRules.Situation(
            lessonDate: LocalDate(year: 2026, month: 10, day: 2)!,
            today: Self.lesson,
            editWindowDays: 7
        )
        #expect(JournalEditRules.refusal(.pupilCell, tomorrow, rights: Self.teacher, reason: nil) == .lessonNotYetHeld)
        #expect(JournalEditRules.refusal(.lessonRecord, tomorrow, rights: Self.teacher, reason: nil) == nil)
    }

    /// A pupil's own homework: the lesson record's rules (ahead of the lesson, past the window, no reason), and the
    /// pupil enrolled on the day.
    @Test func aPupilsHomeworkNeedsHimEnrolledButNoWindow() {
        let tomorrow = JournalEditRules.Situation(lessonDate: LocalDate(year: 2026, month: 10, day: 2)!, today: Self.lesson, editWindowDays: 7)
        #expect(JournalEditRules.refusal(.pupilRecord, tomorrow, rights: Self.teacher, reason: nil) == nil)
        #expect(JournalEditRules.refusal(.pupilRecord, Self.on(20), rights: Self.teacher, reason: nil) == nil)
        #expect(JournalEditRules.refusal(.pupilRecord, Self.on(20), rights: Self.deputy, reason: nil) == nil)
        let away = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, pupilEnrolled: false)
        #expect(JournalEditRules.refusal(.pupilRecord, away, rights: Self.teacher, reason: nil) == .pupilNotEnrolled)
        let closed = JournalEditRules.Situation(
            lessonDate: Self.lesson,
            today: Self.lesson,
            editWindowDays: 7,
            periodClosed: true,
            pupilEnrolled: false
        )
        #expect(JournalEditRules.refusal(.pupilRecord, closed, rights: Self.teacher, reason: nil) == .periodClosed)
        let cancelled = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, lessonCancelled: true)
        #expect(JournalEditRules.refusal(.pupilRecord, cancelled, rights: Self.teacher, reason: nil) == .lessonCancelled)
        #expect(JournalEditRules.refusal(.pupilRecord, Self.on(1), rights: Self.stranger, reason: nil) == .notYourJournal)
    }

    @Test func someoneWhoNeitherKeepsNorCorrectsIsRefusedFirst() {
        let closed = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, periodClosed: true)
        #expect(JournalEditRules.refusal(.pupilCell, closed, rights: Self.stranger, reason: nil) == .notYourJournal)
    }

    /// A substitution is recorded with the rights on the course: its teacher within the window, the deputy or the
    /// administrator at any time (the lesson keeps who and when, so no reason is asked), ahead of the lesson too.
    @Test(arguments: [(1, true), (8, true), (9, false), (30, false)])
    func theCoursesTeacherRecordsASubstitutionWithinTheWindow(day: Int, open: Bool) {
        let refusal = JournalEditRules.refusal(.substitution, Self.on(day), rights: Self.teacher, reason: "причина")
        #expect(refusal == (open ? nil : .substitutionWindowPassed(days: 7)))
        #expect(JournalEditRules.refusal(.substitution, Self.on(day), rights: Self.deputy, reason: nil) == nil)
    }

    @Test func aSubstitutionIsPlannedAheadButNotInALockedLesson() {
        let tomorrow = JournalEditRules.Situation(lessonDate: LocalDate(year: 2026, month: 10, day: 2)!, today: Self.lesson, editWindowDays: 7)
        #expect(JournalEditRules.refusal(.substitution, tomorrow, rights: Self.deputy, reason: nil) == nil)
        #expect(JournalEditRules.refusal(.substitution, tomorrow, rights: Self.teacher, reason: nil) == nil)
        let closed = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, periodClosed: true)
        let holiday = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, holiday: true)
        let cancelled = JournalEditRules.Situation(lessonDate: Self.lesson, today: Self.lesson, editWindowDays: 7, lessonCancelled: true)
        for rights in [Self.teacher, Self.deputy] {
            #expect(JournalEditRules.refusal(.substitution, closed, rights: rights, reason: "причина") == .periodClosed)
            #expect(JournalEditRules.refusal(.substitution, holiday, rights: rights, reason: nil) == .holiday)
            #expect(JournalEditRules.refusal(.substitution, cancelled, rights: rights, reason: nil) == .lessonCancelled)
        }
        // An unlimited window never hands the substitution over to the deputy alone.
        #expect(JournalEditRules.refusal(.substitution, Self.on(31, window: nil), rights: Self.teacher, reason: nil) == nil)
        #expect(
            JournalEditRules.refusal(.substitution, Self.on(2, window: 0), rights: Self.teacher, reason: nil) == .substitutionWindowPassed(days: 0)
        )
    }

    /// Without the course's rights — a substitute, another teacher — nobody records a substitution, and the refusal
    /// says who may.
    @Test func onlyTheCoursesTeacherTheDeputyOrTheAdministratorRecordsOne() {
        #expect(JournalEditRules.refusal(.substitution, Self.on(1), rights: Self.stranger, reason: "причина") == .substitutionNotYours)
        #expect(JournalEditRules.refusal(.lessonRecord, Self.on(1), rights: Self.stranger, reason: nil) == .notYourJournal)
    }

    @Test func everyRefusalHasACodeAndARussianMessage() {
        let all: [JournalEditRefusal] = [
            .notYourJournal, .periodClosed, .holiday, .lessonCancelled, .lessonNotYetHeld, .pupilNotEnrolled,
            .editWindowPassed(days: 7), .reasonRequired, .substitutionNotYours, .substitutionWindowPassed(days: 7),
        ]
        #expect(Set(all.map(\.code)).count == all.count)
        #expect(all.allSatisfy { $0.message.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })
        #expect(JournalEditRefusal.editWindowPassed(days: 7).message.contains("7 дн."))
        #expect(JournalEditRefusal.substitutionWindowPassed(days: 5).message.contains("5 дн."))
    }
}
