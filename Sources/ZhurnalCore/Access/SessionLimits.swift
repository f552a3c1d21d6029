/// How long a session lives (SECURITY.md, Sessions): it ends after `idleSeconds` without a request and after
/// `absoluteSeconds` in any case. Staff sessions are short, because staff sign in on shared school computers;
/// families sign in on their own phones and would otherwise sign in every evening.
public struct SessionLimits: Sendable, Hashable {
    public var idleSeconds: Int
    public var absoluteSeconds: Int

    public init(idleSeconds: Int, absoluteSeconds: Int) {
        self.idleSeconds = idleSeconds
        self.absoluteSeconds = absoluteSeconds
    }

    public static let staffDefault = SessionLimits(idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600)
    public static let familyDefault = SessionLimits(idleSeconds: 7 * 86_400, absoluteSeconds: 30 * 86_400)
}

/// A school's session limits for staff and for families.
public struct SessionPolicy: Sendable, Hashable {
    public var staff: SessionLimits
    public var family: SessionLimits

    public init(staff: SessionLimits = .staffDefault, family: SessionLimits = .familyDefault) {
        self.staff = staff
        self.family = family
    }

    /// A person who is both a teacher and a parent gets the staff limits: the stricter rule follows the stronger rights.
    public func limits(for roles: Set<Role>) -> SessionLimits {
        let staffRoles: Set<Role> = [.admin, .director, .deputy, .teacher, .homeroom, .observer]
        return roles.isDisjoint(with: staffRoles) ? family : staff
    }
}
