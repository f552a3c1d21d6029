/// The lowest averages that still give a 5, a 4 and a 3 (an average ≥ `five` → 5, and so on; below `three` → 2).
public struct RoundingThresholds: Sendable, Hashable {
    /// The lowest average giving a 5.
    public let five: Rational
    /// The lowest average giving a 4.
    public let four: Rational
    /// The lowest average giving a 3.
    public let three: Rational

    /// Creates validated thresholds: 2 < three < four < five ≤ 5, each a finite decimal.
    ///
    /// Finite decimals only, because thresholds are typed and stored as decimals ("4.65") and must read back
    /// exactly; equal thresholds are refused because they would make a mark unreachable.
    public init(five: Rational, four: Rational, three: Rational) throws(RoundingThresholdsError) {
        for value in [five, four, three] where value.exactDecimalString() == nil {
            throw .notDecimal(value)
        }
        guard five <= Rational(5) else { throw .fiveAboveScale(five) }
        guard three > Rational(2) else { throw .threeNotAboveTwo(three) }
        guard five > four, four > three else { throw .notDescending }
        self.init(unchecked: five, four, three)
    }

    /// Parses "4.65/3.65/2.65" (a `.` or `,` separator in each number) and validates it.
    public init(parsing text: String) throws(RoundingThresholdsError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
        guard parts.count == 3 else { throw .malformed(text) }
        let values = parts.compactMap { Rational(decimal: $0) }
        guard values.count == 3 else { throw .malformed(text) }
        try self.init(five: values[0], four: values[1], three: values[2])
    }

    init(unchecked five: Rational, _ four: Rational, _ three: Rational) {
        self.five = five
        self.four = four
        self.three = three
    }

    /// The thresholds as stored: "4.5/3.5/2.5".
    public var storageValue: String {
        [five, four, three].map { $0.exactDecimalString() ?? $0.description }.joined(separator: "/")
    }

    /// The thresholds for display: "4,5 / 3,5 / 2,5".
    public var russianText: String {
        [five, four, three].map(russianDecimal).joined(separator: " / ")
    }
}

/// A threshold as people write it: "4,65", not "4,650" or "93/20".
private func russianDecimal(_ value: Rational) -> String {
    value.exactDecimalString(separator: ",") ?? value.decimalString()
}

/// Why custom rounding thresholds were rejected.
public enum RoundingThresholdsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not three decimal numbers separated by "/".
    case malformed(String)
    /// A threshold with no finite decimal spelling (such as 14/3).
    case notDecimal(Rational)
    /// The threshold for a 5 is above 5, so a 5 could never be proposed.
    case fiveAboveScale(Rational)
    /// The threshold for a 3 is not above 2.
    case threeNotAboveTwo(Rational)
    /// The thresholds are not strictly decreasing from 5 to 3.
    case notDescending

    /// The message shown to the user.
    public var russianMessage: String {
        switch self {
        case .malformed(let text):
            "Пороги \(quotedInput(text)) записаны неверно: нужны три числа через дробь, например «4,5/3,5/2,5»"
        case .notDecimal(let value):
            "Порог \(value) нужно записать десятичной дробью, например «4,65»"
        case .fiveAboveScale(let value):
            "Порог для «5» (\(russianDecimal(value))) не может быть больше 5"
        case .threeNotAboveTwo(let value):
            "Порог для «3» (\(russianDecimal(value))) должен быть больше 2"
        case .notDescending:
            "Пороги должны убывать: порог для «5» больше порога для «4», а тот больше порога для «3»"
        }
    }

    public var description: String { russianMessage }
}
