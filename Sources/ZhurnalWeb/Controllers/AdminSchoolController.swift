import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The school's own rules (`/admin/school`): the journal's settings, the subjects, the work types with their weights
/// and the bells, each with its form; a refused form comes back with the reason.
struct AdminSchoolController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access

    private var setup: RulebookSetup { RulebookSetup(database: database, access: access) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/school") { request, context in try await page(request, context) }
        router.post("/admin/school/settings") { request, context in
            try await change(request, context) { form in
                try await setup.save(Self.settings(form), context: context, path: request.uri.path)
            }
        }
        router.post("/admin/school/subjects") { request, context in
            try await change(request, context) { form in
                _ = try await setup.addSubject(
                    name: form["name"] ?? "",
                    shortName: form["shortName"] ?? "",
                    allowsDoubleMarks: form["allowsDoubleMarks"] != nil,
                    context: context,
                    path: request.uri.path
                )
            }
        }
        router.post("/admin/school/subjects/:subjectId") { request, context in
            let id = try context.parameters.require("subjectId", as: Int.self)
            return try await change(request, context) { form in
                try await setup.changeSubject(
                    id: id,
                    name: form["name"] ?? "",
                    shortName: form["shortName"] ?? "",
                    allowsDoubleMarks: form["allowsDoubleMarks"] != nil,
                    context: context,
                    path: request.uri.path
                )
            }
        }
        router.post("/admin/school/work-types") { request, context in
            try await change(request, context) { form in
                _ = try await setup.addWorkType(
                    name: form["name"] ?? "",
                    weight: form["weight"].flatMap { Int($0) },
                    isWritten: form["isWritten"] != nil,
                    deadlineDays: form["markDeadlineDays"].flatMap { Int($0) },
                    context: context,
                    path: request.uri.path
                )
            }
        }
        router.post("/admin/school/bells") { request, context in
            try await change(request, context) { form in
                try await setup.setBell(
                    number: form["number"].flatMap { Int($0) },
                    startsAt: form["startsAt"] ?? "",
                    endsAt: form["endsAt"] ?? "",
                    context: context,
                    path: request.uri.path
                )
            }
        }
    }

    static func settings(_ form: [String: String]) -> RulebookSetup.SettingsForm {
        RulebookSetup.SettingsForm(
            profile: form["profile"] ?? "",
            thresholds: form["thresholds"] ?? "",
            editWindow: form["editWindowDays"] ?? "",
            allowsMarkOne: form["allowsMarkOne"] != nil,
            doubleMarkCounting: form["doubleMarkCounting"] ?? "",
            twoForbidsFive: form["twoForbidsFive"] != nil,
            notAttestedRule: form["notAttestedRule"] != nil,
            homeworkDeadlineMinutes: form["homeworkDeadlineMinutes"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        )
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let saved: Bool
        let profiles: [Choice]
        let thresholds: String
        let editWindowDays: String
        let allowsMarkOne: Bool
        let countings: [Choice]
        let twoForbidsFive: Bool
        let notAttestedRule: Bool
        let homeworkDeadlineMinutes: Int
        let subjects: [SchoolRulebook.Subject]
        let workTypes: [SchoolRulebook.WorkTypeRow]
        let bells: [SchoolRulebook.Bell]

        typealias Choice = PageChoice
    }

    func page(_ request: Request, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let path = "/admin/school"
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let book = try await setup.book(context: context, path: path)
        let settings = book.settings
        let custom: RoundingThresholds? =
            if case .custom(let thresholds) = settings.rounding { thresholds } else { nil }
        let profiles =
            RoundingProfile.builtIn.map { Page.Choice(value: $0.storageValue, label: $0.russianTitle, selected: $0 == settings.rounding) }
            + [Page.Choice(value: "custom", label: "Свои пороги", selected: custom != nil)]
        let page = Page(
            title: "Правила школы",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            saved: request.uri.queryParameters["saved"] != nil,
            profiles: profiles,
            thresholds: custom?.russianText.replacingOccurrences(of: " ", with: "") ?? "",
            editWindowDays: settings.editWindowDays.map(String.init) ?? "",
            allowsMarkOne: settings.allowsMarkOne,
            countings: [
                Page.Choice(value: "mean", label: "как одна отметка — среднее («3/5» = 4)", selected: settings.doubleMarkCounting == .mean),
                Page.Choice(value: "two_marks", label: "как две отметки", selected: settings.doubleMarkCounting == .twoMarks),
            ],
            twoForbidsFive: settings.twoForbidsFive,
            notAttestedRule: settings.notAttestedRule,
            homeworkDeadlineMinutes: settings.homeworkDeadlineMinutes,
            subjects: book.subjects,
            workTypes: book.workTypes,
            bells: book.bells
        )
        return pages.page("admin-school", page, status: status)
    }

    private func change(
        _ request: Request,
        _ context: AppRequestContext,
        _ body: ([String: String]) async throws -> Void
    ) async throws -> Response {
        let form = try await request.form([String: String].self, context: context)
        do {
            try await body(form)
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/school?saved=1"])
    }
}
