import Foundation
import SQLKit
import ZhurnalCore

/// Parents' accounts linked by the installation's operator to their children in other schools. A school's
/// administrator has no say over another school's accounts, so, as with observers, the operator links them.
public enum FamilyLinks {
    /// Links the parent account `login` to pupil `student` of `school`; returns the child's name. Refused with a
    /// reason for an unknown login, an account that is no parent's, an unknown pupil, or a child of the account's own
    /// school (there the school records the guardianship itself).
    @discardableResult
    public static func link(login: String, school: Int, student: Int, at now: Date, in sql: any SQLDatabase) async throws -> String {
        let parent = try await parentAccount(login: login, in: sql)
        guard parent.schoolID != school else {
            throw StoreError.rejected("Ребёнок учится в той же школе, что и родитель: его законного представителя указывает администратор школы.")
        }
        guard
            let row = try await sql.raw(
                """
                SELECT p.last_name, p.first_name, p.patronymic FROM people p
                WHERE p.school_id = \(bind: school) AND p.id = \(bind: student)
                  AND EXISTS (SELECT 1 FROM enrolments e WHERE e.school_id = p.school_id AND e.student_id = p.id)
                """
            ).first()
        else { throw StoreError.rejected("В школе \(school) нет ученика с номером \(student).") }
        try await sql.raw(
            """
            INSERT INTO family_links (school_id, student_id, guardian_school_id, guardian_account_id, linked_at)
            VALUES (\(bind: school), \(bind: student), \(bind: parent.schoolID), \(bind: parent.accountID), \(bind: Timestamp.string(now)))
            ON CONFLICT (school_id, student_id, guardian_school_id, guardian_account_id) DO NOTHING
            """
        ).run()
        return try PersonName.full(row)
    }

    /// Removes the link; true when there was one.
    @discardableResult
    public static func unlink(login: String, school: Int, student: Int, in sql: any SQLDatabase) async throws -> Bool {
        let parent = try await parentAccount(login: login, in: sql)
        return try await !sql.raw(
            """
            DELETE FROM family_links
            WHERE school_id = \(bind: school) AND student_id = \(bind: student)
              AND guardian_school_id = \(bind: parent.schoolID) AND guardian_account_id = \(bind: parent.accountID)
            RETURNING student_id
            """
        ).all().isEmpty
    }

    /// The school of `student`, a child linked to `account` in another school; nil when there is no such link.
    public static func schoolOfLinkedChild(_ student: Int, account: AccountRef, in sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw(
            """
            SELECT school_id FROM family_links
            WHERE guardian_school_id = \(bind: account.schoolID) AND guardian_account_id = \(bind: account.accountID)
              AND student_id = \(bind: student)
            """
        ).first()?.decode(column: "school_id", as: Int.self)
    }

    private static func parentAccount(login: String, in sql: any SQLDatabase) async throws -> AccountRef {
        guard
            let row = try await sql.raw(
                """
                SELECT a.school_id, a.id FROM accounts a
                JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id AND r.role = 'parent'
                WHERE a.login = \(bind: login.lowercased())
                """
            ).first()
        else { throw StoreError.rejected("Нет учётной записи родителя с логином «\(login)».") }
        return AccountRef(schoolID: try row.decode(column: "school_id", as: Int.self), accountID: try row.decode(column: "id", as: Int.self))
    }
}
