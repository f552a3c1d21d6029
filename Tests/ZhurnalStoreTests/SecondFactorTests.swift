import Foundation
import Testing
import ZhurnalStore

/// TOTP as RFC 6238 defines it, checked against the RFC's own test vectors, and the one-use rules.
struct SecondFactorTests {
    /// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890"; eight-digit codes.
    @Test(arguments: [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func matchesTheRFCVectors(seconds: Int, expected: String) {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        #expect(SecondFactor.code(secret: "12345678901234567890", at: date, digits: 8) == expected)
    }

    /// Authenticator apps show six digits: the RFC's codes cut to their last six.
    @Test func sixDigitsAreTheLastSixOfTheRFCCode() {
        #expect(SecondFactor.code(secret: "12345678901234567890", at: Date(timeIntervalSince1970: 59)) == "287082")
    }

    @Test func aCodeIsAcceptedForItsStepAndTheNeighboursOnly() throws {
        let secret = SecondFactor.generateSecret()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let step = Int(now.timeIntervalSince1970) / 30
        let code = SecondFactor.code(secret: secret, at: now)
        #expect(SecondFactor.acceptedStep(code: code, secret: secret, now: now, lastStep: nil) == step)
        // A phone 30 s behind or ahead still works; two minutes off does not.
        #expect(SecondFactor.acceptedStep(code: code, secret: secret, now: now.addingTimeInterval(30), lastStep: nil) == step)
        #expect(SecondFactor.acceptedStep(code: code, secret: secret, now: now.addingTimeInterval(-30), lastStep: nil) == step)
        #expect(SecondFactor.acceptedStep(code: code, secret: secret, now: now.addingTimeInterval(120), lastStep: nil) == nil)
        // Once its step is used, the same code is refused.
        #expect(SecondFactor.acceptedStep(code: code, secret: secret, now: now, lastStep: step) == nil)
        #expect(SecondFactor.acceptedStep(code: "12345", secret: secret, now: now, lastStep: nil) == nil)
        #expect(SecondFactor.acceptedStep(code: "１２３４５６", secret: secret, now: now, lastStep: nil) == nil)
    }

    @Test func theSecretIsRandomAndShownInBase32Groups() {
        let secret = SecondFactor.generateSecret()
        #expect(secret.count == 32)
        #expect(secret != SecondFactor.generateSecret())
        let key = SecondFactor.manualEntryKey("12345678901234567890")
        #expect(key == "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")
        let uri = SecondFactor.provisioningURI(secret: "12345678901234567890", login: "ivanova.ma", issuer: "Zhurnal")
        #expect(uri.hasPrefix("otpauth://totp/Zhurnal:ivanova.ma?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))
        #expect(uri.contains("issuer=Zhurnal"))
    }

    @Test func recoveryCodesAreUniqueAndHashedWithoutTheirDashes() {
        let codes = RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        #expect(codes.allSatisfy { RecoveryCodes.looksLikeRecoveryCode($0) })
        #expect(!RecoveryCodes.looksLikeRecoveryCode("123456"))
        let code = codes[0]
        #expect(RecoveryCodes.hash(code) == RecoveryCodes.hash(code.uppercased().replacingOccurrences(of: "-", with: " ")))
        #expect(RecoveryCodes.hash(code) != RecoveryCodes.hash(codes[1]))
    }

    @Test func sessionTokensCarryTheSchoolAndRefuseAnythingElse() throws {
        let token = SessionToken.generate(schoolID: 7)
        #expect(token.text.hasPrefix("7."))
        #expect(SessionToken(token.text) == token)
        #expect(SessionToken.generate(schoolID: 7) != token)
        for bad in [
            "", "7", "7.", "x.abc", "0." + String(repeating: "A", count: 43), "7." + String(repeating: "A", count: 42),
            "7." + String(repeating: "A", count: 42) + "!", "-1." + String(repeating: "A", count: 43),
        ] {
            #expect(SessionToken(bad) == nil, "\(bad)")
        }
    }
}
