import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The attendance reports as tables for CSV and XLSX: the same columns as the page, numbers as the page writes them.
enum AttendanceSheets {
    static func range(_ report: AttendanceReports.RangeReport) -> SheetTable {
        let byPupil = report.schoolClass != nil
        let header =
            (byPupil ? ["Ученик"] : ["Класс", "Учеников"])
            + [
                "Уроков", "Пропущено уроков: н", "б", "у", "Всего уроков", "Доля уроков, %", "Пропущено дней: н", "б", "у", "Всего дней",
                "Опозданий",
            ]
        func cells(_ label: String, _ pupils: Int, _ tally: AttendanceTally) -> [String] {
            (byPupil ? [label] : [label, String(pupils)])
                + [
                    tally.lessons, tally.missedLessons.absent, tally.missedLessons.ill, tally.missedLessons.excused,
                    tally.missedLessons.total,
                ].map(String.init)
                + [tally.missedPercent ?? ""]
                + [tally.missedDays.absent, tally.missedDays.ill, tally.missedDays.excused, tally.missedDays.total, tally.lateLessons]
                .map(String.init)
        }
        var rows = report.lines.map { cells($0.label, $0.pupils, $0.tally) }
        rows.append(cells("Итого", report.totalPupils, report.total))
        return SheetTable(header: header, rows: rows.enumerated().map { ImportRow(line: $0.offset + 2, cells: $0.element) })
    }

    static func day(_ report: AttendanceReports.DayReport) -> SheetTable {
        var rows: [[String]] = []
        for block in report.classes {
            for pupil in block.pupils {
                let day = pupil.day
                rows.append([
                    block.info.name, pupil.name, AttendanceText.lessons(pupil.lessons), String(day.missed.total), String(day.late),
                    AttendanceText.wholeDay(day),
                ])
            }
        }
        return SheetTable(
            header: ["Класс", "Ученик", "Уроки", "Пропущено уроков", "Опозданий", "Весь день"],
            rows: rows.enumerated().map { ImportRow(line: $0.offset + 2, cells: $0.element) }
        )
    }
}

/// How the day's entries read in Russian on the page and in the files.
enum AttendanceText {
    /// «1 Математика — н; 2 Русский язык; 3 Физика — оп».
    static func lessons(_ lessons: [AttendanceRecords.DayLesson]) -> String {
        lessons.map { lesson in "\(lesson.number) \(lesson.subject)" + (lesson.code.map { " — \($0.rawValue)" } ?? "") }
            .joined(separator: "; ")
    }

    /// «весь день (б)», or empty when he came to a lesson.
    static func wholeDay(_ day: AttendanceDay) -> String {
        day.missedDayReason.map { "весь день (\($0.rawValue))" } ?? ""
    }
}
