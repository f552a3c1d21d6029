import Testing

@testable import ZhurnalCore

/// The assessment schedule's rules (DOMAIN.md §4) at their boundaries.
struct AssessmentScheduleTests {
    static let start = LocalDate(iso: "2026-09-07")!

    static func work(
        _ id: Int,
        day: Int,
        number: Int = 3,
        classID: Int = 1,
        parallel: Int = 5,
        subject: Int = 1,
        weekly: Int = 5,
        yearly: Int = 170
    )
        -> AssessmentSchedule.Work
    {
        AssessmentSchedule.Work(
            lessonID: id,
            date: start.adding(days: day),
            lessonNumber: number,
            classID: classID,
            parallel: parallel,
            subjectID: subject,
            weeklyHours: weekly,
            yearlyHours: yearly
        )
    }

    @Test func seventeenDaysApartInAParallelAndSubject() {
        #expect(AssessmentSchedule.warnings([Self.work(1, day: 0), Self.work(2, day: 17)], days: [:]).isEmpty)
        #expect(
            AssessmentSchedule.warnings([Self.work(1, day: 0), Self.work(2, day: 16, classID: 2)], days: [:]) == [
                .tooClose(parallel: 5, subjectID: 1, earlier: Self.start, later: Self.start.adding(days: 16))
            ]
        )
        // Two classes of the parallel writing on one day are one procedure; other subjects and parallels are apart.
        #expect(AssessmentSchedule.warnings([Self.work(1, day: 0), Self.work(2, day: 0, classID: 2)], days: [:]).isEmpty)
        #expect(AssessmentSchedule.warnings([Self.work(1, day: 0), Self.work(2, day: 3, subject: 2)], days: [:]).isEmpty)
        #expect(AssessmentSchedule.warnings([Self.work(1, day: 0), Self.work(2, day: 3, classID: 3, parallel: 6)], days: [:]).isEmpty)
    }

    @Test func tenPercentOfTheYearlyHours() {
        let three = (0..<3).map { Self.work($0, day: 20 * $0, yearly: 30) }
        #expect(AssessmentSchedule.warnings(three, days: [:]).isEmpty)
        let four = (0..<4).map { Self.work($0, day: 20 * $0, yearly: 34) }
        #expect(AssessmentSchedule.warnings(four, days: [:]) == [.overQuota(classID: 1, subjectID: 1, works: 4, yearlyHours: 34)])
    }

    @Test func oneADayAndNotOnTheEdgesOfTheDay() {
        let day = AssessmentSchedule.ClassDay(classID: 1, date: Self.start)
        let bounds = [day: AssessmentSchedule.DayBounds(first: 1, last: 6)]
        #expect(
            AssessmentSchedule.warnings([Self.work(1, day: 0, number: 2), Self.work(2, day: 0, number: 4, subject: 2)], days: bounds) == [
                .sameDay(classID: 1, date: Self.start, works: 2)
            ]
        )
        #expect(
            AssessmentSchedule.warnings([Self.work(1, day: 0, number: 1)], days: bounds) == [
                .edgeLesson(lessonID: 1, classID: 1, date: Self.start, lessonNumber: 1)
            ]
        )
        #expect(AssessmentSchedule.warnings([Self.work(1, day: 0, number: 6)], days: bounds).map(\.code) == ["edge_lesson"])
        // A subject with one lesson a week may have its work on any lesson.
        #expect(AssessmentSchedule.warnings([Self.work(1, day: 0, number: 6, weekly: 1, yearly: 34)], days: bounds).isEmpty)
    }

    @Test func subgroupsWritingTogetherAreOneWorkOfTheClass() {
        // English in two subgroups of class 1: the same test on the same day, four times in the year, 68 hours.
        let works = (0..<4).flatMap { index in
            [
                Self.work(10 * index, day: 20 * index, subject: 3, yearly: 68),
                Self.work(10 * index + 1, day: 20 * index, number: 4, subject: 3, yearly: 68),
            ]
        }
        #expect(AssessmentSchedule.warnings(works, days: [:]).isEmpty)
    }
}
