import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The final-marks sheet as data: `GET /api/v1/courses/{courseId}/year-marks` (the periods, each pupil's period marks
/// beside their proposals, the year mark beside its proposal, the exam mark, the final mark beside its proposal) and
/// `PUT /api/v1/courses/{courseId}/year-marks/{studentId}` for a year, exam or final mark. Period marks keep their
/// own route, `PUT …/term-marks/{studentId}`.
struct YearMarksAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/courses/:courseId/year-marks") { request, context in try await sheet(request, context) }
        router.put("/api/v1/courses/:courseId/year-marks/:studentId") { request, context in try await set(request, context) }
    }

    // MARK: Reading

    struct Sheet: ResponseEncodable {
        struct Year: Encodable {
            let id: Int
            let name: String
            let start: String
            let end: String
            let archived: Bool
        }

        /// Which kinds no one may change now, and why (`null`: open).
        struct Locks: Encodable {
            @Nullable var year: String?
            @Nullable var exam: String?
            @Nullable var final: String?
        }

        struct Mark: Encodable, Sendable {
            let id: Int
            let value: String
            let version: Int

            init?(_ record: TermMarkRecord?) {
                guard let record else { return nil }
                (id, value, version) = (record.id, record.value, record.version)
            }
        }

        struct PeriodMark: Encodable {
            let periodId: Int
            let member: Bool
            @Nullable var weightedAverage: String?
            let markCount: Int
            @Nullable var proposedMark: Int?
            @Nullable var proposal: String?
            @Nullable var warning: TermMarkAPIController.Warning?
            @Nullable var mark: Mark?
        }

        /// A year or final mark with what is proposed beside it; the exam has no proposal.
        struct Proposed: Encodable {
            @Nullable var proposedMark: String?
            @Nullable var proposal: String?
            @Nullable var mark: Mark?
        }

        struct Student: Encodable {
            let id: Int
            let fullName: String
            @Nullable var leftOn: String?
            let periods: [PeriodMark]
            let year: Proposed
            let exam: Proposed
            let final: Proposed
        }

        let course: CourseListing
        let year: Year
        let periods: [CourseJournalAPIController.Journal.Period]
        let examShown: Bool
        let locks: Locks
        let students: [Student]
    }

    func sheet(_ request: Request, _ context: AppRequestContext) async throws -> Sheet {
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let (course, _, year) = try await CourseYearReader(database: database, access: access).load(
            course: courseID,
            context: context,
            path: request.uri.path
        )
        let sheet = year.sheet
        return Sheet(
            course: course,
            year: .init(
                id: sheet.yearID,
                name: sheet.yearTitle,
                start: sheet.yearSpan.start.iso,
                end: sheet.yearSpan.end.iso,
                archived: sheet.yearArchived
            ),
            periods: sheet.periods.map { .init(id: $0.id, name: $0.title, start: $0.span.start.iso, end: $0.span.end.iso, closed: $0.closed) },
            examShown: year.showsExam,
            locks: .init(year: year.lock(.year)?.code, exam: year.lock(.exam)?.code, final: year.lock(.final)?.code),
            students: year.pupils.map { pupil in
                Sheet.Student(
                    id: pupil.id,
                    fullName: pupil.fullName,
                    leftOn: pupil.leftOn?.iso,
                    periods: pupil.periods.map { cell in
                        Sheet.PeriodMark(
                            periodId: cell.period.id,
                            member: cell.member,
                            weightedAverage: cell.standing?.average?.decimalString(places: 2, separator: "."),
                            markCount: cell.standing?.markCount ?? 0,
                            proposedMark: cell.standing?.proposedMark,
                            proposal: cell.standing?.proposal.russianText,
                            warning: TermMarkAPIController.Warning(cell.warning),
                            mark: Sheet.Mark(cell.mark)
                        )
                    },
                    year: .init(
                        proposedMark: pupil.yearProposal.mark?.canonical,
                        proposal: pupil.yearProposal.russianText,
                        mark: Sheet.Mark(pupil.year)
                    ),
                    exam: .init(proposedMark: nil, proposal: nil, mark: Sheet.Mark(pupil.exam)),
                    final: .init(
                        proposedMark: pupil.finalProposal?.canonical,
                        proposal: FinalMark.russianText(proposal: pupil.finalProposal),
                        mark: Sheet.Mark(pupil.final)
                    )
                )
            }
        )
    }

    // MARK: Writing

    struct Change: Decodable {
        let kind: String
        let value: String?
        let version: Int?
        let reason: String?
    }

    struct YearMark: ResponseEncodable {
        @Nullable var id: Int?
        let studentId: Int
        let kind: String
        @Nullable var value: String?
        let version: Int
    }

    func set(_ request: Request, _ context: AppRequestContext) async throws -> YearMark {
        let body = try await request.decode(as: Change.self, context: context)
        let slot: TermMarkSlot
        switch TermMarkKind(rawValue: body.kind) {
        case .year: slot = .year
        case .exam: slot = .exam
        case .final: slot = .final
        case .period, nil:
            throw AppError.invalid(
                "unknown_kind",
                "Поле kind — «year», «exam» или «final»; отметку за период ставят через /api/v1/courses/{courseId}/term-marks/{studentId}."
            )
        }
        let written = try await TermMarkWriter(database: database, access: access, clock: clock).saveOne(
            slot,
            text: body.value,
            version: body.version,
            reason: body.reason,
            request: request,
            context: context
        )
        let saved = written.saved
        return YearMark(id: saved.id, studentId: saved.studentID, kind: body.kind, value: saved.value, version: saved.version)
    }
}
