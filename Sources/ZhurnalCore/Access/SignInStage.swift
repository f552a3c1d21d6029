/// Where a session stands between the password and full access. A session that is not `active` opens only the page
/// of its stage: the second factor first (the person proves he holds the device), then a new password in place of
/// an initial one, then, for an administrator, enrolling a second factor.
public enum SignInStage: String, Sendable, Hashable, CaseIterable {
    case secondFactor = "second_factor"
    case passwordChange = "password_change"
    case enrolSecondFactor = "enrol_second_factor"
    case active

    /// What an account still needs after the steps already done in this session.
    public static func next(for account: AccountState, done: Set<SignInStage> = []) -> SignInStage {
        if account.hasSecondFactor, !done.contains(.secondFactor) { return .secondFactor }
        if account.mustChangePassword { return .passwordChange }
        if account.requiresSecondFactor, !account.hasSecondFactor { return .enrolSecondFactor }
        return .active
    }
}

/// The facts about an account that decide its sign-in stages.
public struct AccountState: Sendable, Hashable {
    public let roles: Set<Role>
    public let mustChangePassword: Bool
    public let hasSecondFactor: Bool
    /// Set for the demo school's administrator only, so that the demo stays usable without a phone.
    public let secondFactorWaived: Bool

    public init(roles: Set<Role>, mustChangePassword: Bool, hasSecondFactor: Bool, secondFactorWaived: Bool = false) {
        self.roles = roles
        self.mustChangePassword = mustChangePassword
        self.hasSecondFactor = hasSecondFactor
        self.secondFactorWaived = secondFactorWaived
    }

    /// Administrators must use a second factor (SECURITY.md); for everyone else it is optional.
    public var requiresSecondFactor: Bool { roles.contains(.admin) && !secondFactorWaived }
}
