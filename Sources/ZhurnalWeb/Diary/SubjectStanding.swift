import ZhurnalCore
import ZhurnalStore

/// One subject of a pupil's period as the diary explains it (DOMAIN.md §3, §5): his marks, the weighted average with
/// its computation written out, the proposal from the school's rounding profile or why there is none, the term mark
/// entered, and the average after each day with marks, for the chart.
struct SubjectStanding: Sendable {
    let course: StudentMarks.Course
    let marks: [StudentMarks.Mark]
    let average: Rational?
    /// «(5·1 + 4·2) / (1 + 2) ≈ 4,33»; nil when no mark counts.
    let formula: String?
    let proposal: TermMarkProposal
    let termMark: String?
    /// The average as it stood at the end of each day with marks (from the first that counted).
    let history: [(date: LocalDate, average: Rational)]

    static func all(_ marks: StudentMarks) -> [SubjectStanding] {
        let byCourse = Dictionary(grouping: marks.marks, by: \.courseID)
        let doubleCounting = marks.rules.doubleCounting
        return marks.courses.map { course in
            let own = byCourse[course.id] ?? []
            // A mark and its counted form side by side (осв and the like have none), for the running average.
            let pairs = own.map { mark in (mark, MarkValue(canonical: mark.value).map { CountedMark(value: $0, weight: mark.weight) }) }
            let counted = pairs.compactMap(\.1)
            var running: [(date: LocalDate, average: Rational)] = []
            var sofar: [CountedMark] = []
            for (index, (mark, countedMark)) in pairs.enumerated() {
                if let countedMark { sofar.append(countedMark) }
                let endsDay = index == pairs.count - 1 || pairs[index + 1].0.date != mark.date
                if endsDay, let average = WeightedAverage.of(sofar, doubleCounting: doubleCounting) { running.append((mark.date, average)) }
            }
            return SubjectStanding(
                course: course,
                marks: own,
                average: WeightedAverage.of(counted, doubleCounting: doubleCounting),
                formula: WeightedAverage.formula(counted, doubleCounting: doubleCounting),
                proposal: TermMarkProposal.propose(
                    marks: counted,
                    periodKind: marks.period.kind,
                    weeklyHours: course.weeklyHours,
                    absenceRatio: TermMarkProposal.absenceRatio(missed: course.absences, held: course.lessonsHeld),
                    rules: marks.rules
                ),
                termMark: marks.termMarks.first { $0.courseID == course.id && $0.kind == .period && $0.periodID == marks.period.id }?.value,
                history: running
            )
        }
    }
}
