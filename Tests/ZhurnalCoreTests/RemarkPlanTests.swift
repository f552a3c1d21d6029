import Testing

@testable import ZhurnalCore

/// The weekly remarks: one per outstanding item, none twice, closed once the item is no longer outstanding.
struct RemarkPlanTests {
    static func overdue(_ id: Int, _ problems: [JournalControl.Problem]) -> JournalControl.Overdue {
        let lesson = JournalControlTests.lesson(id, date: JournalControlTests.monday.adding(days: id))
        return JournalControl.Overdue(lesson: lesson, problems: problems)
    }

    @Test func remarksOnlyWhatIsOutstandingAndNotYetRemarked() {
        let plan = RemarkPlan.plan(
            open: [2: [.noRecord: 20]],
            overdue: [
                Self.overdue(1, [.topicLate, .homeworkLate, .lateMarks, .changedAfterWindow]),
                Self.overdue(2, [.noRecord]),
                Self.overdue(3, [.topicMissing, .unexplainedAbsences]),
            ],
            creating: true
        )
        #expect(plan.add.map { "\($0.lesson.id) \($0.problem.rawValue)" } == ["3 topic_missing", "3 unexplained_absences"])
        #expect(plan.close.isEmpty)
    }

    @Test func closesWhatWasPutRightOrTakenAway() {
        let open: [Int: [JournalControl.Problem: Int]] = [2: [.noRecord: 20], 3: [.topicMissing: 30, .unexplainedAbsences: 31], 9: [.noRecord: 90]]
        // Lesson 2 now has its record, lesson 3 still has its «н» but got its topic, lesson 9 is gone.
        let plan = RemarkPlan.plan(open: open, overdue: [Self.overdue(3, [.unexplainedAbsences])], creating: true)
        #expect(plan.add.isEmpty)
        #expect(plan.close == [20, 30, 90])
        // A reader's recheck closes the same and makes nothing new.
        let recheck = RemarkPlan.plan(open: open, overdue: [Self.overdue(3, [.unexplainedAbsences]), Self.overdue(4, [.noRecord])], creating: false)
        #expect(recheck.add.isEmpty)
        #expect(recheck.close == [20, 30, 90])
    }
}
