import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Announcements, messages and the notification feed for programs, under the same policy and rules as the pages.
struct CorrespondenceAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var board: AnnouncementBoard { AnnouncementBoard(database: database, access: access, clock: clock) }
    private var messages: MessageService { MessageService(database: database, access: access, clock: clock) }
    private var notifications: NotificationReader { NotificationReader(database: database, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/announcements") { _, context in try await announcements(context) }
        router.post("/api/v1/announcements") { request, context in try await publish(request, context) }
        router.get("/api/v1/announcements/:announcementId") { request, context in try await announcement(request, context) }
        router.get("/api/v1/messages") { _, context in try await mailbox(context) }
        router.post("/api/v1/messages") { request, context in try await send(request, context) }
        router.get("/api/v1/messages/:messageId") { request, context in try await message(request, context) }
        router.get("/api/v1/notifications") { _, context in try await feed(context) }
        router.put("/api/v1/notifications/settings") { request, context in try await settings(request, context) }
    }

    // MARK: Announcements

    struct AnnouncementJSON: ResponseEncodable {
        let id: Int
        let audience: String
        @Nullable var classId: Int?
        @Nullable var className: String?
        let title: String
        let body: String
        let author: String
        let publishedAt: String
        let expiresOn: String

        init(_ announcement: Announcement) {
            id = announcement.id
            audience = announcement.audience.rawValue
            classId = announcement.classID
            className = announcement.className
            title = announcement.title
            body = announcement.body
            author = announcement.authorName
            publishedAt = announcement.publishedAt
            expiresOn = announcement.expiresOn.iso
        }
    }

    struct AnnouncementList: ResponseEncodable {
        let announcements: [AnnouncementJSON]
    }

    func announcements(_ context: AppRequestContext) async throws -> AnnouncementList {
        AnnouncementList(announcements: try await board.current(context: context).map(AnnouncementJSON.init))
    }

    func announcement(_ request: Request, _ context: AppRequestContext) async throws -> AnnouncementJSON {
        let id = try context.parameters.require("announcementId", as: Int.self)
        return AnnouncementJSON(try await board.one(id, context: context, path: request.uri.path))
    }

    struct NewAnnouncement: Decodable {
        let audience: String
        let classId: Int?
        let title: String
        let body: String
        let expiresOn: String
    }

    func publish(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let body = try await request.jsonBody(NewAnnouncement.self, context: context)
        let id = try await board.publish(
            audience: body.audience,
            classID: body.classId,
            title: body.title,
            body: body.body,
            expiresOn: body.expiresOn,
            context: context,
            path: request.uri.path
        )
        return try CreatedResponse.response(id)
    }

    // MARK: Messages

    struct MessageJSON: ResponseEncodable {
        let id: Int
        let audience: String
        let sender: String
        let senderId: Int
        @Nullable var className: String?
        let subject: String
        let body: String
        let sentAt: String
        @Nullable var readAt: String?
        let recipientCount: Int
        let readCount: Int
        var recipients: [Recipient]? = nil

        struct Recipient: Encodable {
            let id: Int
            let fullName: String
            @Nullable var readAt: String?
        }

        init(_ message: Message, recipients: [MessageRecipient]? = nil) {
            id = message.id
            audience = message.audience.rawValue
            sender = message.senderName
            senderId = message.senderID
            className = message.className
            subject = message.subject
            body = message.body
            sentAt = message.sentAt
            readAt = message.readAt
            recipientCount = message.recipients
            readCount = message.readers
            self.recipients = recipients?.map { Recipient(id: $0.id, fullName: $0.fullName, readAt: $0.readAt) }
        }
    }

    struct Mailbox: ResponseEncodable {
        let received: [MessageJSON]
        let sent: [MessageJSON]
    }

    func mailbox(_ context: AppRequestContext) async throws -> Mailbox {
        let (received, sent) = try await messages.inbox(context: context)
        return Mailbox(received: received.map { MessageJSON($0) }, sent: sent.map { MessageJSON($0) })
    }

    struct NewMessage: Decodable {
        let to: Int?
        let classId: Int?
        let audience: String?
        let subject: String?
        let body: String
    }

    func send(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let body = try await request.jsonBody(NewMessage.self, context: context)
        let destination: MessageService.Destination
        if let classID = body.classId {
            destination = .schoolClass(classID, MessageAudience(rawValue: body.audience ?? "") ?? .person)
        } else if let to = body.to {
            destination = .person(to)
        } else {
            throw AppError.invalid("recipient_required", "Укажите получателя: to (человек) или classId с audience (class_pupils, class_parents).")
        }
        let sent = try await messages.send(destination, subject: body.subject ?? "", body: body.body, context: context, path: request.uri.path)
        return try CreatedResponse.response(sent.id, recipients: sent.recipients)
    }

    func message(_ request: Request, _ context: AppRequestContext) async throws -> MessageJSON {
        let actor = try context.requireActor()
        let id = try context.parameters.require("messageId", as: Int.self)
        let (message, recipients) = try await messages.open(id, context: context, path: request.uri.path)
        return MessageJSON(message, recipients: message.senderID == actor.personID ? recipients : nil)
    }

    // MARK: Notifications

    struct Feed: ResponseEncodable {
        let notifications: [Item]
        @Nullable var previousVisit: String?
        let settings: Settings

        struct Item: Encodable {
            let kind: String
            let at: String
            @Nullable var pupil: String?
            let title: String
            let detail: String
            let href: String
            let new: Bool
        }
    }

    struct Settings: ResponseEncodable {
        let muted: [String]
        @Nullable var email: String?
    }

    struct SettingsRequest: Decodable {
        let muted: [String]
        let email: String?
    }

    func feed(_ context: AppRequestContext) async throws -> Feed {
        let feed = try await notifications.feed(context: context, visit: false)
        return Feed(
            notifications: feed.notifications.map { item in
                Feed.Item(
                    kind: item.kind.rawValue,
                    at: item.at,
                    pupil: item.pupil,
                    title: item.title,
                    detail: item.detail,
                    href: NotificationReader.href(item.target),
                    new: feed.previousVisit.map { item.at > $0 } ?? true
                )
            },
            previousVisit: feed.previousVisit,
            settings: Settings(muted: feed.settings.muted.map(\.rawValue).sorted(), email: feed.settings.digestEmail)
        )
    }

    func settings(_ request: Request, _ context: AppRequestContext) async throws -> Settings {
        _ = try context.requireActor()
        let body = try await request.jsonBody(SettingsRequest.self, context: context)
        var muted = Set<NotificationKind>()
        for name in body.muted {
            guard let kind = NotificationKind(rawValue: name) else {
                throw AppError.invalid(
                    "bad_kind",
                    "Неизвестный вид уведомлений «\(name)»: возможны \(NotificationKind.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            muted.insert(kind)
        }
        try await notifications.save(muted: muted, email: body.email ?? "", context: context)
        return Settings(muted: muted.map(\.rawValue).sorted(), email: body.email.flatMap { $0.isEmpty ? nil : $0 })
    }
}
