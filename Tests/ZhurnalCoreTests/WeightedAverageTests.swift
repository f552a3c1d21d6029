import Testing

@testable import ZhurnalCore

struct WeightedAverageTests {
    @Test func firstExampleOfTheDomain() throws {
        let marks: [CountedMark] = [.grade(5, weight: 3), .grade(5, weight: 1), .grade(4, weight: 5)]
        let average = try #require(WeightedAverage.of(marks))
        #expect(average == Rational(40, 9))
        #expect(average.decimalString() == "4,44")
    }

    @Test func secondExampleOfTheDomain() throws {
        let average = try #require(WeightedAverage.of([.grade(5, weight: 2), .grade(3, weight: 1)]))
        #expect(average == Rational(13, 3))
        #expect(average.decimalString() == "4,33")
    }

    @Test func doubleMarkCountsAsItsMeanWithItsWeight() {
        let double = CountedMark(value: .double(3, 5), weight: 2)
        #expect(WeightedAverage.of([double]) == Rational(4))
        // "3/5" w2 next to a 5 w1 is the same as a 4 w2 next to it.
        #expect(WeightedAverage.of([.grade(5), double]) == WeightedAverage.of([.grade(5), .grade(4, weight: 2)]))
        #expect(WeightedAverage.of([.grade(5), double]) == Rational(13, 3))
        #expect(WeightedAverage.of([CountedMark(value: .double(4, 3), weight: 1)]) == Rational(7, 2))
    }

    @Test func doubleMarkAsTwoMarksEachWithTheWeight() {
        let double = CountedMark(value: .double(3, 5), weight: 2)
        #expect(WeightedAverage.of([.grade(5), double], doubleCounting: .twoMarks) == Rational(21, 5))
        let fourThree = CountedMark(value: .double(4, 3), weight: 1)
        #expect(WeightedAverage.of([fourThree], doubleCounting: .twoMarks) == Rational(7, 2))
        #expect(WeightedAverage.of([.grade(5), fourThree], doubleCounting: .mean) == Rational(17, 4))
        #expect(WeightedAverage.of([.grade(5), fourThree], doubleCounting: .twoMarks) == Rational(4))
    }

    @Test func nonNumericValuesDoNotCount() {
        let marks: [CountedMark] = [
            .grade(5),
            CountedMark(value: .exempt, weight: 3),
            CountedMark(value: .passed, weight: 2),
            CountedMark(value: .failed, weight: 1),
            CountedMark(value: .notAttested, weight: 5),
            .grade(2, weight: 0),
        ]
        #expect(WeightedAverage.of(marks) == Rational(5))
    }

    @Test func isNilWhenNothingCounts() {
        #expect(WeightedAverage.of([]) == nil)
        #expect(WeightedAverage.of([CountedMark(value: .exempt, weight: 1)]) == nil)
        #expect(WeightedAverage.of([.grade(4, weight: 0)]) == nil)
        #expect(WeightedAverage.formula([]) == nil)
    }

    @Test func writesTheFormulaForTheDiary() {
        #expect(
            WeightedAverage.formula([.grade(5, weight: 3), .grade(5, weight: 1), .grade(4, weight: 5)])
                == "(5·3 + 5·1 + 4·5) / (3 + 1 + 5) ≈ 4,44"
        )
        #expect(
            WeightedAverage.formula([.grade(5, weight: 2), .grade(3, weight: 1)])
                == "(5·2 + 3·1) / (2 + 1) ≈ 4,33"
        )
        #expect(
            WeightedAverage.formula([CountedMark(value: .double(4, 3), weight: 1), .grade(5, weight: 1)])
                == "(3,5·1 + 5·1) / (1 + 1) = 4,25"
        )
        #expect(
            WeightedAverage.formula([CountedMark(value: .double(4, 3), weight: 2)], doubleCounting: .twoMarks)
                == "(4·2 + 3·2) / (2 + 2) = 3,50"
        )
    }

    @Test func countedMarkKnowsWhetherItCounts() {
        #expect(CountedMark.grade(4, weight: 2).counts)
        #expect(!CountedMark.grade(4, weight: 0).counts)
        #expect(!CountedMark(value: .passed, weight: 1).counts)
        #expect(CountedMark.grade(3) == CountedMark(value: .grade(3), weight: 1))
    }
}
