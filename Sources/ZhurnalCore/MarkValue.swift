/// What one journal cell holds as a mark (DOMAIN.md §3).
///
/// Values are built by `parse(_:rules:context:)` from what a teacher types, or by `init(canonical:)` from storage.
/// Building a case directly (`.grade(7)`) is not checked; such a value has no canonical spelling that reads back.
public enum MarkValue: Sendable, Hashable, CustomStringConvertible {
    /// A mark of the five-point scale: 2–5, or 1 where the school enables it.
    case grade(Int)
    /// A double mark "4/3" (e.g. literacy / content of a dictation), for subjects flagged for it.
    case double(Int, Int)
    /// н/а: not attested; a term mark only.
    case notAttested
    /// осв: exempt.
    case exempt
    /// зач: passed.
    case passed
    /// незач: not passed.
    case failed

    /// The stored spelling: "5", "4/3", "н/а", "осв", "зач", "незач".
    public var canonical: String {
        switch self {
        case .grade(let value): "\(value)"
        case .double(let first, let second): "\(first)/\(second)"
        case .notAttested: "н/а"
        case .exempt: "осв"
        case .passed: "зач"
        case .failed: "незач"
        }
    }

    /// Reads a stored spelling back; only the exact canonical forms (grades 1–5, double parts 1–5) are accepted.
    /// School rules (is "1" enabled, are doubles allowed here) are the business of `parse`, not of storage.
    public init?(canonical text: String) {
        switch text {
        case "н/а": self = .notAttested
        case "осв": self = .exempt
        case "зач": self = .passed
        case "незач": self = .failed
        default:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            let grades = parts.compactMap(Self.storedGrade)
            guard grades.count == parts.count else { return nil }
            switch grades.count {
            case 1: self = .grade(grades[0])
            case 2: self = .double(grades[0], grades[1])
            default: return nil
            }
        }
    }

    public var description: String { canonical }

    /// Whether the value is on the five-point scale (a grade or a double mark), so can enter an average.
    public var isNumeric: Bool {
        !numericValues.isEmpty
    }

    /// The integer marks written in the cell: a grade → [g], a double mark → both parts, anything else → [].
    public var numericValues: [Int] {
        switch self {
        case .grade(let value): [value]
        case .double(let first, let second): [first, second]
        case .notAttested, .exempt, .passed, .failed: []
        }
    }

    /// What the cell contributes to an average, each with the cell's full weight: a grade → [g]; a double mark →
    /// its mean, or both parts under `.twoMarks`; осв, зач, незач, н/а → nothing.
    public func countedValues(doubleCounting: DoubleMarkCounting = .mean) -> [Rational] {
        switch self {
        case .grade(let value):
            return [Rational(value)]
        case .double(let first, let second):
            switch doubleCounting {
            case .mean: return [Rational(first + second, 2)]
            case .twoMarks: return [Rational(first), Rational(second)]
            }
        case .notAttested, .exempt, .passed, .failed:
            return []
        }
    }

    /// The worse of the numeric parts (a grade itself, the lower part of a double mark), `nil` for the rest.
    public var lowestGrade: Int? {
        numericValues.min()
    }

    private static func storedGrade(_ text: Substring) -> Int? {
        guard text.count == 1, let digit = text.first, digit.isASCIIDigit, let value = digit.wholeNumberValue,
            (1...5).contains(value)
        else { return nil }
        return value
    }
}

extension MarkValue: Codable {
    /// Encodes as the canonical string, so JSON carries what the database stores.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = MarkValue(canonical: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a mark: \(text)")
        }
        self = value
    }
}
