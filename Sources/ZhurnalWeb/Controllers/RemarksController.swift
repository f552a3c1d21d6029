import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// «Замечания» (`/remarks`) and `GET /api/v1/remarks`: the journal-keeping remarks of the weekly check, a teacher's own
/// or, for the administration, everyone's (`teacher=` / `teacherId=` narrows). The ones put right since the last
/// nightly pass show as put right at once; the pass records their closing (a GET changes nothing).
struct RemarksController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    struct View: Sendable {
        let remarks: [Remarks.Remark]
        /// The open remarks put right since the last nightly pass: shown as put right, recorded at night.
        let fixed: Set<Int>
        /// The teacher asked for; nil for the whole school.
        let teacherID: Int?
        let wholeSchool: Bool
    }

    func view(_ request: Request, teacherParameter: String, withClosed: Bool, context: AppRequestContext) async throws -> View {
        let actor = try context.requireActor()
        let path = request.uri.path
        let asked = try request.integerQuery(teacherParameter)
        let wholeSchool = AccessPolicy.decide(actor, .read, .school(id: actor.schoolID)).isAllowed
        let teacherID = asked ?? (wholeSchool ? nil : actor.personID)
        if let teacherID {
            if asked != nil, try await database.read({ try await AccessFacts.accountOf(school: actor.schoolID, person: teacherID, in: $0) }) == nil {
                try await access.missing("teacher", context: context, path: path)
            }
            try await access.require(.read, on: .teacherRemarks(schoolID: actor.schoolID, teacherID: teacherID), context: context, path: path)
        }
        let fixed = try await RemarkRun(database: database, clock: clock).fixedNow(school: actor.schoolID, teacher: teacherID)
        let since = withClosed ? clock().addingTimeInterval(-30 * 86_400) : nil
        let remarks = try await database.read {
            try await Remarks.list(school: actor.schoolID, teacher: teacherID, closedSince: since, in: $0)
        }
        return View(remarks: remarks.filter { withClosed || !fixed.contains($0.id) }, fixed: fixed, teacherID: teacherID, wholeSchool: wholeSchool)
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/remarks") { request, context in
            let withClosed = request.uri.queryParameters["closed"] == "1"
            return page(
                try await view(request, teacherParameter: "teacher", withClosed: withClosed, context: context),
                withClosed: withClosed,
                context: context
            )
        }
        router.get("/api/v1/remarks") { request, context in
            let view = try await view(
                request,
                teacherParameter: "teacherId",
                withClosed: request.uri.queryParameters["includeClosed"] == "true",
                context: context
            )
            return RemarksJSON(remarks: view.remarks.map { RemarksJSON.Remark($0, fixed: view.fixed.contains($0.id)) })
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let summary: String
        let wholeSchool: Bool
        let toggle: String
        let toggleLabel: String
        let remarks: [Line]
        let empty: Bool

        struct Line: Sendable {
            let week: String
            let teacher: String
            let lesson: String
            let href: String?
            let what: String
            let state: String
            let open: Bool
        }
    }

    private func page(_ view: View, withClosed: Bool, context: AppRequestContext) -> Response {
        let open = view.remarks.count { $0.closedAt == nil && !view.fixed.contains($0.id) }
        let teacherQuery = view.teacherID.map { "teacher=\($0)&" } ?? ""
        let page = Page(
            title: "Замечания по ведению журналов",
            chrome: Chrome(context),
            summary: "Открытых замечаний: \(open). Замечания делаются по понедельникам в 00:00 и закрываются сами, когда запись исправлена.",
            wholeSchool: view.wholeSchool,
            toggle: withClosed ? "/remarks" + (view.teacherID.map { "?teacher=\($0)" } ?? "") : "/remarks?\(teacherQuery)closed=1",
            toggleLabel: withClosed ? "Только открытые" : "Показать и закрытые за 30 дней",
            remarks: view.remarks.map { remark in
                Page.Line(
                    week: remark.weekOf.russian,
                    teacher: remark.teacherName,
                    lesson: "\(remark.className), \(remark.subject)"
                        + (remark.lessonDate.map { ", \($0.russian)" } ?? "") + (remark.lessonNumber.map { ", \($0) урок" } ?? ""),
                    href: remark.lessonDate == nil ? nil : "/lessons/\(remark.lessonID)",
                    what: remark.problem.russianTitle,
                    state: remark.closedAt == nil && !view.fixed.contains(remark.id) ? "открыто" : "исправлено",
                    open: remark.closedAt == nil && !view.fixed.contains(remark.id)
                )
            },
            empty: view.remarks.isEmpty
        )
        return pages.page("remarks", page)
    }
}

/// `GET /api/v1/remarks`.
struct RemarksJSON: ResponseEncodable {
    let remarks: [Remark]

    struct Remark: Encodable, Sendable {
        let id: Int
        let teacherId: Int
        let teacherName: String
        let lessonId: Int
        @Nullable var lessonDate: String?
        @Nullable var lessonNumber: Int?
        let className: String
        let subject: String
        let problem: String
        let weekOf: String
        /// `open`; `fixed`: put right, to be closed by the nightly pass; `closed`.
        let state: String
        @Nullable var closedAt: String?

        init(_ remark: Remarks.Remark, fixed: Bool) {
            id = remark.id
            teacherId = remark.teacherID
            teacherName = remark.teacherName
            lessonId = remark.lessonID
            lessonDate = remark.lessonDate?.iso
            lessonNumber = remark.lessonNumber
            className = remark.className
            subject = remark.subject
            problem = remark.problem.rawValue
            weekOf = remark.weekOf.iso
            state = remark.closedAt != nil ? "closed" : fixed ? "fixed" : "open"
            closedAt = remark.closedAt
        }
    }
}
