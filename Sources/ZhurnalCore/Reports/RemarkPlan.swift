/// What the weekly check does with the remarks (DOMAIN.md §4: generated Monday 00:00 for overdue items, closed by
/// themselves when fixed): a remark for every outstanding item that has none open, and the open remarks whose item
/// is no longer outstanding closed — their lesson was put right, or taken away.
public enum RemarkPlan {
    public struct Outcome: Sendable, Hashable {
        /// The outstanding items to remark on, by lesson date and hour.
        public var add: [(lesson: JournalControl.Lesson, problem: JournalControl.Problem)] = []
        /// The ids of the open remarks to close, in order.
        public var close: [Int] = []

        public static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            lhs.close == rhs.close && lhs.add.map { [$0.lesson.id: $0.problem] } == rhs.add.map { [$0.lesson.id: $0.problem] }
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(close) }
    }

    /// `open`: the open remarks' ids by lesson and item; `overdue`: the lessons checked now with what is overdue in
    /// them. With `creating` false only closes (a reader's recheck between two Mondays).
    public static func plan(open: [Int: [JournalControl.Problem: Int]], overdue: [JournalControl.Overdue], creating: Bool) -> Outcome {
        var outcome = Outcome()
        var outstanding: [Int: Set<JournalControl.Problem>] = [:]
        for item in overdue {
            let problems = item.problems.filter(\.isOutstanding)
            outstanding[item.lesson.id, default: []].formUnion(problems)
            guard creating else { continue }
            for problem in problems where open[item.lesson.id]?[problem] == nil {
                outcome.add.append((item.lesson, problem))
            }
        }
        for (lesson, remarks) in open {
            for (problem, id) in remarks where !(outstanding[lesson]?.contains(problem) ?? false) {
                outcome.close.append(id)
            }
        }
        outcome.close.sort()
        outcome.add.sort {
            ($0.lesson.date, $0.lesson.number, $0.lesson.id, $0.problem.rawValue) < (
                $1.lesson.date, $1.lesson.number, $1.lesson.id, $1.problem.rawValue
            )
        }
        return outcome
    }
}
