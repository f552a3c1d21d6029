import Mustache
import ZhurnalCore

/// What a grid shows besides attendance, as the course's grading has it. A five-point course takes marks and ends each
/// row with the weighted average, the proposal and the term mark; a pass/fail course takes зач/незач, which have no
/// average, so only the term mark follows; an ungraded course (the first grade, many clubs) takes attendance alone.
struct GridSums: Sendable, Hashable {
    /// Marks may be typed into the lesson cells (and a work type chosen for them).
    let marks: Bool
    /// The weighted average and the proposed term mark.
    let averages: Bool
    /// The term mark.
    let term: Bool

    init(_ grading: Grading) {
        marks = grading != .ungraded
        averages = grading == .marks
        term = grading != .ungraded
    }

    /// The columns after the lessons.
    var count: Int { (averages ? 2 : 0) + (term ? 1 : 0) }
}

extension GridSums: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "marks": marks
        case "averages": averages
        case "term": term
        default: nil
        }
    }
}
