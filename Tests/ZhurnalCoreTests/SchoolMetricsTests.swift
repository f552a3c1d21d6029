import Testing

@testable import ZhurnalCore

private func repeated(_ value: MarkValue?, _ count: Int) -> [MarkValue?] {
    Array(repeating: value, count: count)
}

struct SchoolMetricsTests {
    @Test func workedExampleOfTheDomain() throws {
        let metrics = SchoolMetrics(counts: MarkCounts(n5: 5, n4: 10, n3: 8, n2: 2))
        #expect(metrics.population == 25)
        #expect(metrics.passRate == Rational(92))
        #expect(metrics.qualityRate == Rational(60))
        #expect(metrics.degreeOfLearning == Rational(292, 5))
        #expect(try #require(metrics.degreeOfLearning).decimalString(places: 1) == "58,4")
    }

    @Test func exemptAndWithoutMarksLeaveN() {
        let counts = MarkCounts(n5: 5, n4: 10, n3: 8, n2: 2, exempt: 3, withoutMarks: 2, passed: 1, failed: 1)
        let metrics = SchoolMetrics(counts: counts)
        #expect(counts.students == 32)
        #expect(metrics.population == 25)
        #expect(metrics.passRate == Rational(92))
        #expect(metrics.degreeOfLearning == Rational(292, 5))
    }

    @Test func notAttestedStayInN() {
        let metrics = SchoolMetrics(counts: MarkCounts(n5: 5, n4: 10, n3: 8, n2: 2, notAttested: 5))
        #expect(metrics.population == 30)
        #expect(metrics.passRate == Rational(230, 3))
        #expect(metrics.qualityRate == Rational(50))
        #expect(metrics.degreeOfLearning == Rational(299, 6))
    }

    @Test func emptyPopulationHasNoRates() {
        let metrics = SchoolMetrics(counts: MarkCounts(exempt: 2, withoutMarks: 1))
        #expect(metrics.population == 0)
        #expect(metrics.passRate == nil)
        #expect(metrics.qualityRate == nil)
        #expect(metrics.degreeOfLearning == nil)
        #expect(SchoolMetrics.forSubject(periodMarks: []).passRate == nil)
    }

    @Test func allFivesAndAllTwos() {
        let fives = SchoolMetrics(counts: MarkCounts(n5: 7))
        #expect(fives.passRate == Rational(100))
        #expect(fives.qualityRate == Rational(100))
        #expect(fives.degreeOfLearning == Rational(100))
        let twos = SchoolMetrics(counts: MarkCounts(n2: 3))
        #expect(twos.passRate == .zero)
        #expect(twos.degreeOfLearning == Rational(16))
        #expect(SchoolMetrics(counts: MarkCounts(notAttested: 1)).degreeOfLearning == Rational(7))
        #expect(SchoolMetrics(counts: MarkCounts(n4: 1)).degreeOfLearning == Rational(64))
        #expect(SchoolMetrics(counts: MarkCounts(n3: 1)).degreeOfLearning == Rational(36))
    }

    @Test func countsOneSubjectsPeriodMarks() {
        let marks =
            repeated(.grade(5), 5) + repeated(.grade(4), 10) + repeated(.grade(3), 8)
            + repeated(.grade(2), 2) + repeated(.exempt, 3) + repeated(nil, 2)
        let metrics = SchoolMetrics.forSubject(periodMarks: marks)
        #expect(metrics.counts == MarkCounts(n5: 5, n4: 10, n3: 8, n2: 2, exempt: 3, withoutMarks: 2))
        #expect(metrics.passRate == Rational(92))
        #expect(metrics.qualityRate == Rational(60))
        #expect(metrics.degreeOfLearning == Rational(292, 5))
    }

    @Test func subjectDecisionsForUnusualPeriodMarks() {
        let metrics = SchoolMetrics.forSubject(periodMarks: [
            .grade(1), .double(5, 4), .notAttested, .passed, .failed, .passed,
        ])
        #expect(metrics.counts == MarkCounts(n4: 1, n2: 1, notAttested: 1, passed: 2, failed: 1))
        #expect(metrics.population == 3)
    }

    @Test func countsEachPupilOnceByHisWorstMark() {
        let metrics = SchoolMetrics.forClass(studentsMarks: [
            [.grade(5), .grade(5), .grade(5)],
            [.grade(5), .grade(4), .grade(5)],
            [.grade(5), .grade(3), .grade(4)],
            [.grade(5), .grade(2), .grade(5)],
            [.grade(2), .notAttested],
            [.exempt, .grade(5)],
            [.exempt, .exempt],
            [],
            [.passed, .grade(5)],
            [.passed],
            [.failed, .grade(5)],
            [.grade(3), .grade(2), .notAttested],
        ])
        #expect(
            metrics.counts
                == MarkCounts(
                    n5: 3,
                    n4: 1,
                    n3: 1,
                    n2: 2,
                    notAttested: 2,
                    exempt: 1,
                    withoutMarks: 1,
                    passed: 1
                )
        )
        #expect(metrics.population == 9)
    }

    @Test func classVersionOfTheWorkedExample() {
        var pupils: [[MarkValue]] = []
        pupils += Array(repeating: [.grade(5), .grade(5), .exempt], count: 5)
        pupils += Array(repeating: [.grade(5), .grade(4), .grade(5)], count: 10)
        pupils += Array(repeating: [.grade(3), .grade(4), .grade(5)], count: 8)
        pupils += Array(repeating: [.grade(2), .grade(3), .grade(5)], count: 2)
        pupils += [[.exempt, .exempt], []]
        let metrics = SchoolMetrics.forClass(studentsMarks: pupils)
        #expect(metrics.population == 25)
        #expect(metrics.passRate == Rational(92))
        #expect(metrics.qualityRate == Rational(60))
        #expect(metrics.degreeOfLearning == Rational(292, 5))
    }

    @Test func oneSubjectClassAgreesWithTheSubjectMetrics() {
        let values: [MarkValue] = (1...5).map { .grade($0) } + [.notAttested, .exempt, .passed]
        for value in values {
            #expect(
                SchoolMetrics.forClass(studentsMarks: [[value]]) == SchoolMetrics.forSubject(periodMarks: [value]),
                "\(value)"
            )
        }
        #expect(SchoolMetrics.forClass(studentsMarks: [[]]) == SchoolMetrics.forSubject(periodMarks: [nil]))
        // The one deliberate difference: for a class a незач is an academic debt, counted as a 2.
        #expect(SchoolMetrics.forClass(studentsMarks: [[.failed]]).counts == MarkCounts(n2: 1))
        #expect(SchoolMetrics.forSubject(periodMarks: [.failed]).counts == MarkCounts(failed: 1))
    }
}

struct PupilResultTests {
    @Test(arguments: [
        ([MarkValue.grade(5), .grade(5)], PupilResult.excellent),
        ([.grade(5), .grade(4)], .good),
        ([.grade(4), .grade(4)], .good),
        ([.grade(3), .grade(5)], .satisfactory),
        ([.grade(3), .grade(2)], .failing),
        ([.grade(1), .grade(5)], .failing),
        ([.failed, .grade(5)], .failing),
        ([.double(5, 3), .grade(5)], .satisfactory),
        ([.notAttested, .grade(2)], .notAttested),
        ([.notAttested, .failed], .notAttested),
        ([.exempt], .exempt),
        ([.exempt, .grade(4)], .good),
        ([.passed, .exempt], .passed),
        ([.passed, .grade(5)], .excellent),
        ([], .withoutMarks),
    ])
    func classifiesByTheWorstMark(marks: [MarkValue], expected: PupilResult) {
        #expect(PupilResult.of(periodMarks: marks) == expected)
    }

    @Test(arguments: [
        ([5, 5, 4], 4),
        ([5, 4], 4),
        ([5, 5, 3], 3),
        ([4, 4, 3, 5], 3),
        ([5, 4, 3], 3),
    ])
    func findsTheSingleLowerMark(grades: [Int], expected: Int) {
        #expect(PupilResult.singleLowerMark(in: grades.map { .grade($0) }) == expected)
    }

    @Test(arguments: [[5, 4, 4], [3, 3, 5], [5, 5, 5], [5, 3, 2], [4, 4], [], [2]])
    func noSingleLowerMark(grades: [Int]) {
        #expect(PupilResult.singleLowerMark(in: grades.map { .grade($0) }) == nil)
    }

    @Test func singleLowerMarkIgnoresExemptButNotDebts() {
        #expect(PupilResult.singleLowerMark(in: [.grade(5), .grade(4), .exempt]) == 4)
        #expect(PupilResult.singleLowerMark(in: [.grade(5), .grade(4), .notAttested]) == nil)
        #expect(PupilResult.singleLowerMark(in: [.grade(5), .grade(4), .failed]) == nil)
    }
}
