extension MarkValue {
    /// Parses what a teacher typed into a mark cell.
    ///
    /// Surrounding spaces are ignored and words may be in any case: "5", " 4 ", "4/3", "Н/А", "осв", "Зач",
    /// "незач". Everything else throws a `MarkParseError` naming the precise mistake:
    ///
    /// ```swift
    /// try MarkValue.parse("6", rules: MarkRules(), context: .lesson)
    /// // throws .outOfScale("6", allowsOne: false): «Отметка «6» вне шкалы: допустимы 2, 3, 4, 5»
    /// ```
    public static func parse(
        _ text: String,
        rules: MarkRules,
        context: MarkContext
    ) throws(MarkParseError) -> MarkValue {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        guard rules.grading != .ungraded else { throw .ungradedCourse }
        let lowered = trimmed.lowercased()

        switch lowered {
        case "н/а":
            guard context == .term else { throw .notAttestedOnLesson }
            return .notAttested
        case "осв": return .exempt
        case "зач": return .passed
        case "незач": return .failed
        default: break
        }
        if AttendanceCode(rawValue: lowered) != nil { throw .attendanceCode(trimmed) }
        if trimmed.contains("/") { return try parseDouble(trimmed, rules: rules, context: context) }
        if trimmed.contains(where: { $0.isNumber && !$0.isASCIIDigit }) { throw .nonStandardDigits(trimmed) }

        if trimmed.allSatisfy(\.isASCIIDigit) {
            guard rules.grading == .marks else { throw .gradeInPassFailCourse(trimmed) }
            // A grade is one digit; "05" or "10" are off the scale rather than guessed at.
            guard trimmed.count == 1, let value = trimmed.first?.wholeNumberValue, (1...5).contains(value) else {
                throw .outOfScale(trimmed, allowsOne: rules.allowsOne)
            }
            guard value >= rules.lowestGrade else { throw .oneNotEnabled }
            return .grade(value)
        }
        if isDecimal(trimmed) { throw .fractional(trimmed) }
        if isSigned(trimmed) { throw .signed(trimmed) }
        throw .unrecognized(trimmed)
    }

    private static func parseDouble(
        _ text: String,
        rules: MarkRules,
        context: MarkContext
    ) throws(MarkParseError) -> MarkValue {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        if parts.contains(where: { part in part.contains(where: { $0.isNumber && !$0.isASCIIDigit }) }) {
            throw .nonStandardDigits(text)
        }
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw .malformedDouble(text)
        }
        guard rules.grading == .marks else { throw .gradeInPassFailCourse(text) }
        guard context == .lesson else { throw .doubleInTermMark(text) }
        guard rules.allowsDouble else { throw .doubleNotAllowed(text) }
        let values = parts.map { part -> Int? in
            guard part.count == 1, let value = part.first?.wholeNumberValue, value >= rules.lowestGrade,
                value <= 5
            else { return nil }
            return value
        }
        guard let first = values[0], let second = values[1] else {
            throw .doublePartOutOfScale(text, allowsOne: rules.allowsOne)
        }
        return .double(first, second)
    }

    /// "5.5", "4,25": digits, one separator, digits.
    private static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// "5+", "4-", "-3", "+5", "5--": digits with plus or minus signs around them.
    private static func isSigned(_ text: String) -> Bool {
        let signs: Set<Character> = ["+", "-", "−", "–"]
        let digits = text.filter { !signs.contains($0) }
        return !digits.isEmpty && digits.count < text.count && digits.allSatisfy(\.isASCIIDigit)
    }
}
