/// What the weekly check does with the remarks (DOMAIN.md §4: generated Monday 00:00 for overdue items, closed by
/// themselves when fixed): a remark for every outstanding item that has none open, and the open remarks whose item
/// is no longer outstanding closed — their lesson was put right, or taken away.
public enum RemarkPlan {
    /// An open remark with its lesson's date; nil when the lesson is gone (taken away, or cancelled).
    public struct OpenRemark: Sendable, Hashable {
        public let id: Int
        public let lessonID: Int
        public let problem: JournalControl.Problem
        public let lessonDate: LocalDate?

        public init(id: Int, lessonID: Int, problem: JournalControl.Problem, lessonDate: LocalDate?) {
            self.id = id
            self.lessonID = lessonID
            self.problem = problem
            self.lessonDate = lessonDate
        }
    }

    public struct Outcome: Sendable {
        /// The outstanding items to remark on, by lesson date and hour.
        public var add: [(lesson: JournalControl.Lesson, problem: JournalControl.Problem)] = []
        /// The ids of the open remarks to close, in order.
        public var close: [Int] = []
    }

    /// `open`: the open remarks; `overdue`: what is overdue in the lessons of `checked`, the days this check judged.
    /// A remark of a day outside them is left as it is, so that a check of an earlier week never closes a later
    /// week's remarks. With `creating` false it only closes (the nightly pass between two Mondays).
    public static func plan(open: [OpenRemark], overdue: [JournalControl.Overdue], checked: DateSpan, creating: Bool) -> Outcome {
        var outcome = Outcome()
        var outstanding: [Int: Set<JournalControl.Problem>] = [:]
        for item in overdue where checked.contains(item.lesson.date) {
            outstanding[item.lesson.id, default: []].formUnion(item.problems.filter(\.isOutstanding))
        }
        let remarked = Set(open.map { [$0.lessonID, JournalControl.Problem.allCases.firstIndex(of: $0.problem)!] })
        if creating {
            for item in overdue where checked.contains(item.lesson.date) {
                for problem in item.problems where problem.isOutstanding {
                    if !remarked.contains([item.lesson.id, JournalControl.Problem.allCases.firstIndex(of: problem)!]) {
                        outcome.add.append((item.lesson, problem))
                    }
                }
            }
        }
        for remark in open {
            guard let date = remark.lessonDate else {
                outcome.close.append(remark.id)
                continue
            }
            if checked.contains(date) && !(outstanding[remark.lessonID]?.contains(remark.problem) ?? false) {
                outcome.close.append(remark.id)
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
