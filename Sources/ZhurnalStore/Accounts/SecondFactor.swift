import Crypto
import ExtrasBase64
import Foundation
import HummingbirdOTP

/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) as authenticator apps use them,
/// and recovery codes for a lost phone.
public enum SecondFactor {
    static let step = 30
    /// Codes of the previous and the next step are accepted too: phones' clocks drift.
    static let tolerance = 1

    /// A new secret: 20 random bytes as 32 base32 characters. HummingbirdOTP keys HMAC with the secret's UTF-8
    /// bytes, so the stored and shown secret is that text, and the app's key is its base32 form.
    public static func generateSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The secret as an authenticator app is given it for manual entry: base32 of the key bytes, in groups of four.
    public static func manualEntryKey(_ secret: String) -> String {
        let encoded = String(base32Encoding: Array(secret.utf8), options: .omitPaddingCharacter)
        return stride(from: 0, to: encoded.count, by: 4).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: 4, limitedBy: encoded.endIndex) ?? encoded.endIndex
            return String(encoded[from..<to])
        }.joined(separator: " ")
    }

    /// The `otpauth://` URI that the QR code on the enrolment page carries.
    public static func provisioningURI(secret: String, login: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(login)", issuer: issuer)
    }

    /// The time step of a code that matches `code` at `now`, later than `lastStep`; nil when none does. The caller
    /// stores the step, so the same code is refused the second time.
    public static func acceptedStep(code: String, secret: String, now: Date, lastStep: Int?) -> Int? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let current = Int(now.timeIntervalSince1970) / step
        let generator = HOTP(secret: secret)
        for candidate in (current - tolerance)...(current + tolerance) where candidate > (lastStep ?? Int.min) {
            if generator.compute(counter: UInt64(candidate)) == value { return candidate }
        }
        return nil
    }

    /// The code an app shows at `date`; for tests and the benchmark (`digits` 8 for the RFC's test vectors).
    public static func code(secret: String, at date: Date, digits: Int = 6) -> String {
        let value = TOTP(secret: secret, length: digits).compute(date: date)
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// Ten codes for the day the phone is lost, each working once. Shown once; only their hashes are kept.
public enum RecoveryCodes {
    public static let count = 10

    /// `xxxx-xxxx-xxxx` in lowercase letters and digits that do not read alike: about 62 bits each.
    public static func generate() -> [String] {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<3).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }
                .joined(separator: "-")
        }
    }

    /// The code as stored: typed spaces, dashes and case do not matter.
    public static func hash(_ code: String) -> String {
        Digest.sha256Hex(String(code.lowercased().filter { $0.isLetter || $0.isNumber }))
    }

    /// Whether `text` looks like a recovery code rather than a six-digit one.
    public static func looksLikeRecoveryCode(_ text: String) -> Bool {
        text.filter { $0.isLetter || $0.isNumber }.count == 12
    }
}
