import Testing
import ZhurnalCore

/// Who may be recorded as the teacher of a lesson: a teacher of the school whose account works.
struct SubstitutionTests {
    @Test func aWorkingTeacherMayTakeTheLesson() {
        #expect(Substitution.refusal(.init(active: true, roles: [.teacher])) == nil)
        #expect(Substitution.refusal(.init(active: true, roles: [.teacher, .homeroom, .parent])) == nil)
        // The deputy who also teaches takes a lesson as a teacher.
        #expect(Substitution.refusal(.init(active: true, roles: [.deputy, .teacher])) == nil)
    }

    @Test func anyoneElseIsRefusedWithWhy() {
        #expect(Substitution.refusal(nil) == .unknownPerson)
        #expect(Substitution.refusal(.init(active: false, roles: [])) == .notATeacher)
        #expect(Substitution.refusal(.init(active: true, roles: [.deputy])) == .notATeacher)
        #expect(Substitution.refusal(.init(active: true, roles: [.parent, .homeroom])) == .notATeacher)
        #expect(Substitution.refusal(.init(active: false, roles: [.teacher])) == .inactive)
    }

    @Test func everyRefusalHasItsCodeAndARussianMessage() {
        let all: [SubstitutionRefusal] = [.unknownPerson, .notATeacher, .inactive]
        #expect(Set(all.map(\.code)) == ["unknown_teacher", "not_a_teacher", "teacher_inactive"])
        #expect(Set(all.map(\.message)).count == all.count)
        #expect(all.allSatisfy { $0.message.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })
    }
}
