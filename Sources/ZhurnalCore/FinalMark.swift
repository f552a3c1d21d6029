/// The final mark of an exam subject (DOMAIN.md §3).
public enum FinalMark {
    /// Round half up of (year + exam) / 2: year 3, exam 4 → 4; 5, 4 → 5; 2, 3 → 3; 3, 3 → 3.
    public static func of(year: Int, exam: Int) -> Int {
        Rational(year + exam, 2).roundedToInteger()
    }

    /// What is proposed beside the final mark the teacher enters, from the year and exam marks he entered.
    ///
    /// Decisions where DOMAIN.md is silent:
    /// - without an exam mark the final mark is the year mark: most subjects have no exam, and in an exam parallel
    ///   each pupil sits only some subjects;
    /// - the exam counts only when both marks are grades: a year of н/а, осв, зач or незач stays what it is, and an
    ///   exam of осв (exempt) or н/а (did not sit) leaves the year mark;
    /// - `nil` without a year mark: there is nothing to propose from.
    public static func propose(year: MarkValue?, exam: MarkValue?) -> MarkValue? {
        guard let year else { return nil }
        guard case .grade(let yearGrade) = year, case .grade(let examGrade)? = exam else { return year }
        return .grade(of(year: yearGrade, exam: examGrade))
    }

    /// The text shown beside the final mark: «Предлагается 4», or why nothing is proposed.
    public static func russianText(proposal: MarkValue?) -> String {
        proposal.map { "Предлагается \($0.canonical)" } ?? "Сначала поставьте годовую отметку"
    }

    /// The parallels whose pupils sit state exams at the year's end: the 9th (ОГЭ) and the 11th (ЕГЭ). The
    /// final-marks sheet shows an exam column for their courses; any course may still hold exam marks.
    public static let examParallels: Set<Int> = [9, 11]

    /// Whether a course's sheet shows the exam column: an exam parallel, or exam marks already entered.
    public static func showsExam(parallel: Int?, hasExamMarks: Bool) -> Bool {
        hasExamMarks || parallel.map(examParallels.contains) == true
    }
}
