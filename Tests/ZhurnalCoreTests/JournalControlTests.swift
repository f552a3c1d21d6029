import Testing

@testable import ZhurnalCore

/// The journal-keeping control's deadlines (DOMAIN.md §4) at their boundaries.
struct JournalControlTests {
    static let monday = LocalDate(iso: "2026-10-12")!
    static let rules = JournalControl.Rules(today: LocalDate(iso: "2026-10-20")!, homeworkMinutes: 60, editWindowDays: 7)

    static func lesson(
        _ id: Int = 1,
        date: LocalDate = monday,
        topic: SchoolMoment? = SchoolMoment(date: monday, minute: 600),
        record: Bool = true,
        homework: SchoolMoment? = nil,
        dayEnds: Int? = 13 * 60,
        marks: [JournalControl.MarkEntry] = [],
        changes: [SchoolMoment] = [],
        absences: Int = 0
    ) -> JournalControl.Lesson {
        JournalControl.Lesson(
            id: id,
            courseID: 1,
            teacherID: 7,
            date: date,
            number: 1,
            topicEntered: topic,
            hasRecord: record,
            homeworkEntered: homework,
            classDayEnds: dayEnds,
            marks: marks,
            markChanges: changes,
            unexplainedAbsences: absences
        )
    }

    @Test func topicIsOnTimeUntilTheDaysLastMinute() {
        let day = Self.monday
        #expect(JournalControl.problems(of: Self.lesson(topic: SchoolMoment(date: day, minute: 1439)), rules: Self.rules).isEmpty)
        #expect(
            JournalControl.problems(of: Self.lesson(topic: SchoolMoment(date: day.adding(days: 1), minute: 0)), rules: Self.rules) == [.topicLate]
        )
        // A lesson with attendance but no topic, its day over: the topic is missing; one with nothing at all has no record.
        #expect(JournalControl.problems(of: Self.lesson(topic: nil), rules: Self.rules) == [.topicMissing])
        #expect(JournalControl.Problem.allCases.filter(\.isOutstanding) == [.noRecord, .topicMissing, .unexplainedAbsences])
        #expect(JournalControl.problems(of: Self.lesson(topic: nil, record: false), rules: Self.rules) == [.noRecord])
        // Today's lesson is not late yet.
        let today = JournalControl.Rules(today: day, homeworkMinutes: 60, editWindowDays: 7)
        #expect(JournalControl.problems(of: Self.lesson(topic: nil, record: false), rules: today).isEmpty)
    }

    @Test func homeworkIsDueAnHourAfterTheClassesLastLesson() {
        let day = Self.monday
        #expect(JournalControl.problems(of: Self.lesson(homework: SchoolMoment(date: day, minute: 14 * 60)), rules: Self.rules).isEmpty)
        #expect(
            JournalControl.problems(of: Self.lesson(homework: SchoolMoment(date: day, minute: 14 * 60 + 1)), rules: Self.rules) == [.homeworkLate]
        )
        // A last lesson ending at 23:30 puts the deadline past midnight.
        #expect(
            JournalControl.problems(
                of: Self.lesson(homework: SchoolMoment(date: day.adding(days: 1), minute: 30), dayEnds: 23 * 60 + 30),
                rules: Self.rules
            )
            .isEmpty
        )
        // Homework written before the lesson is on time; bells that do not say give no deadline.
        #expect(JournalControl.problems(of: Self.lesson(homework: SchoolMoment(date: day.adding(days: -1), minute: 0)), rules: Self.rules).isEmpty)
        #expect(
            JournalControl.problems(of: Self.lesson(homework: SchoolMoment(date: day.adding(days: 5), minute: 0), dayEnds: nil), rules: Self.rules)
                .isEmpty
        )
    }

    @Test func marksAreLateAfterTheirWorkTypesDeadlineDay() {
        let day = Self.monday
        let onTime = JournalControl.MarkEntry(
            workDate: day,
            deadlineDays: 7,
            entered: SchoolMoment(date: day.adding(days: 7), minute: 1439),
            count: 3
        )
        let late = JournalControl.MarkEntry(workDate: day, deadlineDays: 7, entered: SchoolMoment(date: day.adding(days: 8), minute: 0), count: 2)
        #expect(JournalControl.problems(of: Self.lesson(marks: [onTime]), rules: Self.rules).isEmpty)
        #expect(JournalControl.problems(of: Self.lesson(marks: [onTime, late]), rules: Self.rules) == [.lateMarks])
        #expect(JournalControl.rows([Self.lesson(marks: [onTime, late])], rules: Self.rules).first?.lateMarks == 2)
    }

    @Test func changesAfterTheEditWindowAndAbsencesAfterThreeDays() {
        let day = Self.monday
        let inside = SchoolMoment(date: day.adding(days: 7), minute: 1439)
        let after = SchoolMoment(date: day.adding(days: 8), minute: 0)
        #expect(JournalControl.problems(of: Self.lesson(changes: [inside]), rules: Self.rules).isEmpty)
        #expect(JournalControl.problems(of: Self.lesson(changes: [inside, after, after]), rules: Self.rules) == [.changedAfterWindow])
        let noWindow = JournalControl.Rules(today: Self.rules.today, homeworkMinutes: 60, editWindowDays: nil)
        #expect(JournalControl.problems(of: Self.lesson(changes: [after]), rules: noWindow).isEmpty)
        // «н» of 12.10 is overdue from 16.10: three whole days to explain it.
        let absent = Self.lesson(absences: 2)
        #expect(
            JournalControl.problems(of: absent, rules: JournalControl.Rules(today: day.adding(days: 3), homeworkMinutes: 60, editWindowDays: 7))
                .isEmpty
        )
        #expect(
            JournalControl.problems(of: absent, rules: JournalControl.Rules(today: day.adding(days: 4), homeworkMinutes: 60, editWindowDays: 7))
                == [.unexplainedAbsences]
        )
    }

    @Test func rowsCountPerCourseAndTeacher() throws {
        let day = Self.monday
        let lessons = [
            Self.lesson(1, homework: SchoolMoment(date: day, minute: 13 * 60)),
            Self.lesson(2, date: day.adding(days: 1), topic: SchoolMoment(date: day.adding(days: 3), minute: 0)),
            Self.lesson(3, date: day.adding(days: 2), topic: nil, record: false),
            Self.lesson(4, date: day.adding(days: 3), absences: 1),
        ]
        let rows = JournalControl.rows(lessons, rules: Self.rules)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect((row.held, row.topicOnTime, row.homeworkOnTime, row.withoutRecord, row.unexplainedAbsences) == (4, 2, 1, 1, 1))
        #expect(row.topicOnTimeRate == Rational(50))
        #expect(row.homeworkOnTimeRate == Rational(25))
        #expect(row.overdue.map(\.lesson.id) == [2, 3, 4])
        #expect(row.overdue.map(\.problems) == [[.topicLate], [.noRecord], [.unexplainedAbsences]])
        #expect(JournalControl.rows([], rules: Self.rules).isEmpty)
    }

    @Test func programmePaceAndStudyDays() {
        #expect(JournalControl.plannedHours(yearly: 170, studyDaysElapsed: 30, studyDaysInYear: 39) == 131)
        #expect(JournalControl.plannedHours(yearly: 34, studyDaysElapsed: 0, studyDaysInYear: 170) == 0)
        #expect(JournalControl.plannedHours(yearly: 34, studyDaysElapsed: 200, studyDaysInYear: 170) == 34)
        #expect(JournalControl.plannedHours(yearly: 34, studyDaysElapsed: 5, studyDaysInYear: 0) == 0)
        let quarter = DateSpan(LocalDate(iso: "2026-09-01")!, LocalDate(iso: "2026-10-23")!)
        #expect(JournalControl.studyDays(periods: [quarter], holidays: [], through: LocalDate(iso: "2027-01-01")!) == 39)
        #expect(JournalControl.studyDays(periods: [quarter], holidays: [], through: LocalDate(iso: "2026-10-12")!) == 30)
        // Overlapping periods count a day once; a holiday week takes its five days away.
        let holiday = DateSpan(LocalDate(iso: "2026-10-05")!, LocalDate(iso: "2026-10-11")!)
        #expect(JournalControl.studyDays(periods: [quarter, quarter], holidays: [holiday], through: LocalDate(iso: "2026-10-12")!) == 25)
    }

    @Test func accumulationIsDueByTheShareOfThePeriodGoneBy() {
        let quarter = DateSpan(LocalDate(iso: "2026-09-01")!, LocalDate(iso: "2026-10-23")!)
        // 53 days; by 12.10 (day 42) 5 × 42 / 53 = 3 marks are due.
        #expect(JournalControl.belowAccumulation(markCounts: [3, 2, 0, 5], minimum: 5, period: quarter, on: LocalDate(iso: "2026-10-12")!) == 2)
        // On the first day nothing is due yet; on the last day and after, the whole minimum.
        #expect(JournalControl.belowAccumulation(markCounts: [0, 0], minimum: 5, period: quarter, on: quarter.start) == 0)
        #expect(JournalControl.belowAccumulation(markCounts: [4, 5], minimum: 5, period: quarter, on: quarter.end) == 1)
        #expect(JournalControl.belowAccumulation(markCounts: [4, 5], minimum: 5, period: quarter, on: quarter.end.adding(days: 30)) == 1)
    }

    @Test func todaysLessonsAreNotYetJudged() throws {
        let day = Self.monday
        let today = JournalControl.Rules(today: day.adding(days: 1), homeworkMinutes: 60, editWindowDays: 7)
        let rows = JournalControl.rows(
            [Self.lesson(1), Self.lesson(2, date: day.adding(days: 1), topic: nil, record: false)],
            rules: today
        )
        let row = try #require(rows.first)
        #expect((row.held, row.judged, row.topicOnTime, row.withoutRecord) == (2, 1, 1, 0))
        #expect(row.topicOnTimeRate == Rational(100))
    }
}
