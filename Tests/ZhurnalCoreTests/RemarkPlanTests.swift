import Testing

@testable import ZhurnalCore

/// The weekly remarks: one per outstanding item, none twice, closed once the item is no longer outstanding.
struct RemarkPlanTests {
    static let monday = JournalControlTests.monday

    static func overdue(_ id: Int, _ problems: [JournalControl.Problem]) -> JournalControl.Overdue {
        JournalControl.Overdue(lesson: JournalControlTests.lesson(id, date: monday.adding(days: id)), problems: problems)
    }

    static func open(_ id: Int, lesson: Int, _ problem: JournalControl.Problem, gone: Bool = false) -> RemarkPlan.OpenRemark {
        RemarkPlan.OpenRemark(id: id, lessonID: lesson, problem: problem, lessonDate: gone ? nil : monday.adding(days: lesson))
    }

    static let twoWeeks = DateSpan(monday, monday.adding(days: 13))

    @Test func remarksOnlyWhatIsOutstandingAndNotYetRemarked() {
        let plan = RemarkPlan.plan(
            open: [Self.open(20, lesson: 2, .noRecord)],
            overdue: [
                Self.overdue(1, [.topicLate, .homeworkLate, .lateMarks, .changedAfterWindow]),
                Self.overdue(2, [.noRecord]),
                Self.overdue(3, [.topicMissing, .unexplainedAbsences]),
            ],
            checked: Self.twoWeeks,
            creating: true
        )
        #expect(plan.add.map { "\($0.lesson.id) \($0.problem.rawValue)" } == ["3 topic_missing", "3 unexplained_absences"])
        #expect(plan.close.isEmpty)
    }

    @Test func closesWhatWasPutRightOrTakenAway() {
        let open = [
            Self.open(20, lesson: 2, .noRecord), Self.open(30, lesson: 3, .topicMissing), Self.open(31, lesson: 3, .unexplainedAbsences),
            Self.open(90, lesson: 9, .noRecord, gone: true),
        ]
        // Lesson 2 now has its record, lesson 3 still has its «н» but got its topic, lesson 9 is gone.
        let plan = RemarkPlan.plan(open: open, overdue: [Self.overdue(3, [.unexplainedAbsences])], checked: Self.twoWeeks, creating: true)
        #expect(plan.add.isEmpty)
        #expect(plan.close == [20, 30, 90])
        // The nightly pass closes the same and makes nothing new.
        let nightly = RemarkPlan.plan(
            open: open,
            overdue: [Self.overdue(3, [.unexplainedAbsences]), Self.overdue(4, [.noRecord])],
            checked: Self.twoWeeks,
            creating: false
        )
        #expect(nightly.add.isEmpty)
        #expect(nightly.close == [20, 30, 90])
    }

    @Test func anEarlierWeeksCheckLeavesLaterRemarksAlone() {
        // A remark on lesson 10 (22.10) is outside a check that judged only up to 18.10.
        let earlier = DateSpan(Self.monday, Self.monday.adding(days: 6))
        let plan = RemarkPlan.plan(open: [Self.open(100, lesson: 10, .noRecord)], overdue: [], checked: earlier, creating: true)
        #expect(plan.close.isEmpty)
        #expect(RemarkPlan.plan(open: [], overdue: [Self.overdue(10, [.noRecord])], checked: earlier, creating: true).add.isEmpty)
    }
}
