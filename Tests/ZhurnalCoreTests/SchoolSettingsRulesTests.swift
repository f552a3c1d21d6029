import Testing

@testable import ZhurnalCore

struct SchoolSettingsRulesTests {
    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch { return (error as? RuleRefusal)?.code ?? "\(error)" }
    }

    @Test func roundingProfiles() throws {
        #expect(try SchoolSettingsRules.rounding(profile: "strict", thresholds: "") == .strict)
        #expect(try SchoolSettingsRules.rounding(profile: "custom", thresholds: " 4,6/3,6/2,6 ").storageValue == "custom:4.6/3.6/2.6")
        #expect(refusal { _ = try SchoolSettingsRules.rounding(profile: "custom", thresholds: "3/4/5") } == "bad_thresholds")
        #expect(refusal { _ = try SchoolSettingsRules.rounding(profile: "custom", thresholds: "") } == "bad_thresholds")
        #expect(refusal { _ = try SchoolSettingsRules.rounding(profile: "custom:4.5/3.5/2.5", thresholds: "") } == "bad_profile")
        #expect(refusal { _ = try SchoolSettingsRules.rounding(profile: "banker", thresholds: "") } == "bad_profile")
    }

    @Test func editWindowAndHomeworkDeadline() throws {
        #expect(try SchoolSettingsRules.editWindow(" ") == nil)
        #expect(try SchoolSettingsRules.editWindow("0") == 0)
        #expect(try SchoolSettingsRules.editWindow("90") == 90)
        #expect(refusal { _ = try SchoolSettingsRules.editWindow("91") } == "bad_edit_window")
        #expect(refusal { _ = try SchoolSettingsRules.editWindow("-1") } == "bad_edit_window")
        #expect(refusal { _ = try SchoolSettingsRules.editWindow("неделя") } == "bad_edit_window")
        #expect(try SchoolSettingsRules.homeworkDeadline(60) == 60)
        #expect(refusal { _ = try SchoolSettingsRules.homeworkDeadline(241) } == "bad_homework_deadline")
    }

    @Test func subjectsAndWorkTypes() throws {
        #expect(try SchoolSettingsRules.subject(name: " Астрономия ", shortName: "", among: ["Физика"]) == ("Астрономия", "Астрономия"))
        #expect(refusal { _ = try SchoolSettingsRules.subject(name: "физика", shortName: "Физ.", among: ["Физика"]) } == "duplicate_subject")
        #expect(refusal { _ = try SchoolSettingsRules.subject(name: "  ", shortName: "", among: []) } == "bad_name")
        #expect(
            refusal { _ = try SchoolSettingsRules.subject(name: "Х", shortName: String(repeating: "к", count: 21), among: []) } == "bad_short_name"
        )
        #expect(try SchoolSettingsRules.workType(name: "Зачёт", weight: 3, deadlineDays: 7, among: ["Ответ на уроке"]) == "Зачёт")
        #expect(refusal { _ = try SchoolSettingsRules.workType(name: "Зачёт", weight: 0, deadlineDays: 7, among: []) } == "bad_weight")
        #expect(refusal { _ = try SchoolSettingsRules.workType(name: "Зачёт", weight: 11, deadlineDays: 7, among: []) } == "bad_weight")
        #expect(refusal { _ = try SchoolSettingsRules.workType(name: "Зачёт", weight: 1, deadlineDays: 61, among: []) } == "bad_deadline")
        #expect(
            refusal { _ = try SchoolSettingsRules.workType(name: "ответ на уроке", weight: 1, deadlineDays: 7, among: ["Ответ на уроке"]) }
                == "duplicate_work_type"
        )
    }

    @Test func bellsFollowTheirNumbersWithoutOverlapping() throws {
        let day = [(number: 1, startsAt: "08:30", endsAt: "09:15"), (number: 3, startsAt: "10:25", endsAt: "11:10")]
        #expect(try SchoolSettingsRules.bell(number: 2, startsAt: "9:25", endsAt: "10:10", others: day) == ("09:25", "10:10"))
        // Touching at the minute is no overlap.
        #expect(try SchoolSettingsRules.bell(number: 2, startsAt: "09:15", endsAt: "10:25", others: day) == ("09:15", "10:25"))
        #expect(refusal { _ = try SchoolSettingsRules.bell(number: 2, startsAt: "09:10", endsAt: "10:10", others: day) } == "bells_overlap")
        #expect(refusal { _ = try SchoolSettingsRules.bell(number: 2, startsAt: "11:20", endsAt: "12:00", others: day) } == "bells_order")
        #expect(refusal { _ = try SchoolSettingsRules.bell(number: 2, startsAt: "10:10", endsAt: "09:25", others: day) } == "bad_time")
        #expect(refusal { _ = try SchoolSettingsRules.bell(number: 2, startsAt: "24:00", endsAt: "24:30", others: day) } == "bad_time")
        #expect(refusal { _ = try SchoolSettingsRules.bell(number: 2, startsAt: "9.25", endsAt: "10:10", others: day) } == "bad_time")
        #expect(refusal { _ = try SchoolSettingsRules.bell(number: 13, startsAt: "19:00", endsAt: "19:45", others: day) } == "bad_lesson_number")
    }
}

extension SchoolSettingsRulesTests {
    @Test func doubleMarksAreForbiddenOnlyWhileNoneWereGiven() {
        #expect(throws: Never.self) { try SchoolSettingsRules.doubleMarks(allowed: false, given: 0) }
        #expect(throws: Never.self) { try SchoolSettingsRules.doubleMarks(allowed: true, given: 3) }
        #expect(throws: RuleRefusal.self) { try SchoolSettingsRules.doubleMarks(allowed: false, given: 1) }
    }
}
