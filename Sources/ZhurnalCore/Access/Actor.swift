/// Who is asking: a signed-in account, the person behind it and the roles it holds at this moment.
///
/// Roles are read from the database on every request, so a right taken away applies at the next request.
public struct Actor: Sendable, Hashable {
    public let accountID: Int
    public let personID: Int
    public let schoolID: Int
    public let roles: Set<Role>
    /// Schools whose aggregated figures an observer reads (DOMAIN.md §1); empty for everyone else.
    public let observedSchools: Set<Int>

    public init(accountID: Int, personID: Int, schoolID: Int, roles: Set<Role>, observedSchools: Set<Int> = []) {
        self.accountID = accountID
        self.personID = personID
        self.schoolID = schoolID
        self.roles = roles
        self.observedSchools = observedSchools
    }

    public func holds(_ role: Role) -> Bool { roles.contains(role) }

    /// Administration reads the whole school.
    var readsWholeSchool: Bool { !roles.isDisjoint(with: [.admin, .director, .deputy]) }

    /// Staff sessions are short; families keep theirs for days (SECURITY.md, Sessions).
    public var isStaff: Bool { !roles.isDisjoint(with: [.admin, .director, .deputy, .teacher, .homeroom, .observer]) }
}
