/// Someone a message could go to, as the policy sees him from the sender's side: his roles in the school and whether a
/// teaching tie joins the two — the recipient teaches or leads the sending family's child (or the sending pupil), or the
/// sender teaches or leads the recipient's child (or the recipient pupil).
public struct Correspondent: Sendable, Hashable {
    public let schoolID: Int
    public let personID: Int
    public let roles: Set<Role>
    public let teachingTie: Bool

    public init(schoolID: Int, personID: Int, roles: Set<Role>, teachingTie: Bool) {
        self.schoolID = schoolID
        self.personID = personID
        self.roles = roles
        self.teachingTie = teachingTie
    }

    var isAdministration: Bool { !roles.isDisjoint(with: [.admin, .director, .deputy]) }
    var isTeaching: Bool { !roles.isDisjoint(with: [.teacher, .homeroom]) }
}
