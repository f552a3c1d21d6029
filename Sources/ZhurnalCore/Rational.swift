/// An exact fraction of two `Int`s, always kept reduced with a positive denominator.
///
/// Averages and thresholds are compared with these rather than with floating point, because a term mark
/// must not depend on how 4.6 happens to be rounded in binary: `Rational(23, 5) >= Rational(decimal: "4.6")!`
/// holds exactly.
///
/// ```swift
/// let average = Rational(40, 9)
/// average.decimalString()          // "4,44"
/// average >= Rational(9, 2)        // false
/// ```
///
/// Arithmetic traps on `Int` overflow like the integer operators do; journal arithmetic (marks 1–5, weights 1–10,
/// a few hundred marks) stays far from that. Comparison never overflows: it multiplies in double width.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The reduced numerator; carries the sign.
    public let numerator: Int
    /// The reduced denominator; always positive.
    public let denominator: Int

    /// Creates `numerator / denominator`, reduced.
    ///
    /// - Precondition: `denominator != 0`, and the reduced magnitudes fit in `Int` (so not `Int.min / -1`).
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "Rational: zero denominator")
        // Work on magnitudes so that Int.min inputs reduce before any negation could overflow.
        let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        let top = numerator.magnitude / divisor
        let bottom = denominator.magnitude / divisor
        let negative = (numerator < 0) != (denominator < 0) && top != 0
        self.numerator = negative ? -Int(top) : Int(top)
        self.denominator = Int(bottom)
    }

    public init(integerLiteral value: Int) {
        self.init(value)
    }

    /// Zero.
    public static let zero = Rational(0)
    /// One.
    public static let one = Rational(1)

    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The greatest integer not above the value.
    public var floor: Int {
        let quotient = numerator / denominator
        return numerator % denominator != 0 && numerator < 0 ? quotient - 1 : quotient
    }

    /// The nearest integer, a half going away from zero (4.5 → 5, −4.5 → −5): the school's "round half up".
    public func roundedToInteger() -> Int {
        let half = Rational(1, 2)
        return numerator >= 0 ? (self + half).floor : -((-self) + half).floor
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}

// MARK: - Arithmetic

extension Rational {
    public static prefix func - (value: Rational) -> Rational {
        Rational(-value.numerator, value.denominator)
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        // Scaling by the lcm of the denominators instead of their product keeps intermediates small.
        let divisor = Int(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let left = lhs.numerator * (rhs.denominator / divisor)
        let right = rhs.numerator * (lhs.denominator / divisor)
        return Rational(left + right, lhs.denominator / divisor * rhs.denominator)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        lhs + (-rhs)
    }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        // Cross-reduce first so that the products stay as small as the result allows.
        let first = Int(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let second = Int(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        return Rational(
            (lhs.numerator / first) * (rhs.numerator / second),
            (lhs.denominator / second) * (rhs.denominator / first)
        )
    }

    /// - Precondition: `rhs` is not zero.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(rhs.numerator != 0, "Rational: division by zero")
        return lhs * Rational(rhs.denominator, rhs.numerator)
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }
    public static func *= (lhs: inout Rational, rhs: Rational) { lhs = lhs * rhs }
    public static func /= (lhs: inout Rational, rhs: Rational) { lhs = lhs / rhs }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        // Denominators are positive, so a/b < c/d ⇔ a·d < c·b; double width keeps it exact for every Int.
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }
}

// MARK: - Decimal text

extension Rational {
    /// The value rounded half up (away from zero) to `places` decimal places, still exact.
    ///
    /// - Precondition: `0 <= places <= 18`.
    public func rounded(toPlaces places: Int) -> Rational {
        let scale = Self.powerOfTen(places)
        return Rational((self * Rational(scale)).roundedToInteger(), scale)
    }

    /// The value for display with exactly `places` decimals, rounded half up: `Rational(40, 9)` → "4,44",
    /// `Rational(13, 3)` → "4,33", `Rational(4)` → "4,00". The separator defaults to the Russian comma.
    public func decimalString(places: Int = 2, separator: Character = ",") -> String {
        let scale = Self.powerOfTen(places)
        let scaled = (self * Rational(scale)).roundedToInteger()
        let whole = scaled.magnitude / UInt(scale)
        let sign = scaled < 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let fraction = String(scaled.magnitude % UInt(scale))
        let padding = String(repeating: "0", count: places - fraction.count)
        return sign + String(whole) + String(separator) + padding + fraction
    }

    /// The exact decimal spelling with as few places as needed ("4.65", "4.5", "4"), or `nil` when the value has
    /// no finite decimal expansion (13/3). Used where text must round-trip, such as stored thresholds.
    public func exactDecimalString(separator: Character = ".") -> String? {
        var rest = UInt(denominator)
        var places = 0
        while rest % 10 == 0 { rest /= 10; places += 1 }
        while rest % 2 == 0 { rest /= 2; places += 1 }
        while rest % 5 == 0 { rest /= 5; places += 1 }
        guard rest == 1, places <= 18 else { return nil }
        var text = decimalString(places: places, separator: separator)
        // Trim the zeros the uniform scaling added ("4.50" → "4.5") but keep the integer part intact.
        if places > 0 {
            while text.last == "0" { text.removeLast() }
            if text.last == separator { text.removeLast() }
        }
        return text
    }

    /// Parses a plain decimal exactly: "4.65", "4,65", "5", "-0.5" (ASCII digits, at most 18 of them,
    /// optional leading sign, one `.` or `,` followed by at least one digit). Returns `nil` for anything else.
    public init?(decimal text: String) {
        var characters = Substring(text.trimmingWhitespace())
        var negative = false
        if let first = characters.first, first == "-" || first == "+" {
            negative = first == "-"
            characters = characters.dropFirst()
        }
        let parts = characters.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard parts.count <= 2, let wholePart = parts.first, !wholePart.isEmpty else { return nil }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fractionPart.isEmpty { return nil }
        let digits = wholePart + fractionPart
        guard digits.count <= 18, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
        self.init(negative ? -value : value, Self.powerOfTen(fractionPart.count))
    }

    static func powerOfTen(_ exponent: Int) -> Int {
        precondition((0...18).contains(exponent), "Rational: 0...18 decimal places")
        var result = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
