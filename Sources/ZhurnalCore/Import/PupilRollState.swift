/// What the school already holds that an import of pupils must match against: the year, its classes, the pupils
/// known by name and birth date, and the guardians known by name and their children's surname.
public struct PupilRollState: Sendable {
    public struct KnownPupil: Sendable, Hashable {
        public let id: Int
        /// His class this year, if he is enrolled in one.
        public let className: String?

        public init(id: Int, className: String?) {
            self.id = id
            self.className = className
        }
    }

    public let year: DateSpan
    /// «5А» → the class's id.
    public let classes: [String: Int]
    /// ``PupilListEntry/key`` → the pupil.
    public let pupils: [String: KnownPupil]
    /// ``PupilRollState/guardianKey(_:childLastName:)`` → the guardian's id.
    public let guardians: [String: Int]
    public let links: Set<Link>

    public struct Link: Sendable, Hashable {
        public let guardian: Int
        public let pupil: Int

        public init(guardian: Int, pupil: Int) {
            self.guardian = guardian
            self.pupil = pupil
        }
    }

    public init(year: DateSpan, classes: [String: Int], pupils: [String: KnownPupil], guardians: [String: Int], links: Set<Link>) {
        self.year = year
        self.classes = classes
        self.pupils = pupils
        self.guardians = guardians
        self.links = links
    }

    /// Lists carry no identity number for parents, so a guardian is the same person when the same full name stands
    /// beside a child of the same family name — a mother of a son and a daughter — and a new person otherwise: two
    /// namesakes must never share a diary, while a second record of one mother only costs a duplicate to merge.
    public static func guardianKey(_ name: PersonalName, childLastName: String) -> String {
        name.key + "|" + familyStem(childLastName)
    }

    /// A Russian surname without its gender ending, so that a brother and a sister share it: Ёлкин and Ёлкина,
    /// Толстой and Толстая, Вяземский and Вяземская.
    static func familyStem(_ lastName: String) -> String {
        let name = PersonalName.key(lastName: lastName)
        if ["ая", "ий", "ой", "ый"].contains(where: name.hasSuffix), name.count > 3 { return String(name.dropLast(2)) }
        if ["ова", "ева", "ина", "ына"].contains(where: name.hasSuffix) { return String(name.dropLast()) }
        return name
    }
}
