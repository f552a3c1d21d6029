import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Announcements for the pages and the API alike: the policy's `.announce` on the school or the class, the rules of
/// ``Correspondence``, and an expired one answered as gone.
struct AnnouncementBoard: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func publish(
        audience: String,
        classID: Int?,
        title: String,
        body: String,
        expiresOn: String,
        context: AppRequestContext,
        path: String
    ) async throws -> Int {
        let actor = try context.requireActor()
        guard let audience = AnnouncementAudience(rawValue: audience) else {
            throw AppError.invalid("bad_audience", "Выберите, для кого объявление: для всей школы, для класса или для родителей класса.")
        }
        let today = SchoolCalendar.today(clock())
        let checked: (title: String, body: String, expiresOn: LocalDate)
        do {
            checked = try Correspondence.announcement(title: title, body: body, expiresOn: expiresOn, today: today)
        } catch { throw AppError.invalid(error) }
        if audience == .school {
            try await access.require(.announce, on: .school(id: actor.schoolID), context: context, path: path)
        } else {
            guard let classID else { throw AppError.invalid("class_required", "Выберите класс, для которого объявление.") }
            guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
            else { try await access.missing("class", context: context, path: path) }
            try await access.require(.announce, on: .schoolClass(facts), context: context, path: path)
        }
        let now = Timestamp.string(clock())
        return try await database.write { sql in
            try await Announcements.publish(
                school: actor.schoolID,
                author: actor.personID,
                audience: audience,
                classID: classID,
                title: checked.title,
                body: checked.body,
                expiresOn: checked.expiresOn,
                at: now,
                in: sql
            )
        }
    }

    /// What the actor reads today.
    func current(context: AppRequestContext) async throws -> [Announcement] {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            try await Announcements.current(
                school: actor.schoolID,
                person: actor.personID,
                administration: AccessPolicy.decide(actor, .read, .school(id: actor.schoolID)).isAllowed,
                today: today,
                in: sql
            )
        }
    }

    /// One announcement the actor reads; an expired one is gone, with the day it was taken down.
    func one(_ id: Int, context: AppRequestContext, path: String) async throws -> Announcement {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        guard
            let found = try await database.read({ sql in
                try await Announcements.one(
                    school: actor.schoolID,
                    id: id,
                    person: actor.personID,
                    administration: AccessPolicy.decide(actor, .read, .school(id: actor.schoolID)).isAllowed,
                    today: today,
                    in: sql
                )
            })
        else { try await access.missing("announcement", context: context, path: path) }
        if found.expiresOn < today {
            throw AppError(
                status: .gone,
                code: "announcement_expired",
                message: "Объявление «\(found.title)» снято: срок его показа закончился \(found.expiresOn.russian)."
            )
        }
        return found
    }

    /// The classes the actor may announce to: all of this year's for the administration, his own for a homeroom
    /// teacher.
    func classes(context: AppRequestContext) async throws -> [(id: Int, name: String)] {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        let wholeSchool = AccessPolicy.decide(actor, .announce, .school(id: actor.schoolID)).isAllowed
        return try await database.read { sql in
            if wholeSchool {
                return try await PeopleDirectory.classes(school: actor.schoolID, today: today, in: sql).map { ($0.id, $0.name) }
            }
            return try await DiaryAcknowledgements.homeroomClasses(school: actor.schoolID, teacher: actor.personID, today: today, in: sql)
        }
    }
}
