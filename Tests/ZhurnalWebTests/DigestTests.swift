import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The e-mail digest handed to a stand-in `sendmail` that records its arguments and its input, as the real one would
/// receive them.
struct DigestTests {
    /// A shell script in a fresh folder: it appends its arguments and the message to files there and exits with the
    /// status written in `status` (0 when there is none).
    final class StandInSendmail: Sendable {
        let folder: URL
        var path: String { folder.appendingPathComponent("sendmail").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhurnal-sendmail-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let script = """
                #!/bin/sh
                here=$(dirname "$0")
                printf '%s\\n' "$*" >> "$here/arguments"
                cat >> "$here/messages"
                printf '\\n=====\\n' >> "$here/messages"
                exit $(cat "$here/status" 2>/dev/null || echo 0)
                """
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }

        func fail(with status: Int) throws { try "\(status)".write(to: folder.appendingPathComponent("status"), atomically: true, encoding: .utf8) }
        func read(_ name: String) -> String { (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "" }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test(arguments: TestDatabases.flavors)
    func aParentGetsTheDaysNewsOnceAndAFailedDeliveryIsRetried(flavor: SQLFlavor) async throws {
        let sendmail = try StandInSendmail()
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            try await database.write { sql in
                try await NotificationPreferences.save(school: 1, person: AccessSchool.parent, muted: [], digestEmail: "aksyonov@example.ru", in: sql)
                // Громова gave an address too, but her son's diary is closed to her: nothing to send.
                try await NotificationPreferences.save(
                    school: 1,
                    person: AccessSchool.otherParent,
                    muted: [],
                    digestEmail: "gromova@example.ru",
                    in: sql
                )
                try await sql.raw("UPDATE marks SET updated_at = '2026-10-12T08:00:00Z' WHERE id = 5").run()
            }
            let now = ISO8601DateFormatter().date(from: "2026-10-12T17:00:00Z")!
            let run = DigestRun(
                database: database,
                sendmail: sendmail.path,
                from: "zhurnal@school1.example.ru",
                baseURL: "https://school1.example.ru/",
                clock: { now }
            )
            try sendmail.fail(with: 75)
            let failed = try await run.run()
            #expect(failed.sent == 0 && failed.failed.count == 1 && failed.nothingNew == 1)
            try sendmail.fail(with: 0)
            let outcome = try await run.run()
            #expect(outcome.sent == 1 && outcome.failed.isEmpty && outcome.nothingNew == 1)
            #expect(sendmail.read("arguments") == "-i -f zhurnal@school1.example.ru -- aksyonov@example.ru\n".repeating(2))
            let message = sendmail.read("messages").components(separatedBy: "\n=====\n")[1]
            #expect(message.hasPrefix("From: zhurnal@school1.example.ru\r\nTo: aksyonov@example.ru\r\nSubject: =?UTF-8?B?"))
            #expect(message.contains("Content-Type: text/plain; charset=utf-8\r\n"))
            let subject = try #require(message.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") })
            let encoded = subject.dropFirst("Subject: =?UTF-8?B?".count).dropLast(2)
            #expect(String(data: Data(base64Encoded: String(encoded))!, encoding: .utf8) == "Дневник: 1 новость — Ш1")
            #expect(message.contains("Новые отметки:\r\n  • Математика: 5. Ответ на уроке, вес 1 · урок 05.10.2026\r\n"))
            #expect(message.contains("    https://school1.example.ru/students/\(TinySchool.aksyonova)/diary?week=2026-10-05\r\n"))
            // Told once: the next run finds nothing new for him.
            let again = try await run.run()
            #expect(again.sent == 0 && again.nothingNew == 2)
        }
    }

    @Test func aSenderThatIsNoAddressStopsTheRun() async throws {
        try await TestDatabases.with(.sqlite) { database in
            let run = DigestRun(database: database, sendmail: "/bin/true", from: "zhurnal\nBcc: x@y.ru", baseURL: "https://a.ru", clock: { Date() })
            await #expect(throws: DigestError.self) { try await run.run() }
        }
    }
}

extension String {
    fileprivate func repeating(_ times: Int) -> String { String(repeating: self, count: times) }
}
