/// How a weighted average becomes a proposed term mark (DOMAIN.md §3). Comparisons are exact.
///
/// ```swift
/// RoundingProfile.classic.mark(for: Rational(9, 2))   // 5
/// RoundingProfile.strict.mark(for: Rational(9, 2))    // 4
/// RoundingProfile.strict.mark(for: Rational(23, 5))   // 5
/// ```
public enum RoundingProfile: Sendable, Hashable {
    /// ≥ 4.5 → 5, ≥ 3.5 → 4, ≥ 2.5 → 3, else 2.
    case classic
    /// ≥ 4.6 → 5, ≥ 3.6 → 4, ≥ 2.6 → 3, else 2.
    case strict
    /// ≥ 4.65 → 5, ≥ 3.65 → 4, ≥ 2.65 → 3, else 2.
    case nso
    /// The school's own thresholds.
    case custom(RoundingThresholds)

    /// The built-in profiles, for settings pages.
    public static let builtIn: [RoundingProfile] = [.classic, .strict, .nso]

    /// The thresholds in force.
    public var thresholds: RoundingThresholds {
        switch self {
        case .classic: RoundingThresholds(unchecked: Rational(9, 2), Rational(7, 2), Rational(5, 2))
        case .strict: RoundingThresholds(unchecked: Rational(23, 5), Rational(18, 5), Rational(13, 5))
        case .nso: RoundingThresholds(unchecked: Rational(93, 20), Rational(73, 20), Rational(53, 20))
        case .custom(let thresholds): thresholds
        }
    }

    /// The proposed mark, 2–5, for an average. "1" is never proposed: the teacher may still enter it.
    public func mark(for average: Rational) -> Int {
        let limits = thresholds
        if average >= limits.five { return 5 }
        if average >= limits.four { return 4 }
        if average >= limits.three { return 3 }
        return 2
    }

    /// The stored spelling: "classic", "strict", "nso", "custom:4.5/3.5/2.5".
    public var storageValue: String {
        switch self {
        case .classic: "classic"
        case .strict: "strict"
        case .nso: "nso"
        case .custom(let thresholds): "custom:" + thresholds.storageValue
        }
    }

    /// Reads a stored spelling back; `nil` for an unknown name or invalid custom thresholds.
    public init?(storageValue: String) {
        switch storageValue {
        case "classic": self = .classic
        case "strict": self = .strict
        case "nso": self = .nso
        default:
            let prefix = "custom:"
            guard storageValue.hasPrefix(prefix),
                let thresholds = try? RoundingThresholds(parsing: String(storageValue.dropFirst(prefix.count)))
            else { return nil }
            self = .custom(thresholds)
        }
    }

    /// The title shown in the interface, with its thresholds.
    public var russianTitle: String {
        switch self {
        case .classic: "Классическое округление (" + thresholds.russianText + ")"
        case .strict: "Строгое округление (" + thresholds.russianText + ")"
        case .nso: "Профиль НСО (" + thresholds.russianText + ")"
        case .custom(let thresholds): "Пороги школы (" + thresholds.russianText + ")"
        }
    }
}
