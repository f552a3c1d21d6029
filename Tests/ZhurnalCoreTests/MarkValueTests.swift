import Foundation
import Testing

@testable import ZhurnalCore

/// Every valid mark value: grades 1–5, double marks with parts 1–5, and the four special values.
let allMarkValues: [MarkValue] =
    (1...5).map { MarkValue.grade($0) }
    + (1...5).flatMap { first in (1...5).map { MarkValue.double(first, $0) } }
    + [.notAttested, .exempt, .passed, .failed]

struct MarkValueTests {
    @Test(arguments: [
        (MarkValue.grade(5), "5"),
        (.grade(2), "2"),
        (.double(4, 3), "4/3"),
        (.notAttested, "н/а"),
        (.exempt, "осв"),
        (.passed, "зач"),
        (.failed, "незач"),
    ])
    func hasCanonicalSpelling(value: MarkValue, canonical: String) {
        #expect(value.canonical == canonical)
        #expect(value.description == canonical)
        #expect(MarkValue(canonical: canonical) == value)
    }

    @Test func roundTripsEveryValueThroughCanonical() {
        #expect(allMarkValues.count == 34)
        for value in allMarkValues {
            #expect(MarkValue(canonical: value.canonical) == value, "\(value)")
        }
        #expect(Set(allMarkValues.map(\.canonical)).count == allMarkValues.count)
    }

    @Test(arguments: ["", "0", "6", "05", " 5", "5 ", "Н/А", "ОСВ", "4/", "4/3/2", "4/6", "６", "5+", "a", "1.5"])
    func readsOnlyExactCanonicalSpellings(text: String) {
        #expect(MarkValue(canonical: text) == nil)
    }

    @Test func reportsNumericValues() {
        #expect(MarkValue.grade(4).numericValues == [4])
        #expect(MarkValue.double(3, 5).numericValues == [3, 5])
        #expect(MarkValue.notAttested.numericValues == [])
        #expect(MarkValue.exempt.numericValues == [])
        #expect(MarkValue.passed.numericValues == [])
        #expect(MarkValue.failed.numericValues == [])
        #expect(MarkValue.grade(4).isNumeric)
        #expect(MarkValue.double(4, 3).isNumeric)
        #expect(!MarkValue.passed.isNumeric)
        #expect(MarkValue.double(5, 3).lowestGrade == 3)
        #expect(MarkValue.grade(4).lowestGrade == 4)
        #expect(MarkValue.exempt.lowestGrade == nil)
    }

    @Test func countsDoubleMarksByTheSchoolSetting() {
        #expect(MarkValue.double(3, 5).countedValues() == [Rational(4)])
        #expect(MarkValue.double(4, 3).countedValues(doubleCounting: .mean) == [Rational(7, 2)])
        #expect(MarkValue.double(4, 3).countedValues(doubleCounting: .twoMarks) == [Rational(4), Rational(3)])
        #expect(MarkValue.grade(5).countedValues(doubleCounting: .twoMarks) == [Rational(5)])
        #expect(MarkValue.notAttested.countedValues() == [])
        #expect(MarkValue.exempt.countedValues(doubleCounting: .twoMarks) == [])
    }

    @Test func codesAsTheCanonicalString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let encoded = try encoder.encode(allMarkValues)
        let json = try #require(String(data: encoded, encoding: .utf8))
        #expect(json.hasPrefix("[\"1\",\"2\""))
        #expect(json.contains("\"4/3\""))
        #expect(try JSONDecoder().decode([MarkValue].self, from: encoded) == allMarkValues)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([MarkValue].self, from: Data("[\"6\"]".utf8))
        }
    }

    @Test func rulesDefaultToTheTwoToFiveScale() {
        let rules = MarkRules()
        #expect(!rules.allowsOne)
        #expect(!rules.allowsDouble)
        #expect(rules.doubleCounting == .mean)
        #expect(rules.grading == .marks)
        #expect(rules.lowestGrade == 2)
        #expect(MarkRules(allowsOne: true).lowestGrade == 1)
        #expect(DoubleMarkCounting.twoMarks.rawValue == "two_marks")
        #expect(DoubleMarkCounting.mean.rawValue == "mean")
    }
}
