import Foundation
import SQLKit
import Synchronization
import ZhurnalCore
import ZhurnalStore

/// Sends every person who gave an address the notifications written since his previous digest (at most a day back
/// the first time), one message each, through `sendmail`. A person is marked as told only after `sendmail` accepted
/// his message, so a failed delivery is retried by the next run.
public struct DigestRun: Sendable {
    public let database: Database
    /// The system's `sendmail` (or a program that behaves like it: the message on its input, the recipient as its
    /// argument, exit status 0 when accepted).
    public let sendmail: String
    public let from: String
    /// The site's address for links: «https://school1.example.ru».
    public let baseURL: String
    public let clock: @Sendable () -> Date

    public init(database: Database, sendmail: String, from: String, baseURL: String, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.sendmail = sendmail
        self.from = from
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.clock = clock
    }

    public struct Outcome: Sendable, Hashable {
        public var sent = 0
        public var nothingNew = 0
        public var failed: [String] = []
    }

    public func run() async throws -> Outcome {
        guard DigestMail.isAddress(from) else { throw DigestError.badSender(from) }
        // A sendmail that exits before reading its message must fail that one delivery, not end the run.
        signal(SIGPIPE, SIG_IGN)
        var outcome = Outcome()
        let now = clock()
        // A minute back, so that what is being written right now, stamped a moment ago, is left for the next run whole.
        let until = Timestamp.string(now.addingTimeInterval(-60))
        let today = SchoolCalendar.today(now)
        for school in try await database.read({ try await NotificationPreferences.schools(in: $0) }) {
            let readers = try await database.read { try await NotificationPreferences.digestReaders(school: school.id, in: $0) }
            for (person, settings) in readers {
                guard let address = settings.digestEmail else { continue }
                let since = settings.digestSentUntil ?? Timestamp.string(now.addingTimeInterval(-24 * 3600))
                let items = try await database.read { sql in
                    try await Self.items(school: school.id, person: person, settings: settings, since: since, today: today, in: sql)
                }.filter { $0.at <= until }
                guard let mail = DigestMail.compose(to: address, from: from, schoolName: school.name, items: items, baseURL: baseURL, now: now)
                else {
                    outcome.nothingNew += 1
                    continue
                }
                do {
                    try deliver(mail)
                    try await database.write { try await NotificationPreferences.digestSent(school: school.id, person: person, until: until, in: $0) }
                    outcome.sent += 1
                } catch {
                    outcome.failed.append("\(address): \(error)")
                }
            }
        }
        return outcome
    }

    private static func items(
        school: Int,
        person: Int,
        settings: NotificationSettings,
        since: String,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> [FeedItem] {
        let roles = try await Correspondents.roles(school: school, people: [person], in: sql)[person] ?? []
        guard !roles.isEmpty else { return [] }
        let account = try await AccessFacts.accountOf(school: school, person: person, in: sql)
        let actor = Actor(accountID: account ?? 0, personID: person, schoolID: school, roles: roles)
        let family = try await FamilyStudents.of(
            school: school,
            parent: roles.contains(.parent) ? person : nil,
            pupil: roles.contains(.student) ? person : nil,
            account: account.map { AccountRef(schoolID: school, accountID: $0) },
            today: today,
            in: sql
        )
        return try await NotificationFeed.read(
            school: school,
            person: person,
            administration: AccessPolicy.decide(actor, .read, .school(id: school)).isAllowed,
            family: family,
            since: since,
            muted: settings.muted,
            today: today,
            in: sql
        )
    }

    /// sendmail's environment, read once: only the search path and the home folder it may look in. Foundation's
    /// `Process.run()` on Linux crashed (a bad pointer in its copying) when two runs started at once, so starts are
    /// taken one at a time.
    private static let environment = ProcessInfo.processInfo.environment.filter { $0.key == "PATH" || $0.key == "HOME" }
    private static let starting = Mutex(())

    private func deliver(_ mail: DigestMail) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sendmail)
        // -i: a line with a lone dot does not end the message; -f: the envelope sender; -- before the recipient.
        process.arguments = ["-i", "-f", from, "--", mail.to]
        process.environment = Self.environment
        let input = Pipe()
        process.standardInput = input
        try Self.starting.withLock { _ in try process.run() }
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(mail.text.utf8))
            try input.fileHandleForWriting.close()
        } catch {
            process.waitUntilExit()
            throw DigestError.sendmailFailed(process.terminationStatus)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DigestError.sendmailFailed(process.terminationStatus) }
    }
}

public enum DigestError: Error, CustomStringConvertible {
    case badSender(String)
    case sendmailFailed(Int32)

    public var description: String {
        switch self {
        case .badSender(let address): "Адрес отправителя «\(address)» записан неверно: нужен вид имя@домен."
        case .sendmailFailed(let status): "sendmail завершился с кодом \(status): письмо не принято."
        }
    }
}
