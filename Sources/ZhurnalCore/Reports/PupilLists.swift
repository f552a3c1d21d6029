/// The lists that go with the school metrics (DOMAIN.md §4): excellent pupils, those a single «4» or a single «3»
/// keeps from the group above, those failing and those not attested — each with the subjects that put him there.
public struct PupilLists: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let pupilID: Int
        public let classID: Int
        /// The subject of the single lower mark, or those with a 2 (1, незач) or н/а; empty for an excellent pupil.
        public let subjectIDs: [Int]
    }

    public var excellent: [Entry] = []
    public var singleFour: [Entry] = []
    public var singleThree: [Entry] = []
    public var failing: [Entry] = []
    public var notAttested: [Entry] = []

    /// The lists of `results`, each in the order of the pupils given.
    public init(_ results: PeriodResults) {
        var marks: [Int: [(subjectID: Int, mark: MarkValue)]] = [:]
        for course in results.courses {
            for pupil in course.pupilIDs {
                if let mark = results.marks[PeriodResults.Entry(courseID: course.id, pupilID: pupil)] {
                    marks[pupil, default: []].append((course.subjectID, mark))
                }
            }
        }
        for pupil in results.pupils {
            let own = marks[pupil.id] ?? []
            let values = own.map(\.mark)
            func entry(_ where: (MarkValue) -> Bool) -> Entry {
                Entry(pupilID: pupil.id, classID: pupil.classID, subjectIDs: Self.unique(own.filter { `where`($0.mark) }.map(\.subjectID)))
            }
            switch PupilResult.of(periodMarks: values) {
            case .excellent: excellent.append(entry { _ in false })
            case .failing: failing.append(entry { $0 == .failed || ($0.lowestGrade ?? 3) < 3 })
            case .notAttested: notAttested.append(entry { $0 == .notAttested })
            case .good, .satisfactory, .exempt, .passed, .withoutMarks: break
            }
            switch PupilResult.singleLowerMark(in: values) {
            case 4?: singleFour.append(entry { $0.lowestGrade == 4 })
            case 3?: singleThree.append(entry { $0.lowestGrade == 3 })
            default: break
            }
        }
    }

    private static func unique(_ ids: [Int]) -> [Int] {
        var seen: Set<Int> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
