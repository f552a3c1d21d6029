import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Messages as pages: the inbox and what one sent (`/messages`), a new message to a person or a class
/// (`/messages/new?to=…` or `?class=…`), and one message with its read status (`/messages/{id}`).
struct MessagesPageController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var service: MessageService { MessageService(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/messages") { _, context in try await list(context) }
        router.get("/messages/new") { request, context in try await compose(request, context) }
        router.post("/messages") { request, context in try await send(request, context) }
        router.get("/messages/:messageId") { _, context in try await show(context) }
    }

    struct Line: Sendable {
        let href: String
        let who: String
        let subject: String
        let at: String
        let unread: Bool
        let status: String
    }

    struct ListPage: PageContext {
        let title = "Сообщения"
        let chrome: Chrome?
        let received: [Line]
        let sent: [Line]
        let hasReceived: Bool
        let hasSent: Bool
        let unread: Int
    }

    func list(_ context: AppRequestContext) async throws -> Response {
        let (received, sent) = try await service.inbox(context: context)
        let page = ListPage(
            chrome: Chrome(context),
            received: received.map { message in
                Line(
                    href: "/messages/\(message.id)",
                    who: message.senderName,
                    subject: Self.subject(message),
                    at: RussianTime.moment(message.sentAt),
                    unread: message.readAt == nil,
                    status: message.readAt == nil ? "новое" : "прочитано"
                )
            },
            sent: sent.map { message in
                Line(
                    href: "/messages/\(message.id)",
                    who: Self.addressee(message),
                    subject: Self.subject(message),
                    at: RussianTime.moment(message.sentAt),
                    unread: false,
                    status: "прочитали \(message.readers) из \(message.recipients)"
                )
            },
            hasReceived: !received.isEmpty,
            hasSent: !sent.isEmpty,
            unread: received.filter { $0.readAt == nil }.count
        )
        return pages.page("messages", page)
    }

    static func subject(_ message: Message) -> String {
        message.subject.isEmpty ? String(message.body.prefix(60)) : message.subject
    }

    static func addressee(_ message: Message) -> String {
        switch message.audience {
        case .person: "лично"
        case .classPupils: "ученикам \(message.className ?? "")"
        case .classParents: "родителям \(message.className ?? "")"
        }
    }

    // MARK: Writing

    struct ComposePage: PageContext {
        let title = "Новое сообщение"
        let chrome: Chrome?
        let csrf: String
        let people: [Option]
        let hasPeople: Bool
        /// Writing to a class: its id and name.
        let classID: Int?
        let className: String?
        let subject: String

        struct Option: Sendable {
            let id: Int
            let label: String
            let selected: Bool
        }
    }

    func compose(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        let to = query["to"].flatMap { Int(String($0)) }
        var className: String?
        let classID = query["class"].flatMap { Int(String($0)) }
        if let classID {
            guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
            else { try await access.missing("class", refusing: MessageService.recipientRefused, context: context, path: request.uri.path) }
            try await access.require(
                .writeMessage,
                on: .schoolClass(facts),
                orRefuse: MessageService.recipientRefused,
                context: context,
                path: request.uri.path
            )
            className = try await database.read { try await Correspondents.className(school: actor.schoolID, classID: classID, in: $0) }
        }
        var people = try await service.addressBook(context: context).map { entry in
            ComposePage.Option(
                id: entry.correspondent.personID,
                label: entry.fullName + " — " + Role.allCases.filter(entry.correspondent.roles.contains).map(\.russianTitle).joined(separator: ", "),
                selected: entry.correspondent.personID == to
            )
        }
        // A reply or a link from a class's page names someone outside the address book: shown by name once the policy
        // allows him.
        if let to, !people.contains(where: { $0.id == to }) {
            let today = SchoolCalendar.today(clock())
            let found = try await database.read { sql -> (Correspondent, String)? in
                guard
                    let facts = try await Correspondents.facts(school: actor.schoolID, sender: actor.personID, recipient: to, today: today, in: sql),
                    let name = try await Correspondents.name(school: actor.schoolID, person: to, in: sql)
                else { return nil }
                return (facts, name)
            }
            if let (facts, name) = found, AccessPolicy.decide(actor, .writeMessage, .correspondent(facts)).isAllowed {
                people.insert(ComposePage.Option(id: to, label: name, selected: true), at: 0)
            }
        }
        let page = ComposePage(
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            people: people,
            hasPeople: !people.isEmpty,
            classID: classID,
            className: className,
            subject: query["subject"].map(String.init) ?? ""
        )
        return pages.page("message-new", page)
    }

    struct SendForm: Decodable {
        let to: String?
        let classId: String?
        let audience: String?
        let subject: String?
        let body: String?
    }

    func send(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form(SendForm.self, context: context)
        let destination: MessageService.Destination
        if let classID = form.classId.flatMap({ Int($0) }) {
            destination = .schoolClass(classID, MessageAudience(rawValue: form.audience ?? "") ?? .person)
        } else if let to = form.to.flatMap({ Int($0) }) {
            destination = .person(to)
        } else {
            throw AppError.invalid("recipient_required", "Выберите, кому написать.")
        }
        let sent = try await service.send(destination, subject: form.subject ?? "", body: form.body ?? "", context: context, path: request.uri.path)
        return Response(status: .seeOther, headers: [.location: "/messages/\(sent.id)"])
    }

    // MARK: One message

    struct MessagePage: PageContext {
        let title: String
        let chrome: Chrome?
        let subject: String
        let sender: String
        let addressee: String
        let at: String
        let paragraphs: [String]
        let recipients: [Recipient]
        let hasRecipients: Bool
        let replyHref: String?

        struct Recipient: Sendable {
            let name: String
            let status: String
            let read: Bool
        }
    }

    func show(_ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.require("messageId", as: Int.self)
        let (message, recipients) = try await service.open(id, context: context, path: "/messages/\(id)")
        let mine = message.senderID == actor.personID
        let reply = message.subject.hasPrefix("Re: ") ? message.subject : "Re: " + message.subject
        let page = MessagePage(
            title: Self.subject(message),
            chrome: Chrome(context),
            subject: Self.subject(message),
            sender: message.senderName,
            addressee: message.audience == .person
                ? (mine ? "кому: " + recipients.map(\.fullName).joined(separator: ", ") : "лично вам") : Self.addressee(message),
            at: RussianTime.moment(message.sentAt),
            paragraphs: message.body.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
            recipients: recipients.map { recipient in
                MessagePage.Recipient(
                    name: recipient.fullName,
                    status: recipient.readAt.map { "прочитал(а) \(RussianTime.moment($0))" } ?? "не прочитано",
                    read: recipient.readAt != nil
                )
            },
            hasRecipients: mine && !recipients.isEmpty,
            replyHref: mine
                ? nil
                : "/messages/new?to=\(message.senderID)&subject=\(reply.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? "")"
        )
        return pages.page("message", page)
    }
}
