import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// «Ознакомлен» for the page's button and `POST /api/v1/students/{id}/diary/acknowledgements` alike: the policy's
/// `.acknowledgeDiary` (a parent of the pupil, his consent on record), the week's rule, then the record.
struct DiaryAcknowledger: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// The week acknowledged and the time kept (the first confirmation's).
    func acknowledge(student: Int, week text: String, context: AppRequestContext, path: String) async throws -> (week: SchoolWeek, at: String) {
        let actor = try context.requireActor()
        let facts = try await DiaryReader(database: database, access: access, clock: clock).require(student: student, context: context, path: path)
        try await access.require(.acknowledgeDiary, on: .student(facts), context: context, path: path)
        guard let week = SchoolWeek(iso: text) else {
            throw AppError.badRequest("bad_week", "Неделя задаётся датой любого её дня в виде ГГГГ-ММ-ДД, например 2026-10-05.")
        }
        if let refusal = WeekAcknowledgement.refusal(week: week, today: SchoolCalendar.today(clock())) {
            throw AppError.invalid(refusal.code, refusal.russianMessage)
        }
        let now = Timestamp.string(clock())
        let at = try await database.write { sql in
            try await DiaryAcknowledgements.record(school: actor.schoolID, student: student, guardian: actor.personID, week: week, at: now, in: sql)
        }
        return (week, at)
    }
}
