import Crypto
import Foundation
import HummingbirdBcrypt

/// bcrypt over a SHA-256 of the password, so every byte counts: bcrypt alone reads 72 bytes, which is only 36
/// Cyrillic letters. The digest is base64-encoded because bcrypt stops at a zero byte.
public struct PasswordHasher: Sendable {
    /// The work factor; SECURITY.md asks for at least 10.
    public let cost: UInt8
    static let scheme = "bcrypt-sha256$"

    public init(cost: UInt8 = 10) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String {
        Self.scheme + Bcrypt.hash(Self.digest(password), cost: cost)
    }

    /// Compares exactly: no case folding, no trimming, no truncation.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard stored.hasPrefix(Self.scheme) else { return false }
        return Bcrypt.verify(Self.digest(password), hash: String(stored.dropFirst(Self.scheme.count)))
    }

    private static func digest(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    /// Hashes many passwords on every core: hashing is the slow part of issuing a school's accounts.
    public func hashAll(_ passwords: [String]) async -> [String] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (passwords.count + workers - 1) / workers)
        return await withTaskGroup(of: (Int, [String]).self) { group in
            for start in stride(from: 0, to: passwords.count, by: chunk) {
                let slice = Array(passwords[start..<min(start + chunk, passwords.count)])
                group.addTask { (start, slice.map(hash)) }
            }
            var hashes = [String](repeating: "", count: passwords.count)
            for await (start, part) in group {
                hashes.replaceSubrange(start..<start + part.count, with: part)
            }
            return hashes
        }
    }
}

/// Initial passwords handed to people on a slip: random from the system's secure generator, with no letters that
/// read alike (0/O, 1/l/I), long enough for the password rules.
public enum InitialPassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// 14 characters from 55 give about 81 bits: enough for a password that must be changed at first sign-in.
    public static func generate(length: Int = 14) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
