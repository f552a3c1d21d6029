/// How sign-in failures slow down further attempts (SECURITY.md, Brute force). A growing delay instead of a lock:
/// a lock would let anyone who knows a teacher's login shut him out; a delay of at most a minute costs the teacher a
/// minute and costs an attacker the attack. With the per-account maximum of 60 s, the fastest attacker gets about 65
/// tries an hour, under SECURITY.md's 100.
public struct ThrottleRule: Sendable, Hashable {
    /// Failures allowed in a window before any delay (typing mistakes).
    public let freeFailures: Int
    /// The longest delay between two attempts, in seconds.
    public let maximumDelay: Int
    /// The window's length in seconds; it starts at the first failure, and failures of an older window are forgotten.
    public let windowSeconds: Int

    public init(freeFailures: Int, maximumDelay: Int, windowSeconds: Int = 3600) {
        self.freeFailures = freeFailures
        self.maximumDelay = maximumDelay
        self.windowSeconds = windowSeconds
    }

    /// Per login.
    public static let perAccount = ThrottleRule(freeFailures: 5, maximumDelay: 60)
    /// Per client address: a whole class signing in from the school's one address makes typing mistakes, so more are
    /// free; spraying one password over many logins still slows to two tries a minute.
    public static let perAddress = ThrottleRule(freeFailures: 30, maximumDelay: 30)

    /// Seconds to wait after the last of `failures` failures: none for the free ones, then 1, 2, 4, … up to the maximum.
    public func delay(afterFailures failures: Int) -> Int {
        guard failures >= freeFailures else { return 0 }
        let step = failures - freeFailures
        return step >= 16 ? maximumDelay : min(maximumDelay, 1 << step)
    }

    /// Seconds until the next attempt may be checked, or 0 when it may be checked now. `elapsed` is the time since
    /// the last failure, `windowAge` the time since the window's first failure.
    public func wait(failures: Int, elapsed: Int, windowAge: Int) -> Int {
        if windowAge >= windowSeconds { return 0 }
        return max(0, delay(afterFailures: failures) - elapsed)
    }

    /// Whether the failure that brought the count to `failures` is the one after which attempts start to wait: the
    /// moment worth a line in the security log (later refusals are not logged one by one).
    public func startsDelaying(atFailures failures: Int) -> Bool { failures == freeFailures }
}
