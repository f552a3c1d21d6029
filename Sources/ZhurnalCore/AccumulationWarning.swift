/// The flag on a period mark entered below the accumulation minimum (DOMAIN.md §3: below the minimum there is no
/// proposal and the student is flagged). It warns and never refuses: the teacher may have his reasons (a long
/// illness, marks brought from another school), and the deputy's control sees the flag.
public struct AccumulationWarning: Sendable, Hashable {
    public let count: Int
    public let required: Int

    /// The code programs see beside the message.
    public static let code = "too_few_marks"

    /// The warning for a period mark `entered` beside `proposal`, or nil. Only a grade is flagged: н/а and осв are
    /// what a teacher enters for a pupil with too few marks, and зач/незач courses have no five-point marks to count.
    public static func of(entered: MarkValue?, proposal: TermMarkProposal) -> AccumulationWarning? {
        guard let entered, entered.isNumeric, case .insufficientMarks(let count, let required) = proposal else { return nil }
        return AccumulationWarning(count: count, required: required)
    }

    /// «Накопляемость не выполнена: 2 из 5 необходимых отметок за период.»
    public var russianText: String {
        "Накопляемость не выполнена: \(count) из \(required) необходимых отметок за период."
    }
}
