import Testing
import ZhurnalCore

/// The limiter's delays, the session limits by role and the order of sign-in stages.
struct ThrottleRuleTests {
    @Test func freeFailuresThenDoublingDelaysUpToTheMaximum() {
        let rule = ThrottleRule.perAccount
        #expect((0..<5).map(rule.delay(afterFailures:)) == [0, 0, 0, 0, 0])
        #expect((5...12).map(rule.delay(afterFailures:)) == [1, 2, 4, 8, 16, 32, 60, 60])
        #expect(rule.delay(afterFailures: 1000) == 60)
    }

    @Test func waitCountsFromTheLastFailure() {
        let rule = ThrottleRule.perAccount
        #expect(rule.wait(failures: 8, elapsed: 0, windowAge: 100) == 8)
        #expect(rule.wait(failures: 8, elapsed: 5, windowAge: 100) == 3)
        #expect(rule.wait(failures: 8, elapsed: 8, windowAge: 100) == 0)
        #expect(rule.wait(failures: 4, elapsed: 0, windowAge: 100) == 0)
    }

    /// No lock: however many failures, the wait never exceeds the maximum delay, so the real teacher waits a minute
    /// at most; a window older than an hour no longer counts.
    @Test func thereIsNoLockOnlyTheMaximumDelay() {
        let rule = ThrottleRule.perAccount
        #expect(rule.wait(failures: 10_000, elapsed: 0, windowAge: 3000) == 60)
        #expect(rule.wait(failures: 10_000, elapsed: 60, windowAge: 3000) == 0)
        #expect(rule.wait(failures: 10_000, elapsed: 0, windowAge: 3600) == 0)
    }

    @Test func onlyTheFailureThatStartsTheDelaysIsWorthALogLine() {
        #expect((0...40).filter(ThrottleRule.perAccount.startsDelaying(atFailures:)) == [5])
        #expect((0...40).filter(ThrottleRule.perAddress.startsDelaying(atFailures:)) == [30])
    }

    /// SECURITY.md: no more than 100 failures an hour per account. Simulates the fastest attacker the delays allow.
    @Test func theFastestAttackerGetsFewerThanAHundredTriesAnHour() {
        let rule = ThrottleRule.perAccount
        var clock = 0
        var failures = 0
        while true {
            let wait = rule.delay(afterFailures: failures)
            if clock + wait >= rule.windowSeconds { break }
            clock += wait
            failures += 1
        }
        #expect(failures <= 100)
        #expect(failures > 50)
    }

    @Test func anAddressGetsMoreFreeFailuresThanAnAccount() {
        #expect(ThrottleRule.perAddress.freeFailures > ThrottleRule.perAccount.freeFailures)
        #expect(ThrottleRule.perAddress.delay(afterFailures: 29) == 0)
        #expect(ThrottleRule.perAddress.delay(afterFailures: 30) == 1)
    }
}

struct SessionPolicyTests {
    @Test(arguments: [Role.admin, .director, .deputy, .teacher, .homeroom, .observer])
    func staffGetThirtyMinutesIdleAndTwelveHours(role: Role) {
        #expect(SessionPolicy().limits(for: [role]) == SessionLimits(idleSeconds: 1800, absoluteSeconds: 43_200))
    }

    @Test(arguments: [Role.parent, .student])
    func familiesGetSevenDaysIdleAndThirtyDays(role: Role) {
        #expect(SessionPolicy().limits(for: [role]) == SessionLimits(idleSeconds: 604_800, absoluteSeconds: 2_592_000))
    }

    @Test func aTeacherWhoIsAParentGetsTheStaffLimits() {
        #expect(SessionPolicy().limits(for: [.teacher, .parent]) == .staffDefault)
    }
}

struct SignInStageTests {
    @Test func aPlainAccountIsActiveAtOnce() {
        #expect(SignInStage.next(for: AccountState(roles: [.teacher], mustChangePassword: false, hasSecondFactor: false)) == .active)
    }

    @Test func theSecondFactorComesBeforeTheNewPassword() {
        let account = AccountState(roles: [.parent], mustChangePassword: true, hasSecondFactor: true)
        #expect(SignInStage.next(for: account) == .secondFactor)
        #expect(SignInStage.next(for: account, done: [.secondFactor]) == .passwordChange)
    }

    @Test func anAdministratorWithoutASecondFactorMustEnrolOne() {
        let admin = AccountState(roles: [.admin], mustChangePassword: false, hasSecondFactor: false)
        #expect(SignInStage.next(for: admin) == .enrolSecondFactor)
        let initial = AccountState(roles: [.admin], mustChangePassword: true, hasSecondFactor: false)
        #expect(SignInStage.next(for: initial) == .passwordChange)
        let demo = AccountState(roles: [.admin], mustChangePassword: false, hasSecondFactor: false, secondFactorWaived: true)
        #expect(SignInStage.next(for: demo) == .active)
        let enrolled = AccountState(roles: [.admin], mustChangePassword: false, hasSecondFactor: true)
        #expect(SignInStage.next(for: enrolled, done: [.secondFactor]) == .active)
    }

    @Test func othersMayGoWithoutASecondFactor() {
        for role in Role.allCases where role != .admin {
            #expect(SignInStage.next(for: AccountState(roles: [role], mustChangePassword: false, hasSecondFactor: false)) == .active)
        }
    }
}
