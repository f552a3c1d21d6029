import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// A person's notification feed and settings, for the pages and the API alike. What is "new" is what was written
/// after his previous visit; the feed reaches back two weeks so that a first visit is not empty.
struct NotificationReader: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    static let reach: TimeInterval = 14 * 24 * 3600

    struct Feed: Sendable {
        let notifications: [FeedItem]
        /// The previous visit: notifications after it are new.
        let previousVisit: String?
        let settings: NotificationSettings
        let family: [FamilyStudent]
    }

    /// The feed, recording this visit when `visit` is set (the start page and the feed page; the API reads only).
    func feed(context: AppRequestContext, visit: Bool) async throws -> Feed {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        let now = clock()
        let from = Timestamp.string(now.addingTimeInterval(-Self.reach))
        let feed = try await database.read { sql in try await Self.read(actor, today: today, from: from, in: sql) }
        guard visit else { return feed }
        // Recorded apart from the read, so that a parent's start page never waits for the writer's lock for long;
        // two visits racing keep either time, which is harmless.
        let previous = try await database.write { sql in
            try await NotificationPreferences.visit(school: actor.schoolID, person: actor.personID, at: Timestamp.string(now), in: sql)
        }
        return Feed(notifications: feed.notifications, previousVisit: previous, settings: feed.settings, family: feed.family)
    }

    private static func read(_ actor: Actor, today: LocalDate, from: String, in sql: any SQLDatabase) async throws -> Feed {
        let settings = try await NotificationPreferences.of(school: actor.schoolID, person: actor.personID, in: sql)
        let family = try await FamilyStudents.of(
            school: actor.schoolID,
            parent: actor.holds(.parent) ? actor.personID : nil,
            pupil: actor.holds(.student) ? actor.personID : nil,
            account: AccountRef(schoolID: actor.schoolID, accountID: actor.accountID),
            today: today,
            in: sql
        )
        let lines = try await NotificationFeed.read(
            school: actor.schoolID,
            person: actor.personID,
            administration: AccessPolicy.decide(actor, .read, .school(id: actor.schoolID)).isAllowed,
            family: family,
            since: from,
            muted: settings.muted,
            today: today,
            in: sql
        )
        return Feed(notifications: lines, previousVisit: settings.seenUntil, settings: settings, family: family)
    }

    /// Stores the kinds the person muted and his digest address (empty: no digest).
    func save(muted: Set<NotificationKind>, email: String, context: AppRequestContext) async throws {
        let actor = try context.requireActor()
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        if !address.isEmpty && !DigestMail.isAddress(address) {
            throw AppError.invalid("bad_email", "Адрес почты записан неверно: нужен вид имя@домен, например ivanova@example.ru.")
        }
        try await database.write { sql in
            try await NotificationPreferences.save(
                school: actor.schoolID,
                person: actor.personID,
                muted: muted,
                digestEmail: address.isEmpty ? nil : address,
                in: sql
            )
        }
    }

    /// A notification's page.
    static func href(_ target: FeedItem.Target) -> String {
        switch target {
        case .diary(let student, let date): date.map { "/students/\(student)/diary?week=\($0.iso)" } ?? "/students/\(student)/diary"
        case .marks(let student): "/students/\(student)/marks"
        case .announcement(let id): "/announcements/\(id)"
        case .message(let id): "/messages/\(id)"
        }
    }
}
