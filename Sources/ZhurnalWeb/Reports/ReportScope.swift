import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Whose figures a report may show, decided by ``AccessPolicy`` for the pages and the API alike (issue 7, item 7): the
/// administration reads its whole school, a homeroom teacher his own class, an observer the aggregated figures of the
/// schools he was given — never a pupil's name.
enum ReportScope: Sendable, Hashable {
    /// The actor's whole school, pupils' names included.
    case school(id: Int)
    /// One class, pupils' names included.
    case schoolClass(schoolID: Int, classID: Int)
    /// Aggregated figures of a school: no lists of pupils.
    case aggregates(schoolID: Int)

    var schoolID: Int {
        switch self {
        case .school(let id), .schoolClass(let id, _), .aggregates(let id): id
        }
    }

    var classID: Int? {
        if case .schoolClass(_, let classID) = self { classID } else { nil }
    }

    /// Whether pupils may be named.
    var namesPupils: Bool {
        if case .aggregates = self { false } else { true }
    }

    /// The scope of `request`'s `classId` and `schoolId`, or, with neither, the widest the actor has: his school, the
    /// class he leads, the figures he observes. Refusals are logged like every other.
    static func of(_ request: Request, context: AppRequestContext, access: Access, clock: @Sendable () -> Date) async throws -> ReportScope {
        let actor = try context.requireActor()
        let path = request.uri.path
        let classID = try request.integerQuery("classId")
        let wholeSchool = AccessPolicy.decide(actor, .read, .school(id: actor.schoolID)).isAllowed
        // An observer of other schools only (a municipality's account) starts on the first school he was given.
        let observesOnlyOthers = !wholeSchool && actor.holds(.observer) && !actor.observedSchools.contains(actor.schoolID)
        let schoolID = try request.integerQuery("schoolId") ?? (observesOnlyOthers ? actor.observedSchools.min() : nil) ?? actor.schoolID
        if schoolID != actor.schoolID || (!wholeSchool && actor.holds(.observer) && classID == nil) {
            guard classID == nil else {
                throw AppError.invalid("class_in_other_school", "Отчёт по классу другой школы недоступен: выберите всю школу.")
            }
            try await access.require(.readAggregates, on: .school(id: schoolID), context: context, path: path)
            return .aggregates(schoolID: schoolID)
        }
        if let classID {
            guard let facts = try await access.database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) })
            else { try await access.missing("class", context: context, path: path) }
            try await access.require(.read, on: .schoolClass(facts), context: context, path: path)
            return .schoolClass(schoolID: actor.schoolID, classID: classID)
        }
        if wholeSchool { return .school(id: actor.schoolID) }
        let today = SchoolCalendar.today(clock())
        let led = try await access.database.read { sql -> Int? in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { return nil }
            return try await SchoolClasses.of(school: actor.schoolID, year: calendar.yearID, today: today, in: sql)
                .first { $0.homeroomID == actor.personID }?.id
        }
        if let led, actor.holds(.homeroom) { return .schoolClass(schoolID: actor.schoolID, classID: led) }
        try await access.refuse(.read, context: context, path: path)
    }
}

extension Request {
    /// A whole-number query parameter; nil when absent, refused when it is not a number.
    func integerQuery(_ name: String) throws -> Int? {
        guard let text = uri.queryParameters[Substring(name)], !text.isEmpty else { return nil }
        guard let value = Int(String(text)), value > 0 else {
            throw AppError.invalid("bad_parameter", "Параметр \(name) — целое положительное число.")
        }
        return value
    }
}
