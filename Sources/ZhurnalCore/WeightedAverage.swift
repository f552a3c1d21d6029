/// A mark as it enters an average: its value and the weight of its work type.
public struct CountedMark: Sendable, Hashable {
    /// The mark.
    public var value: MarkValue
    /// The weight of the mark's work type (1–10 when it comes from a `WorkType`).
    public var weight: Int

    public init(value: MarkValue, weight: Int) {
        self.value = value
        self.weight = weight
    }

    /// A grade with a weight, the common case in tests and demos.
    public static func grade(_ value: Int, weight: Int = 1) -> CountedMark {
        CountedMark(value: .grade(value), weight: weight)
    }

    /// Whether this mark counts: it is numeric and has a positive weight.
    public var counts: Bool {
        value.isNumeric && weight > 0
    }
}

/// The weighted average (средневзвешенный балл) of DOMAIN.md §3: Σ(mark × weight) / Σ(weight), exact.
public enum WeightedAverage {
    /// The exact weighted average, or `nil` when no mark counts.
    ///
    /// осв, зач, незач and н/а do not count, nor do marks with a weight below 1 (weights come validated from
    /// `WorkType`; a zero weight is read as "shown but not counted"). A double mark counts as its mean with its
    /// weight, or under `.twoMarks` as two marks with that weight each.
    ///
    /// ```swift
    /// WeightedAverage.of([.grade(5, weight: 3), .grade(5, weight: 1), .grade(4, weight: 5)])  // 40/9
    /// ```
    public static func of(_ marks: [CountedMark], doubleCounting: DoubleMarkCounting = .mean) -> Rational? {
        mean(of: terms(marks, doubleCounting: doubleCounting))
    }

    /// Σ(value × weight) / Σ(weight) over already counted terms; `nil` when there are none.
    static func mean(of terms: [(value: Rational, weight: Int)]) -> Rational? {
        guard !terms.isEmpty else { return nil }
        let total = terms.reduce(Rational.zero) { $0 + $1.value * Rational($1.weight) }
        let weights = terms.reduce(0) { $0 + $1.weight }
        return weights > 0 ? total / Rational(weights) : nil
    }

    /// The computation written out for the diary: "(5·3 + 5·1 + 4·5) / (3 + 1 + 5) ≈ 4,44", `nil` when nothing
    /// counts. "=" is used when two decimals are exact.
    public static func formula(_ marks: [CountedMark], doubleCounting: DoubleMarkCounting = .mean) -> String? {
        let terms = self.terms(marks, doubleCounting: doubleCounting)
        guard let average = of(marks, doubleCounting: doubleCounting) else { return nil }
        let products = terms.map { term in
            (term.value.exactDecimalString(separator: ",") ?? term.value.decimalString()) + "·\(term.weight)"
        }
        let weights = terms.map { "\($0.weight)" }
        let sign = average.rounded(toPlaces: 2) == average ? "=" : "≈"
        return "(" + products.joined(separator: " + ") + ") / (" + weights.joined(separator: " + ") + ") "
            + sign + " " + average.decimalString()
    }

    private static func terms(
        _ marks: [CountedMark],
        doubleCounting: DoubleMarkCounting
    ) -> [(value: Rational, weight: Int)] {
        marks.filter(\.counts).flatMap { mark in
            mark.value.countedValues(doubleCounting: doubleCounting).map { (value: $0, weight: mark.weight) }
        }
    }
}
