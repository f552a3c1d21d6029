/// Who is in a subgroup or a group across classes (DOMAIN.md §2), kept as dated stretches like enrolments: a pupil
/// joins from a day and leaves after one, so the group's journal lists him for exactly the lessons he attended. The
/// administrator sets the members from a date; the rules below turn that into the rows to write.
public enum GroupMembership {
    public typealias Refusal = RuleRefusal

    public static let titleLength = 1...60

    /// One stored stretch of a pupil in the group.
    public struct Stretch: Sendable, Hashable {
        public let studentID: Int
        public let startsOn: LocalDate
        public let endsOn: LocalDate?

        public init(studentID: Int, startsOn: LocalDate, endsOn: LocalDate?) {
            self.studentID = studentID
            self.startsOn = startsOn
            self.endsOn = endsOn
        }

        public func covers(_ date: LocalDate) -> Bool { startsOn <= date && (endsOn.map { date <= $0 } ?? true) }
    }

    /// What to write: stretches cut short (ended the day before the date), removed (those that had not begun by the
    /// date), and opened.
    public struct Plan: Sendable, Hashable {
        public var ended: [Stretch] = []
        public var removed: [Stretch] = []
        public var opened: [Int] = []
        public var left: Set<Int> = []

        public var isEmpty: Bool { ended.isEmpty && removed.isEmpty && opened.isEmpty }
    }

    public static func checkTitle(_ title: String) throws(Refusal) -> String {
        let title = title.trimmingWhitespace()
        guard titleLength.contains(title.count) else {
            throw Refusal(code: "bad_title", russianMessage: "Название группы — от 1 до 60 знаков, например «Английский язык, группа 1».")
        }
        return title
    }

    /// The group's members from `date` on are `wanted`, each of them one of `eligible` (the class's pupils on that
    /// day, or the school's for a group across classes). A pupil who stays keeps his stretch; one who leaves has it
    /// end the day before; stretches planned after the date give way to the new list.
    public static func plan(current: [Stretch], wanted: Set<Int>, eligible: Set<Int>, on date: LocalDate) throws(Refusal) -> Plan {
        guard wanted.isSubset(of: eligible) else {
            throw Refusal(
                code: "not_eligible",
                russianMessage: "В группу записывают только учеников, которые на эту дату учатся в классе (для общей группы — в школе)."
            )
        }
        var plan = Plan()
        var staying = Set<Int>()
        for stretch in current {
            if stretch.covers(date) {
                if wanted.contains(stretch.studentID), stretch.endsOn == nil {
                    staying.insert(stretch.studentID)
                    continue
                }
                // Leaving, or staying past a planned end: the stretch stops the day before and, for one who stays, a
                // new open one starts on the date — the journal sees no gap. A stretch that began that day goes.
                if stretch.startsOn == date { plan.removed.append(stretch) } else { plan.ended.append(stretch) }
                if !wanted.contains(stretch.studentID) { plan.left.insert(stretch.studentID) }
            } else if stretch.startsOn > date {
                plan.removed.append(stretch)
            }
        }
        plan.opened = wanted.subtracting(staying).sorted()
        return plan
    }
}
