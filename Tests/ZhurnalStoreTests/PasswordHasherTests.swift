import Testing
import ZhurnalStore

/// SECURITY.md §Authentication: a slow salted hash, verified exactly, every character counting.
struct PasswordHasherTests {
    // Cost 4 keeps the tests fast; the cost itself is bcrypt's, not ours to test.
    let hasher = PasswordHasher(cost: 4)

    @Test func equalPasswordsGiveDifferentHashesThatBothVerify() {
        let first = hasher.hash("летний-дождь-2026")
        let second = hasher.hash("летний-дождь-2026")
        #expect(first != second)
        #expect(hasher.verify("летний-дождь-2026", against: first))
        #expect(hasher.verify("летний-дождь-2026", against: second))
    }

    @Test func verifiesExactlyWithoutFoldingOrTrimming() {
        let stored = hasher.hash("Пароль Ученика 7")
        for wrong in ["пароль ученика 7", "Пароль Ученика 7 ", " Пароль Ученика 7", "Пароль Ученика", "Пароль Учениkа 7", ""] {
            #expect(!hasher.verify(wrong, against: stored), "\(wrong)")
        }
    }

    @Test func everyCharacterCountsBeyondBcryptsSeventyTwoBytes() {
        // 40 Cyrillic letters are 80 bytes: bcrypt alone would ignore the last four letters.
        let long = String(repeating: "ж", count: 40)
        let stored = hasher.hash(long)
        #expect(hasher.verify(long, against: stored))
        #expect(!hasher.verify(String(repeating: "ж", count: 39) + "ш", against: stored))
        #expect(!hasher.verify(String(repeating: "ж", count: 41), against: stored))
        let longest = String(repeating: "я", count: 128)
        #expect(hasher.verify(longest, against: hasher.hash(longest)))
    }

    @Test func refusesHashesOfAnotherScheme() {
        #expect(!hasher.verify("secret", against: "$2b$04$abcdefghijklmnopqrstuu5jAm9Jc4nW0o0j9Q3pLxX7dAqJ6gGqu"))
        #expect(!hasher.verify("secret", against: ""))
    }

    @Test func hashesManyInParallelInOrder() async {
        let passwords = (0..<9).map { "пароль-номер-\($0)" }
        let hashes = await hasher.hashAll(passwords)
        #expect(hashes.count == passwords.count)
        for (password, hash) in zip(passwords, hashes) {
            #expect(hasher.verify(password, against: hash))
        }
    }

    @Test func initialPasswordsAreLongRandomAndUnambiguous() {
        let passwords = (0..<200).map { _ in InitialPassword.generate() }
        #expect(Set(passwords).count == passwords.count)
        for password in passwords {
            #expect(password.count == 14)
            #expect(!password.contains { "0O1lI".contains($0) })
        }
    }
}
