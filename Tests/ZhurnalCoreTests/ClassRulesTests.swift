import Testing

@testable import ZhurnalCore

struct ClassRulesTests {
    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch { return (error as? ClassRules.Refusal)?.code ?? "\(error)" }
    }

    @Test func aLetterIsRussianAndCanonical() throws {
        #expect(try ClassRules.letter(" а ") == "А")
        #expect(try ClassRules.letter("ё") == "Ё")
        #expect(try ClassRules.letter("мб") == "МБ")
        // A Latin «A» looks like the Cyrillic one but is not.
        #expect(refusal { _ = try ClassRules.letter("A") } == "bad_letter")
        #expect(refusal { _ = try ClassRules.letter("") } == "bad_letter")
        #expect(refusal { _ = try ClassRules.letter("АБВ") } == "bad_letter")
        #expect(refusal { _ = try ClassRules.letter("1") } == "bad_letter")
    }

    @Test func aClassNameIsFreeAndItsParallelReal() {
        let existing = [(parallel: 5, letter: "А"), (parallel: 6, letter: "Б")]
        #expect(refusal { try ClassRules.check(parallel: 5, letter: "Б", among: existing) } == nil)
        #expect(refusal { try ClassRules.check(parallel: 11, letter: "А", among: existing) } == nil)
        #expect(refusal { try ClassRules.check(parallel: 5, letter: "А", among: existing) } == "duplicate_class")
        #expect(refusal { try ClassRules.check(parallel: 0, letter: "А", among: existing) } == "bad_parallel")
        #expect(refusal { try ClassRules.check(parallel: 12, letter: "А", among: existing) } == "bad_parallel")
    }

    @Test func aHomeroomTeacherIsATeacherOfOneClass() {
        #expect(refusal { try ClassRules.check(homeroom: [.teacher], leads: nil) } == nil)
        #expect(refusal { try ClassRules.check(homeroom: [.teacher, .homeroom], leads: "5А") } == "already_homeroom")
        #expect(refusal { try ClassRules.check(homeroom: [.parent], leads: nil) } == "not_a_teacher")
    }
}
