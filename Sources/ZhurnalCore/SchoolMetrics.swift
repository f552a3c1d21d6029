/// How many pupils fall into each group of the school metrics (DOMAIN.md §4).
public struct MarkCounts: Sendable, Hashable {
    /// Pupils counted as 5 (for a class: all marks 5).
    public var n5: Int
    /// Pupils counted as 4.
    public var n4: Int
    /// Pupils counted as 3.
    public var n3: Int
    /// Pupils counted as 2 (a 1 and, for a class, a незач count here too).
    public var n2: Int
    /// Pupils with н/а; they stay in N.
    public var notAttested: Int
    /// Pupils with осв; outside N.
    public var exempt: Int
    /// Pupils without marks; outside N.
    public var withoutMarks: Int
    /// Pupils with зач; outside N, the five-point metrics do not describe pass/fail assessment.
    public var passed: Int
    /// Pupils with незач in a single pass/fail subject; outside N (for a class a незач is counted in `n2`).
    public var failed: Int

    public init(
        n5: Int = 0,
        n4: Int = 0,
        n3: Int = 0,
        n2: Int = 0,
        notAttested: Int = 0,
        exempt: Int = 0,
        withoutMarks: Int = 0,
        passed: Int = 0,
        failed: Int = 0
    ) {
        self.n5 = n5
        self.n4 = n4
        self.n3 = n3
        self.n2 = n2
        self.notAttested = notAttested
        self.exempt = exempt
        self.withoutMarks = withoutMarks
        self.passed = passed
        self.failed = failed
    }

    /// Every pupil counted (the enrolled, not withdrawn students).
    public var students: Int {
        n5 + n4 + n3 + n2 + notAttested + exempt + withoutMarks + passed + failed
    }
}

/// Успеваемость, качество знаний and СОУ for a class, subject and period (DOMAIN.md §4), exact.
///
/// ```swift
/// let metrics = SchoolMetrics(counts: MarkCounts(n5: 5, n4: 10, n3: 8, n2: 2))
/// metrics.passRate              // 92
/// metrics.qualityRate           // 60
/// metrics.degreeOfLearning      // 292/5 (58,4)
/// ```
public struct SchoolMetrics: Sendable, Hashable {
    /// The counts the metrics are computed from.
    public let counts: MarkCounts

    public init(counts: MarkCounts) {
        self.counts = counts
    }

    /// N: students − exempt − without marks (and − pass/fail); н/а stay in N.
    public var population: Int {
        counts.n5 + counts.n4 + counts.n3 + counts.n2 + counts.notAttested
    }

    /// Успеваемость, %: (n5 + n4 + n3) / N × 100; `nil` when N = 0.
    public var passRate: Rational? {
        percent(counts.n5 + counts.n4 + counts.n3)
    }

    /// Качество знаний, %: (n5 + n4) / N × 100; `nil` when N = 0.
    public var qualityRate: Rational? {
        percent(counts.n5 + counts.n4)
    }

    /// СОУ, %: (100·n5 + 64·n4 + 36·n3 + 16·n2 + 7·n_на) / N; `nil` when N = 0.
    public var degreeOfLearning: Rational? {
        guard population > 0 else { return nil }
        let weighted = 100 * counts.n5 + 64 * counts.n4 + 36 * counts.n3 + 16 * counts.n2 + 7 * counts.notAttested
        return Rational(weighted, population)
    }

    private func percent(_ part: Int) -> Rational? {
        population > 0 ? Rational(100 * part, population) : nil
    }

    /// Metrics of one subject: one entry per enrolled, not withdrawn student, his period mark or `nil` for none.
    ///
    /// A 1 counts as a 2, a double mark (never a period mark through `parse`) by its lower part; зач and незач
    /// are counted apart, outside N, since the five-point metrics do not describe a pass/fail subject.
    public static func forSubject(periodMarks: [MarkValue?]) -> SchoolMetrics {
        var counts = MarkCounts()
        for mark in periodMarks {
            switch mark {
            case nil: counts.withoutMarks += 1
            case .notAttested?: counts.notAttested += 1
            case .exempt?: counts.exempt += 1
            case .passed?: counts.passed += 1
            case .failed?: counts.failed += 1
            case let value?:
                switch value.lowestGrade ?? 2 {
                case 5...: counts.n5 += 1
                case 4: counts.n4 += 1
                case 3: counts.n3 += 1
                default: counts.n2 += 1
                }
            }
        }
        return SchoolMetrics(counts: counts)
    }

    /// Metrics of a class over several subjects: one entry per pupil, his period marks in all subjects; each pupil
    /// is counted once, by his worst mark (see `PupilResult.of(periodMarks:)` for the rules).
    public static func forClass(studentsMarks: [[MarkValue]]) -> SchoolMetrics {
        var counts = MarkCounts()
        for marks in studentsMarks {
            switch PupilResult.of(periodMarks: marks) {
            case .excellent: counts.n5 += 1
            case .good: counts.n4 += 1
            case .satisfactory: counts.n3 += 1
            case .failing: counts.n2 += 1
            case .notAttested: counts.notAttested += 1
            case .exempt: counts.exempt += 1
            case .passed: counts.passed += 1
            case .withoutMarks: counts.withoutMarks += 1
            }
        }
        return SchoolMetrics(counts: counts)
    }
}
