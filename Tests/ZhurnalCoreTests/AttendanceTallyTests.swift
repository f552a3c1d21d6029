import Testing

@testable import ZhurnalCore

private let н = AttendanceCode.absent
private let б = AttendanceCode.ill
private let у = AttendanceCode.excused
private let оп = AttendanceCode.late

struct AttendanceTallyTests {
    @Test func aDayWithEveryLessonMissedIsAMissedDay() {
        let day = AttendanceDay(codes: [б, б, б, б, б])
        #expect(day.lessons == 5)
        #expect(day.missed == AbsenceCounts(ill: 5))
        #expect(day.missedDayReason == .ill)
    }

    @Test func oneLessonAttendedMeansTheDayWasNotMissed() {
        let day = AttendanceDay(codes: [н, н, н, nil, н])
        #expect(day.missed.total == 4)
        #expect(day.missedDayReason == nil)
    }

    @Test func lateIsNotAnAbsence() {
        let lateOnly = AttendanceDay(codes: [оп, nil, nil])
        #expect(lateOnly.missed.total == 0)
        #expect(lateOnly.late == 1)
        #expect(lateOnly.missedDayReason == nil)
        // Late to the only lesson he did not miss: he was at school, the day is not missed.
        let lateToTheLast = AttendanceDay(codes: [н, н, оп])
        #expect(lateToTheLast.missedDayReason == nil)
        #expect(lateToTheLast.missed.absent == 2)
    }

    @Test func aDayWithoutLessonsIsNeverMissed() {
        #expect(AttendanceDay(codes: []).missedDayReason == nil)
        #expect(AttendanceDay(lessons: 0, missed: AbsenceCounts(), late: 0).missedDayReason == nil)
    }

    @Test func theReasonOfAMixedDay() {
        #expect(AttendanceDay(codes: [у, у]).missedDayReason == .excused)
        #expect(AttendanceDay(codes: [б, у]).missedDayReason == .excused)
        #expect(AttendanceDay(codes: [б, б, у]).missedDayReason == .excused)
        #expect(AttendanceDay(codes: [б, н]).missedDayReason == .absent)
        #expect(AttendanceDay(codes: [у, у, н]).missedDayReason == .absent)
        #expect(AttendanceDay(codes: [н]).missedDayReason == .absent)
    }

    @Test func countsBeyondTheLessonsRaiseTheLessons() {
        let day = AttendanceDay(lessons: 2, missed: AbsenceCounts(absent: 2, ill: 1), late: 0)
        #expect(day.lessons == 3)
        #expect(day.missedDayReason == .absent)
    }

    /// A week of a pupil who had 6 lessons a day: Monday ill all day, Tuesday ill for two lessons, Wednesday late once,
    /// Thursday away all day without a known reason, Friday all present. 30 lessons, 6 + 2 + 6 = 14 missed.
    @Test func aWorkedWeek() throws {
        let days = [
            AttendanceDay(codes: [б, б, б, б, б, б]),
            AttendanceDay(codes: [б, б, nil, nil, nil, nil]),
            AttendanceDay(codes: [nil, оп, nil, nil, nil, nil]),
            AttendanceDay(codes: [н, н, н, н, н, н]),
        ]
        let tally = AttendanceTally(lessons: 30, days: days)
        #expect(tally.lessons == 30)
        #expect(tally.missedLessons == AbsenceCounts(absent: 6, ill: 8))
        #expect(tally.lateLessons == 1)
        #expect(tally.missedDays == AbsenceCounts(absent: 1, ill: 1))
        #expect(tally.missedShare == Rational(14, 30))
        #expect(tally.missedPercent == "46,7")
    }

    @Test func aPupilWithoutLessonsHasNoShare() {
        let tally = AttendanceTally(lessons: 0, days: [])
        #expect(tally.missedShare == nil)
        #expect(tally.missedPercent == nil)
        #expect(AttendanceTally().lessons == 0)
    }

    @Test func theTotalIsRaisedToTheDaysLessons() {
        let tally = AttendanceTally(lessons: 1, days: [AttendanceDay(codes: [у, у, у])])
        #expect(tally.lessons == 3)
        #expect(tally.missedShare == .one)
        #expect(tally.missedPercent == "100,0")
    }

    /// A class is its pupils summed: the share is of all their lessons (1 + 0 of 10 + 20 = 1/30), not the mean of
    /// their shares (1/20).
    @Test func aClassSumsItsPupils() {
        let first = AttendanceTally(lessons: 10, days: [AttendanceDay(codes: [у, nil])])
        let second = AttendanceTally(lessons: 20, days: [AttendanceDay(codes: [оп, nil, nil])])
        let whole = first + second
        #expect(whole.lessons == 30)
        #expect(whole.missedLessons == AbsenceCounts(excused: 1))
        #expect(whole.lateLessons == 1)
        #expect(whole.missedDays == AbsenceCounts())
        #expect(whole.missedShare == Rational(1, 30))
        #expect(whole.missedPercent == "3,3")
        #expect(whole + AttendanceTally() == whole)
    }

    @Test func countsByCode() {
        let counts = AbsenceCounts(absent: 1, ill: 2, excused: 3)
        #expect(counts[н] == 1)
        #expect(counts[б] == 2)
        #expect(counts[у] == 3)
        #expect(counts[оп] == 0)
        #expect(counts.total == 6)
    }

    @Test func rangeBoundaries() throws {
        let first = try #require(LocalDate(iso: "2026-09-01"))
        #expect(try ReportRange.check(from: first, to: first) == DateSpan(first, first))
        #expect(try ReportRange.check(from: first, to: first.adding(days: 365)).end == first.adding(days: 365))
        #expect(throws: RuleRefusal.self) { try ReportRange.check(from: first, to: first.adding(days: 366)) }
        let backwards = #expect(throws: RuleRefusal.self) { try ReportRange.check(from: first, to: first.adding(days: -1)) }
        #expect(backwards?.code == "bad_range")
    }
}
