import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// «Сводная ведомость» (`/reports/summary?classId=&slot=`, the whole sheet as `.xlsx` and `.csv`) and
/// `GET /api/v1/reports/summary?classId=`: a class's period, year, exam and final marks in every subject, with each
/// subject's успеваемость, качество and average under the column.
struct SummarySheetController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var report: SummarySheetReport { SummarySheetReport(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports/summary") { request, context in
            let view = try await report.view(request, context: context)
            return try page(view, slot: request.uri.queryParameters["slot"].map(String.init), context: context)
        }
        for format in SheetFormat.allCases {
            router.get("/reports/summary.\(format.rawValue)") { request, context in
                let view = try await report.view(request, context: context)
                return try SheetDownload.response(
                    SummarySheetReport.table(view.sheet),
                    format: format,
                    sheetName: "Ведомость \(view.sheet.className)",
                    fileName: "summary-\(view.sheet.classID)"
                )
            }
        }
        router.get("/api/v1/reports/summary") { request, context in SummaryJSON(try await report.view(request, context: context).sheet) }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let classID: String
        let picksClass: Bool
        let classes: [Choice]
        let slots: [Choice]
        let subjects: [String]
        let rows: [Row]
        let footer: [Row]
        let empty: Bool
        let noSubjects: Bool
        let xlsx: String
        let csv: String

        typealias Choice = PageChoice

        struct Row: Sendable {
            let label: String
            let cells: [String]
        }
    }

    static func slotValue(_ slot: TermMarkSlot) -> String {
        slot.periodID.map { "period-\($0)" } ?? slot.kind.rawValue
    }

    private func page(_ view: SummarySheetReport.View, slot asked: String?, context: AppRequestContext) throws -> Response {
        let sheet = view.sheet
        let slots = SummarySheetReport.slots(sheet)
        let today = SchoolCalendar.today(clock())
        let fallback = sheet.periods.last { $0.span.start <= today }.map { TermMarkSlot.period($0.id) } ?? slots.first?.slot ?? .year
        guard asked == nil || asked == "" || slots.contains(where: { Self.slotValue($0.slot) == asked }) else {
            throw AppError.invalid("bad_slot", "Такого столбца в ведомости нет: выберите период, год, экзамен или итог.")
        }
        let slot = slots.first { Self.slotValue($0.slot) == asked }?.slot ?? fallback
        let rows = sheet.pupils.map { pupil in
            Page.Row(label: pupil.name, cells: sheet.subjects.map { sheet.mark(pupil.id, $0.id, slot) ?? "" })
        }
        let metrics = sheet.subjects.map { subject in
            let marks = sheet.pupils.map { sheet.mark($0.id, subject.id, slot).flatMap(MarkValue.init(canonical:)) }
            return (SchoolMetrics.forSubject(periodMarks: marks), PeriodResults.average(marks.compactMap { $0 }))
        }
        let footer = [
            Page.Row(label: "Успеваемость, %", cells: metrics.map { $0.0.passRate?.decimalString(places: 1) ?? "—" }),
            Page.Row(label: "Качество, %", cells: metrics.map { $0.0.qualityRate?.decimalString(places: 1) ?? "—" }),
            Page.Row(label: "Средний балл", cells: metrics.map { $0.1?.decimalString(places: 2) ?? "—" }),
        ]
        let slotTitle = slots.first { $0.slot == slot }?.title ?? ""
        let page = Page(
            title: "Сводная ведомость \(sheet.className): \(slotTitle)",
            chrome: Chrome(context),
            classID: String(sheet.classID),
            picksClass: !view.classes.isEmpty,
            classes: view.classes.map { Page.Choice(value: String($0.id), label: $0.name, selected: $0.id == sheet.classID) },
            slots: slots.map { Page.Choice(value: Self.slotValue($0.slot), label: $0.title, selected: $0.slot == slot) },
            subjects: sheet.subjects.map(\.name),
            rows: rows,
            footer: footer,
            empty: sheet.pupils.isEmpty,
            noSubjects: sheet.subjects.isEmpty,
            xlsx: "/reports/summary.xlsx?classId=\(sheet.classID)",
            csv: "/reports/summary.csv?classId=\(sheet.classID)"
        )
        return pages.page("report-summary", page)
    }
}

/// `GET /api/v1/reports/summary`: the class's pupils, each with his marks in every subject.
struct SummaryJSON: ResponseEncodable {
    let classId: Int
    let className: String
    let periods: [Period]
    let subjects: [Subject]
    let pupils: [Pupil]

    struct Period: Encodable, Sendable {
        let id: Int
        let title: String
    }

    struct Subject: Encodable, Sendable {
        let id: Int
        let name: String
    }

    struct Pupil: Encodable, Sendable {
        let studentId: Int
        let name: String
        let subjects: [Marks]
    }

    struct Marks: Encodable, Sendable {
        let subjectId: Int
        let periods: [PeriodMark]
        @Nullable var year: String?
        @Nullable var exam: String?
        @Nullable var final: String?
    }

    struct PeriodMark: Encodable, Sendable {
        let periodId: Int
        let value: String
    }

    init(_ sheet: ClassSummary) {
        classId = sheet.classID
        className = sheet.className
        periods = sheet.periods.map { Period(id: $0.id, title: $0.title) }
        subjects = sheet.subjects.map { Subject(id: $0.id, name: $0.name) }
        pupils = sheet.pupils.map { pupil in
            Pupil(
                studentId: pupil.id,
                name: pupil.name,
                subjects: sheet.subjects.map { subject in
                    Marks(
                        subjectId: subject.id,
                        periods: sheet.periods.compactMap { period in
                            sheet.mark(pupil.id, subject.id, .period(period.id)).map { PeriodMark(periodId: period.id, value: $0) }
                        },
                        year: sheet.mark(pupil.id, subject.id, .year),
                        exam: sheet.mark(pupil.id, subject.id, .exam),
                        final: sheet.mark(pupil.id, subject.id, .final)
                    )
                }
            )
        }
    }
}
