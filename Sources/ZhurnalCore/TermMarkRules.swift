/// A school's settings for proposing term marks (DOMAIN.md §3).
public struct TermMarkRules: Sendable, Hashable {
    /// How the average is rounded to a mark.
    public var profile: RoundingProfile
    /// When on, a mark below 3 among the period's marks caps the proposal at 4 (default off).
    public var twoForbidsFive: Bool
    /// When on, н/а is proposed for fewer than 3 marks with more than half the lessons missed (default off).
    public var notAttestedWhenFewMarksAndAbsent: Bool
    /// How double marks enter the average.
    public var doubleCounting: DoubleMarkCounting

    public init(
        profile: RoundingProfile = .classic,
        twoForbidsFive: Bool = false,
        notAttestedWhenFewMarksAndAbsent: Bool = false,
        doubleCounting: DoubleMarkCounting = .mean
    ) {
        self.profile = profile
        self.twoForbidsFive = twoForbidsFive
        self.notAttestedWhenFewMarksAndAbsent = notAttestedWhenFewMarksAndAbsent
        self.doubleCounting = doubleCounting
    }
}
