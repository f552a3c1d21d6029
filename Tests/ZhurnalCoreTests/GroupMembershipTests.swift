import Testing

@testable import ZhurnalCore

struct GroupMembershipTests {
    func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: month >= 9 ? 2026 : 2027, month: month, day: day)! }

    func stretch(_ student: Int, _ from: LocalDate, _ to: LocalDate? = nil) -> GroupMembership.Stretch {
        .init(studentID: student, startsOn: from, endsOn: to)
    }

    @Test func stayingLeavingAndJoiningFromADate() throws {
        // 1 and 2 since September; 3 left in October; 4 is not in the group. From 16 November: 1, 3 and 4.
        let current = [stretch(1, day(9, 1)), stretch(2, day(9, 1)), stretch(3, day(9, 1), day(10, 10))]
        let plan = try GroupMembership.plan(current: current, wanted: [1, 3, 4], eligible: [1, 2, 3, 4, 5], on: day(11, 16))
        #expect(plan.ended == [stretch(2, day(9, 1))])
        #expect(plan.removed.isEmpty)
        #expect(plan.opened == [3, 4])
        #expect(plan.left == [2])
    }

    @Test func theSameListChangesNothing() throws {
        let current = [stretch(1, day(9, 1)), stretch(2, day(10, 5))]
        let plan = try GroupMembership.plan(current: current, wanted: [1, 2], eligible: [1, 2], on: day(11, 16))
        #expect(plan.isEmpty)
    }

    @Test func aStretchBegunThatDayOrLaterGivesWay() throws {
        // 1 joined on the 16th itself and is taken off the same day; 2 was to join in December.
        let current = [stretch(1, day(11, 16)), stretch(2, day(12, 1))]
        let plan = try GroupMembership.plan(current: current, wanted: [], eligible: [1, 2], on: day(11, 16))
        #expect(plan.removed == [stretch(1, day(11, 16)), stretch(2, day(12, 1))])
        #expect(plan.ended.isEmpty)
        #expect(plan.left == [1])
    }

    @Test func stayingPastAPlannedEndReopensFromTheDate() throws {
        let current = [stretch(1, day(9, 1), day(12, 31))]
        let plan = try GroupMembership.plan(current: current, wanted: [1], eligible: [1], on: day(11, 16))
        #expect(plan.ended == [stretch(1, day(9, 1), day(12, 31))])
        #expect(plan.opened == [1])
        #expect(plan.left.isEmpty)
    }

    @Test func onlyEligiblePupilsAndATitleOfSensibleLength() {
        #expect(throws: RuleRefusal.self) { try GroupMembership.plan(current: [], wanted: [9], eligible: [1], on: day(11, 16)) }
        #expect(throws: RuleRefusal.self) { try GroupMembership.checkTitle("   ") }
        #expect(throws: RuleRefusal.self) { try GroupMembership.checkTitle(String(repeating: "я", count: 61)) }
        #expect((try? GroupMembership.checkTitle("  Английский язык, группа 1 ")) == "Английский язык, группа 1")
        #expect((try? GroupMembership.checkTitle(String(repeating: "я", count: 60))) != nil)
    }
}
