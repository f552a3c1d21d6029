/// How a double mark enters an average (DOMAIN.md §3; a school setting).
public enum DoubleMarkCounting: String, CaseIterable, Sendable, Hashable, Codable {
    /// "3/5" with weight 2 counts as one 4 with weight 2 (the default).
    case mean
    /// "3/5" with weight 2 counts as a 3 with weight 2 and a 5 with weight 2.
    case twoMarks = "two_marks"
}

/// Where a mark is being entered: its admissible values differ.
public enum MarkContext: String, CaseIterable, Sendable, Hashable {
    /// A mark for a lesson: grades, double marks where allowed, осв, зач, незач.
    case lesson
    /// A period (term) mark: grades, н/а, осв, зач, незач; never a double mark.
    case term
}

/// The school's and the course's settings that decide what a typed mark may be.
public struct MarkRules: Sendable, Hashable {
    /// Whether "1" is on the scale (off by default: the scale is 2–5).
    public var allowsOne: Bool
    /// Whether double marks "4/3" may be entered (subjects flagged for it; by default Русский язык, Литература).
    public var allowsDouble: Bool
    /// How a double mark enters an average.
    public var doubleCounting: DoubleMarkCounting
    /// The course's grading: a pass/fail course takes зач/незач (and осв, н/а) only; an ungraded one takes none.
    public var grading: Grading

    public init(
        allowsOne: Bool = false,
        allowsDouble: Bool = false,
        doubleCounting: DoubleMarkCounting = .mean,
        grading: Grading = .marks
    ) {
        self.allowsOne = allowsOne
        self.allowsDouble = allowsDouble
        self.doubleCounting = doubleCounting
        self.grading = grading
    }

    /// The lowest grade on the scale.
    public var lowestGrade: Int { allowsOne ? 1 : 2 }

    /// The grades on the scale, for messages: "2, 3, 4, 5".
    var scaleText: String {
        (lowestGrade...5).map(String.init).joined(separator: ", ")
    }
}
