/// Where one pupil stands by his worst period mark across several subjects (DOMAIN.md §4), as used for a class's
/// results and for the lists of excellent, good and failing pupils.
public enum PupilResult: String, CaseIterable, Sendable, Hashable {
    /// Every mark a 5 (отличник).
    case excellent
    /// Every mark a 4 or 5, at least one 4 (хорошист).
    case good
    /// A 3 and no 2.
    case satisfactory
    /// At least one 2 (or 1, or незач).
    case failing
    /// At least one н/а; then in no other group.
    case notAttested
    /// Nothing but осв.
    case exempt
    /// Nothing on the five-point scale but at least one зач (and no незач).
    case passed
    /// No period marks at all.
    case withoutMarks

    /// Classifies a pupil by his period marks in several subjects.
    ///
    /// Decisions where DOMAIN.md is silent: незач is an academic debt and counts like a 2; a 1 counts like a 2;
    /// зач, like осв, is left out of the set (it says nothing on the five-point scale); a double mark counts by
    /// its lower part, the cautious reading for a report on results. A pupil whose set is then empty is `passed`
    /// if he had a зач, `exempt` if he had an осв, `withoutMarks` otherwise.
    public static func of(periodMarks: [MarkValue]) -> PupilResult {
        if periodMarks.contains(.notAttested) { return .notAttested }
        if periodMarks.contains(.failed) { return .failing }
        guard let worst = periodMarks.compactMap(\.lowestGrade).min() else {
            if periodMarks.contains(.passed) { return .passed }
            return periodMarks.contains(.exempt) ? .exempt : .withoutMarks
        }
        switch worst {
        case 5...: return .excellent
        case 4: return .good
        case 3: return .satisfactory
        default: return .failing
        }
    }

    /// The single mark below the pupil's usual level, if there is exactly one: 4 for a pupil with all 5s but one
    /// 4 (с одной «4»), 3 for a pupil with all 4s and 5s but one 3 (с одной «3»), `nil` otherwise.
    public static func singleLowerMark(in periodMarks: [MarkValue]) -> Int? {
        if periodMarks.contains(where: { $0 == .notAttested || $0 == .failed }) { return nil }
        let grades = periodMarks.compactMap(\.lowestGrade)
        let threes = grades.count { $0 == 3 }
        let fours = grades.count { $0 == 4 }
        guard !grades.contains(where: { $0 < 3 }) else { return nil }
        if threes == 1 { return 3 }
        if threes == 0 && fours == 1 { return 4 }
        return nil
    }
}
