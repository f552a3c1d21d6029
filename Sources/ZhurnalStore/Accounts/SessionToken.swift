import Crypto
import Foundation

/// The secret a browser keeps in its cookie and a program sends as a bearer token: the school's id and 256 random
/// bits, `7.Qm9…`. The school comes first so that a distributed region finds the session on the school's node; only
/// the secret's SHA-256 is stored.
public struct SessionToken: Sendable, Hashable {
    public let schoolID: Int
    let secret: String

    /// A fresh token from the system's secure generator.
    public static func generate(schoolID: Int) -> SessionToken {
        SessionToken(schoolID: schoolID, secret: RandomText.urlSafe(bytes: 32))
    }

    /// Reads a token a client sent; nil for anything that is not one of ours (never a database error).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let school = Int(parts[0]), school > 0, parts[1].count == 43,
            parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        self.init(schoolID: school, secret: String(parts[1]))
    }

    init(schoolID: Int, secret: String) {
        self.schoolID = schoolID
        self.secret = secret
    }

    public var text: String { "\(schoolID).\(secret)" }

    var hash: String { Digest.sha256Hex(secret) }
}

enum Digest {
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Random text from the system's secure generator.
public enum RandomText {
    /// `bytes` random bytes as unpadded base64url (43 characters for 32 bytes).
    public static func urlSafe(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
