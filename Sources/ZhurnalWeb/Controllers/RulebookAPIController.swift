import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The school's rules for programs: `GET /api/v1/school/rules` (settings, subjects, work types, bells),
/// `PUT /api/v1/school/settings`, `POST /api/v1/subjects`, `POST /api/v1/work-types`, `PUT /api/v1/bells/{number}`.
struct RulebookAPIController: Sendable {
    let database: Database
    let access: Access

    private var setup: RulebookSetup { RulebookSetup(database: database, access: access) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/school/rules") { request, context in RulesJSON(try await setup.book(context: context, path: request.uri.path)) }
        router.put("/api/v1/school/settings") { request, context in
            _ = try context.requireActor()
            let body = try await request.jsonBody(SettingsBody.self, context: context)
            // The stored spelling «custom:4.5/3.5/2.5», as GET gives it, is accepted back.
            let custom = body.roundingProfile.hasPrefix("custom:")
            try await setup.save(
                RulebookSetup.SettingsForm(
                    profile: custom ? "custom" : body.roundingProfile,
                    thresholds: custom ? String(body.roundingProfile.dropFirst("custom:".count)) : body.thresholds ?? "",
                    editWindow: body.editWindowDays.map(String.init) ?? "",
                    allowsMarkOne: body.allowsMarkOne,
                    doubleMarkCounting: body.doubleMarkCounting,
                    twoForbidsFive: body.twoForbidsFive,
                    notAttestedRule: body.notAttestedRule,
                    homeworkDeadlineMinutes: body.homeworkDeadlineMinutes
                ),
                context: context,
                path: request.uri.path
            )
            return RulesJSON(try await setup.book(context: context, path: request.uri.path))
        }
        router.post("/api/v1/subjects") { request, context in
            _ = try context.requireActor()
            let body = try await request.jsonBody(SubjectBody.self, context: context)
            let id = try await setup.addSubject(
                name: body.name,
                shortName: body.shortName ?? "",
                allowsDoubleMarks: body.allowsDoubleMarks ?? false,
                context: context,
                path: request.uri.path
            )
            return try CreatedResponse.response(id)
        }
        router.put("/api/v1/subjects/:subjectId") { request, context in
            let id = try context.parameters.require("subjectId", as: Int.self)
            let body = try await request.jsonBody(SubjectBody.self, context: context)
            try await setup.changeSubject(
                id: id,
                name: body.name,
                shortName: body.shortName ?? "",
                allowsDoubleMarks: body.allowsDoubleMarks ?? false,
                context: context,
                path: request.uri.path
            )
            return Response(status: .noContent)
        }
        router.post("/api/v1/work-types") { request, context in
            _ = try context.requireActor()
            let body = try await request.jsonBody(WorkTypeBody.self, context: context)
            let id = try await setup.addWorkType(
                name: body.name,
                weight: body.weight,
                isWritten: body.isWritten ?? false,
                deadlineDays: body.markDeadlineDays ?? 7,
                context: context,
                path: request.uri.path
            )
            return try CreatedResponse.response(id)
        }
        router.put("/api/v1/bells/:number") { request, context in
            _ = try context.requireActor()
            let body = try await request.jsonBody(BellBody.self, context: context)
            try await setup.setBell(
                number: context.parameters.get("number").flatMap { Int($0) },
                startsAt: body.startsAt,
                endsAt: body.endsAt,
                context: context,
                path: request.uri.path
            )
            return RulesJSON(try await setup.book(context: context, path: request.uri.path))
        }
    }

    struct SettingsBody: Decodable {
        let roundingProfile: String
        let thresholds: String?
        let editWindowDays: Int?
        let allowsMarkOne: Bool
        let doubleMarkCounting: String
        let twoForbidsFive: Bool
        let notAttestedRule: Bool
        let homeworkDeadlineMinutes: Int
    }

    struct SubjectBody: Decodable {
        let name: String
        let shortName: String?
        let allowsDoubleMarks: Bool?
    }

    struct WorkTypeBody: Decodable {
        let name: String
        let weight: Int
        let isWritten: Bool?
        let markDeadlineDays: Int?
    }

    struct BellBody: Decodable {
        let startsAt: String
        let endsAt: String
    }

    struct RulesJSON: ResponseEncodable {
        let settings: Settings
        let subjects: [Subject]
        let workTypes: [WorkType]
        let bells: [Bell]

        struct Settings: Encodable {
            let roundingProfile: String
            let roundingTitle: String
            @Nullable var editWindowDays: Int?
            let allowsMarkOne: Bool
            let doubleMarkCounting: String
            let twoForbidsFive: Bool
            let notAttestedRule: Bool
            let homeworkDeadlineMinutes: Int
        }

        struct Subject: Encodable {
            let id: Int
            let name: String
            let shortName: String
            let allowsDoubleMarks: Bool
        }

        struct WorkType: Encodable {
            let id: Int
            let name: String
            let weight: Int
            let isWritten: Bool
            let markDeadlineDays: Int
        }

        struct Bell: Encodable {
            let number: Int
            let startsAt: String
            let endsAt: String
        }

        init(_ book: SchoolRulebook.Book) {
            let settings = book.settings
            self.settings = Settings(
                roundingProfile: settings.rounding.storageValue,
                roundingTitle: settings.rounding.russianTitle,
                editWindowDays: settings.editWindowDays,
                allowsMarkOne: settings.allowsMarkOne,
                doubleMarkCounting: settings.doubleMarkCounting.rawValue,
                twoForbidsFive: settings.twoForbidsFive,
                notAttestedRule: settings.notAttestedRule,
                homeworkDeadlineMinutes: settings.homeworkDeadlineMinutes
            )
            subjects = book.subjects.map { Subject(id: $0.id, name: $0.name, shortName: $0.shortName, allowsDoubleMarks: $0.allowsDoubleMarks) }
            workTypes = book.workTypes.map {
                WorkType(id: $0.id, name: $0.name, weight: $0.weight, isWritten: $0.isWritten, markDeadlineDays: $0.markDeadlineDays)
            }
            bells = book.bells.map { Bell(number: $0.number, startsAt: $0.startsAt, endsAt: $0.endsAt) }
        }
    }
}
