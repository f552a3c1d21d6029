import Testing

@testable import ZhurnalCore

/// Laws checked over many cases drawn from a seeded `SplitMix64`; a failure names its iteration, and the seed
/// in the test reproduces it.
struct PropertyTests {
    static let iterations = 2_000

    // MARK: Weighted average

    @Test func averageOfEqualMarksIsThatMark() {
        var random = SplitMix64(seed: 1)
        for iteration in 0..<Self.iterations {
            let grade = random.int(2...5)
            let marks = (0..<random.int(1...20)).map { _ in CountedMark.grade(grade, weight: random.int(1...10)) }
            #expect(WeightedAverage.of(marks) == Rational(grade), "iteration \(iteration)")
            let double = CountedMark(value: .double(grade, grade), weight: random.int(1...10))
            #expect(WeightedAverage.of(marks + [double], doubleCounting: .twoMarks) == Rational(grade))
        }
    }

    @Test func addingTheAverageLeavesItUnchanged() throws {
        var random = SplitMix64(seed: 2)
        for iteration in 0..<Self.iterations {
            let counting: DoubleMarkCounting = random.bool() ? .mean : .twoMarks
            let marks = (0..<random.int(1...15)).map { _ in random.numericMark() }
            let average = try #require(WeightedAverage.of(marks, doubleCounting: counting))
            let terms = marks.flatMap { mark in
                mark.value.countedValues(doubleCounting: counting).map { (value: $0, weight: mark.weight) }
            }
            let extended = terms + [(value: average, weight: random.int(1...10))]
            #expect(WeightedAverage.mean(of: extended) == average, "iteration \(iteration)")
            // The same through marks, when the average is a mark or the mean of a double mark.
            if average.isInteger {
                let withMark = marks + [CountedMark.grade(average.numerator, weight: random.int(1...10))]
                #expect(WeightedAverage.of(withMark, doubleCounting: counting) == average)
            } else if (average * Rational(2)).isInteger, counting == .mean {
                let sum = (average * Rational(2)).numerator
                let double = CountedMark(value: .double(sum / 2, sum - sum / 2), weight: random.int(1...10))
                #expect(WeightedAverage.of(marks + [double]) == average)
            }
        }
    }

    @Test func averageLiesBetweenTheLowestAndHighestMark() throws {
        var random = SplitMix64(seed: 3)
        for iteration in 0..<Self.iterations {
            let counting: DoubleMarkCounting = random.bool() ? .mean : .twoMarks
            let marks = (0..<random.int(1...25)).map { _ in random.numericMark() }
            let values = marks.flatMap { $0.value.countedValues(doubleCounting: counting) }
            let average = try #require(WeightedAverage.of(marks, doubleCounting: counting))
            #expect(values.min()! <= average && average <= values.max()!, "iteration \(iteration)")
        }
    }

    @Test func averageIgnoresOrderAndCommonWeightScale() {
        var random = SplitMix64(seed: 4)
        for iteration in 0..<Self.iterations {
            let marks = (0..<random.int(1...12)).map { _ in random.numericMark() }
            let factor = random.int(2...10)
            let scaled = marks.map { CountedMark(value: $0.value, weight: $0.weight * factor) }
            let shuffled = marks.shuffled(using: &random)
            #expect(WeightedAverage.of(scaled) == WeightedAverage.of(marks), "iteration \(iteration)")
            #expect(WeightedAverage.of(shuffled) == WeightedAverage.of(marks), "iteration \(iteration)")
        }
    }

    @Test func nonCountingMarksNeverChangeTheAverage() {
        var random = SplitMix64(seed: 5)
        let specials: [MarkValue] = [.notAttested, .exempt, .passed, .failed]
        for iteration in 0..<Self.iterations {
            let marks = (0..<random.int(0...8)).map { _ in random.numericMark() }
            let noise = (0..<random.int(1...5)).map { _ in
                CountedMark(value: random.element(of: specials), weight: random.int(1...10))
            }
            let mixed = (marks + noise).shuffled(using: &random)
            #expect(WeightedAverage.of(mixed) == WeightedAverage.of(marks), "iteration \(iteration)")
            #expect(Accumulation.count(of: mixed) == marks.count)
        }
    }

    // MARK: Rounding

    @Test func roundingIsMonotoneInTheAverage() throws {
        var random = SplitMix64(seed: 6)
        var profiles = RoundingProfile.builtIn
        for _ in 0..<20 {
            // Random valid custom thresholds: three distinct hundredths in (2, 5].
            let picks = Set((0..<3).map { _ in random.int(201...500) })
            guard picks.count == 3 else { continue }
            let sorted = picks.sorted(by: >).map { Rational($0, 100) }
            profiles.append(.custom(try RoundingThresholds(five: sorted[0], four: sorted[1], three: sorted[2])))
        }
        for iteration in 0..<Self.iterations {
            let a = random.rational(in: 1, 5)
            let b = random.rational(in: 1, 5)
            let (low, high) = a <= b ? (a, b) : (b, a)
            for profile in profiles {
                let lowMark = profile.mark(for: low)
                #expect(lowMark <= profile.mark(for: high), "iteration \(iteration), \(profile.storageValue)")
                #expect((2...5).contains(lowMark))
            }
        }
    }

    @Test func roundingAgreesWithItsThresholds() {
        var random = SplitMix64(seed: 7)
        for iteration in 0..<Self.iterations {
            let average = random.rational(in: 1, 5)
            for profile in RoundingProfile.builtIn {
                let limits = profile.thresholds
                let expected = average >= limits.five ? 5 : average >= limits.four ? 4 : average >= limits.three ? 3 : 2
                #expect(profile.mark(for: average) == expected, "iteration \(iteration)")
            }
            // Classic rounding is the round half up of the average (on the 2–5 scale).
            #expect(RoundingProfile.classic.mark(for: average) == max(2, average.roundedToInteger()))
        }
    }

    @Test func customThresholdsRoundTripThroughStorage() throws {
        var random = SplitMix64(seed: 8)
        for _ in 0..<Self.iterations {
            let picks = Set((0..<3).map { _ in random.int(2_001...5_000) })
            guard picks.count == 3 else { continue }
            let sorted = picks.sorted(by: >).map { Rational($0, 1_000) }
            let thresholds = try RoundingThresholds(five: sorted[0], four: sorted[1], three: sorted[2])
            let profile = RoundingProfile.custom(thresholds)
            #expect(RoundingProfile(storageValue: profile.storageValue) == profile, "\(profile.storageValue)")
        }
    }

    // MARK: Rational

    @Test func rationalArithmeticLaws() {
        var random = SplitMix64(seed: 9)
        for iteration in 0..<Self.iterations {
            let a = random.rational()
            let b = random.rational()
            let c = random.rational()
            #expect(a + b - b == a, "iteration \(iteration)")
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a - a == .zero)
            #expect(a * .one == a)
            if b != .zero {
                #expect(a * b / b == a, "iteration \(iteration)")
                #expect(b / b == .one)
            }
            #expect(a.denominator > 0)
            #expect(Rational.gcd(a.numerator.magnitude, UInt(a.denominator)) == 1)
        }
    }

    @Test func orderingAgreesWithCrossMultiplication() {
        var random = SplitMix64(seed: 10)
        for iteration in 0..<Self.iterations {
            let (n1, d1) = (random.int(-10_000...10_000), random.int(1...10_000))
            let (n2, d2) = (random.int(-10_000...10_000), random.int(1...10_000))
            let a = Rational(n1, d1)
            let b = Rational(n2, d2)
            #expect((a < b) == (n1 * d2 < n2 * d1), "iteration \(iteration)")
            #expect((a == b) == (n1 * d2 == n2 * d1), "iteration \(iteration)")
            // Exactly one of <, ==, > holds.
            #expect([a < b, a == b, b < a].filter { $0 }.count == 1)
        }
    }

    @Test func orderingIsTransitiveAndAgreesWithSubtraction() {
        var random = SplitMix64(seed: 11)
        for iteration in 0..<Self.iterations {
            let values = (0..<3).map { _ in random.rational() }.sorted()
            #expect(values[0] <= values[1] && values[1] <= values[2] && values[0] <= values[2])
            #expect((values[2] - values[0]).numerator >= 0, "iteration \(iteration)")
        }
    }

    @Test func decimalFormattingMatchesIntegerRounding() {
        var random = SplitMix64(seed: 12)
        for iteration in 0..<Self.iterations {
            let numerator = random.int(0...100_000)
            let denominator = random.int(1...1_000)
            let value = Rational(numerator, denominator)
            // Round half up of numerator / denominator × 100, by integers only.
            let hundredths = (2 * 100 * numerator + denominator) / (2 * denominator)
            let expected = "\(hundredths / 100)," + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
            #expect(value.decimalString() == expected, "iteration \(iteration): \(value)")
            #expect(value.rounded(toPlaces: 2) == Rational(hundredths, 100))
        }
    }

    @Test func exactDecimalsRoundTrip() {
        var random = SplitMix64(seed: 13)
        for iteration in 0..<Self.iterations {
            var denominator = 1
            for _ in 0..<random.int(0...6) { denominator *= random.bool() ? 2 : 5 }
            let value = Rational(random.int(-100_000...100_000), denominator)
            let text = value.exactDecimalString()
            #expect(text != nil, "iteration \(iteration)")
            #expect(Rational(decimal: text ?? "") == value, "iteration \(iteration): \(value)")
            let comma = value.exactDecimalString(separator: ",") ?? ""
            #expect(Rational(decimal: comma) == value)
        }
    }

    // MARK: Marks

    @Test func everyMarkValueRoundTripsThroughCanonicalAndParse() throws {
        let everything = MarkRules(allowsOne: true, allowsDouble: true)
        for value in allMarkValues {
            #expect(MarkValue(canonical: value.canonical) == value)
            let context: MarkContext = value == .notAttested ? .term : .lesson
            #expect(try MarkValue.parse(value.canonical, rules: everything, context: context) == value)
            #expect(
                try MarkValue.parse(" \(value.canonical.uppercased()) ", rules: everything, context: context)
                    == value
            )
        }
    }

    @Test func parsingRandomTextEitherSucceedsCanonicallyOrThrows() throws {
        var random = SplitMix64(seed: 14)
        let alphabet: [Character] = Array("0123456789５/.,+- нНаАосвзачеу") + ["\u{00A0}", "\t"]
        var accepted = 0
        for _ in 0..<(Self.iterations * 5) {
            let text = String((0..<random.int(0...6)).map { _ in random.element(of: alphabet) })
            let rules = MarkRules(allowsOne: random.bool(), allowsDouble: random.bool())
            let context: MarkContext = random.bool() ? .lesson : .term
            let value: MarkValue
            do {
                value = try MarkValue.parse(text, rules: rules, context: context)
            } catch {
                #expect(!error.russianMessage.isEmpty)
                continue
            }
            accepted += 1
            #expect(MarkValue(canonical: value.canonical) == value, "\(text)")
            #expect(try MarkValue.parse(value.canonical, rules: rules, context: context) == value, "\(text)")
            if case .grade(let grade) = value { #expect((rules.lowestGrade...5).contains(grade)) }
            if case .double = value { #expect(rules.allowsDouble && context == .lesson, "\(text)") }
            if value == .notAttested { #expect(context == .term) }
        }
        #expect(accepted > 100)
    }

    @Test func finalMarkIsTheYearMarkOfTwoMarks() {
        for year in 2...5 {
            for exam in 2...5 {
                let final = FinalMark.of(year: year, exam: exam)
                #expect(YearMark.of(periodMarks: [.grade(year), .grade(exam)]) == .grade(final))
            }
        }
    }

    @Test func yearMarkLiesBetweenThePeriodMarks() throws {
        var random = SplitMix64(seed: 15)
        for iteration in 0..<Self.iterations {
            let grades = (0..<random.int(1...4)).map { _ in random.int(2...5) }
            let year = try #require(YearMark.of(periodMarks: grades.map { .grade($0) }))
            guard case .grade(let value) = year else {
                Issue.record("not a grade: \(year)")
                continue
            }
            #expect(grades.min()! <= value && value <= grades.max()!, "iteration \(iteration)")
            let mean = Rational(grades.reduce(0, +), grades.count)
            #expect(Rational(value) - mean <= Rational(1, 2) && mean - Rational(value) < Rational(1, 2))
        }
    }

    // MARK: Metrics

    @Test func metricsAreConsistent() {
        var random = SplitMix64(seed: 16)
        for iteration in 0..<Self.iterations {
            let marks: [MarkValue?] = (0..<random.int(0...35)).map { _ in
                random.int(0...7) == 0 ? nil : random.markValue()
            }
            let metrics = SchoolMetrics.forSubject(periodMarks: marks)
            #expect(metrics.counts.students == marks.count, "iteration \(iteration)")
            #expect(metrics.population <= marks.count)
            if let pass = metrics.passRate, let quality = metrics.qualityRate, let degree = metrics.degreeOfLearning {
                #expect(quality <= pass)
                #expect(.zero <= quality && pass <= Rational(100))
                #expect(degree <= Rational(100) && degree >= .zero)
            } else {
                #expect(metrics.population == 0)
            }
            let pupils = (0..<random.int(0...30)).map { _ in (0..<random.int(0...8)).map { _ in random.markValue() } }
            let classMetrics = SchoolMetrics.forClass(studentsMarks: pupils)
            #expect(classMetrics.counts.students == pupils.count, "iteration \(iteration)")
        }
    }

    @Test func aPupilIsNeverBetterThanHisWorstSubject() {
        var random = SplitMix64(seed: 17)
        let rank: [PupilResult: Int] = [.excellent: 5, .good: 4, .satisfactory: 3, .failing: 2]
        for iteration in 0..<Self.iterations {
            let grades = (0..<random.int(1...10)).map { _ in random.int(2...5) }
            let result = PupilResult.of(periodMarks: grades.map { .grade($0) })
            #expect(rank[result] == grades.min(), "iteration \(iteration)")
            let worse = PupilResult.of(periodMarks: grades.map { .grade($0) } + [.grade(2)])
            #expect(worse == .failing)
        }
    }
}
