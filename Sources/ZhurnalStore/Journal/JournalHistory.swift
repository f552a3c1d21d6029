import Foundation
import SQLKit
import ZhurnalCore

/// Who changed the journal, as the history keeps it (SECURITY.md, Audit: who, role, when, client address).
public struct JournalAuthor: Sendable, Hashable {
    public let accountID: Int
    public let personID: Int
    /// The role he acted under: the teacher of the course, or the deputy or administrator correcting.
    public let role: Role
    public let clientAddress: String?

    public init(accountID: Int, personID: Int, role: Role, clientAddress: String?) {
        self.accountID = accountID
        self.personID = personID
        self.role = role
        self.clientAddress = clientAddress
    }
}

/// One line of a cell's history.
public struct HistoryEntry: Sendable, Equatable, Codable {
    public let at: String
    public let action: String
    public let actorAccountId: Int?
    public let actorRole: String?
    public let oldValue: String?
    public let newValue: String?
    public let reason: String?
}

/// The append-only history of the journal: written in the same transaction as the change it records.
public enum JournalHistory {
    public enum Entity: String, Sendable {
        case mark, attendance, topic, homework
        case termMark = "term_mark"
    }

    public enum Action: String, Sendable {
        case create, update, delete
    }

    /// Adds one line. `lesson` and `student` say whose cell it is (nil for what is not a pupil's, or not a lesson's):
    /// a cell's history is read by them, also after the mark was deleted.
    public static func record(
        school: Int,
        lesson: Int?,
        student: Int?,
        _ entity: Entity,
        id: String,
        _ action: Action,
        by author: JournalAuthor,
        old: String?,
        new: String?,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO history (school_id, lesson_id, student_id, entity, entity_id, action, actor_account_id, actor_role, at,
                                 old_value, new_value, reason, client_address)
            VALUES (\(bind: school), \(bind: lesson), \(bind: student), \(bind: entity.rawValue), \(bind: id), \(bind: action.rawValue), \(bind: author.accountID),
                    \(bind: author.role.rawValue), \(bind: Timestamp.string(now)), \(bind: old), \(bind: new),
                    \(bind: reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }), \(bind: author.clientAddress))
            """
        ).run()
    }

    /// The lesson of an entity's history, also after the entity was deleted.
    public static func lesson(school: Int, _ entity: Entity, id: String, in sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw(
            """
            SELECT lesson_id FROM history
            WHERE school_id = \(bind: school) AND entity = \(bind: entity.rawValue) AND entity_id = \(bind: id) AND lesson_id IS NOT NULL
            ORDER BY id LIMIT 1
            """
        ).first()?.decode(column: "lesson_id", as: Int.self)
    }

    /// A cell's history, oldest first.
    public static func of(school: Int, _ entity: Entity, id: String, in sql: any SQLDatabase) async throws -> [HistoryEntry] {
        try await sql.raw(
            """
            SELECT at, action, actor_account_id, actor_role, old_value, new_value, reason FROM history
            WHERE school_id = \(bind: school) AND entity = \(bind: entity.rawValue) AND entity_id = \(bind: id)
            ORDER BY id
            """
        ).all().map { row in
            HistoryEntry(
                at: try row.decode(column: "at", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                actorAccountId: try row.decode(column: "actor_account_id", as: Int?.self),
                actorRole: try row.decode(column: "actor_role", as: String?.self),
                oldValue: try row.decode(column: "old_value", as: String?.self),
                newValue: try row.decode(column: "new_value", as: String?.self),
                reason: try row.decode(column: "reason", as: String?.self)
            )
        }
    }
}
