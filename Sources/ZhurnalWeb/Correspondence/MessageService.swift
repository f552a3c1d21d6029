import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Messages for the pages and the API alike: who may write to whom is the policy's `.writeMessage`, asked of the
/// recipient (a ``Correspondent``) or of the class.
struct MessageService: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// One answer for a recipient who does not exist and one the sender may not write to, so that ids tell nothing.
    static let recipientRefused = AppError(
        status: .forbidden,
        code: "recipient_not_allowed",
        message:
            "Этому адресату написать нельзя. Родители и ученики пишут учителям своих детей, классному руководителю и администрации школы; "
            + "учителя — коллегам и семьям своих учеников."
    )

    /// Where a new message goes.
    enum Destination: Sendable {
        case person(Int)
        case schoolClass(Int, MessageAudience)
    }

    /// Checks, then stores the message; returns its id and how many it reached.
    func send(
        _ destination: Destination,
        subject: String,
        body: String,
        context: AppRequestContext,
        path: String
    ) async throws -> (
        id: Int, recipients: Int
    ) {
        let actor = try context.requireActor()
        let text: (subject: String, body: String)
        do { text = try Correspondence.message(subject: subject, body: body) } catch { throw AppError.invalid(error) }
        let today = SchoolCalendar.today(clock())
        let now = Timestamp.string(clock())
        switch destination {
        case .person(let recipient):
            guard
                let facts = try await database.read({
                    try await Correspondents.facts(school: actor.schoolID, sender: actor.personID, recipient: recipient, today: today, in: $0)
                })
            else { try await access.missing("recipient", refusing: Self.recipientRefused, context: context, path: path) }
            try await access.require(.writeMessage, on: .correspondent(facts), orRefuse: Self.recipientRefused, context: context, path: path)
            let id = try await database.write { sql in
                try await Messages.send(
                    school: actor.schoolID,
                    sender: actor.personID,
                    to: recipient,
                    subject: text.subject,
                    body: text.body,
                    at: now,
                    in: sql
                )
            }
            return (id, 1)
        case .schoolClass(let classID, let audience):
            guard audience != .person else { throw AppError.invalid("bad_audience", "Выберите, кому в классе: ученикам или родителям.") }
            guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
            else { try await access.missing("class", refusing: Self.recipientRefused, context: context, path: path) }
            try await access.require(.writeMessage, on: .schoolClass(facts), orRefuse: Self.recipientRefused, context: context, path: path)
            return try await database.write { sql in
                let sent = try await Messages.sendToClass(
                    school: actor.schoolID,
                    sender: actor.personID,
                    classID: classID,
                    audience: audience,
                    subject: text.subject,
                    body: text.body,
                    today: today,
                    at: now,
                    in: sql
                )
                // Rolled back with the transaction: a message that reaches nobody is not kept.
                if sent.recipients == 0 {
                    throw AppError.invalid("no_recipients", "В классе сейчас некому получить это сообщение: нет учеников или их родителей.")
                }
                return sent
            }
        }
    }

    /// A message the actor sent or received, marked read for him; with its recipients when he sent it.
    func open(_ id: Int, context: AppRequestContext, path: String) async throws -> (message: Message, recipients: [MessageRecipient]) {
        let actor = try context.requireActor()
        let now = Timestamp.string(clock())
        let found = try await database.write { sql -> (Message, [MessageRecipient])? in
            guard let message = try await Messages.open(school: actor.schoolID, id: id, person: actor.personID, at: now, in: sql) else { return nil }
            let recipients =
                message.senderID == actor.personID ? try await Messages.recipients(school: actor.schoolID, message: id, in: sql) : []
            return (message, recipients)
        }
        guard let found else { try await access.missing("message", context: context, path: path) }
        return found
    }

    func inbox(context: AppRequestContext) async throws -> (received: [Message], sent: [Message]) {
        let actor = try context.requireActor()
        return try await database.read { sql in
            (
                try await Messages.inbox(school: actor.schoolID, person: actor.personID, in: sql),
                try await Messages.sent(school: actor.schoolID, person: actor.personID, in: sql)
            )
        }
    }

    /// The people the actor may write to, by the policy.
    func addressBook(context: AppRequestContext) async throws -> [AddressBookEntry] {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            try await Correspondents.addressBook(school: actor.schoolID, actor: actor.personID, today: today, in: sql)
        }
        .filter { AccessPolicy.decide(actor, .writeMessage, .correspondent($0.correspondent)).isAllowed }
    }
}
