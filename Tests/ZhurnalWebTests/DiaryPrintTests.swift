import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The weekly report on paper: a pupil's week for his family, the whole class's for its homeroom teacher.
struct DiaryPrintTests {
    @Test(arguments: TestDatabases.flavors)
    func aParentPrintsHisChildsWeekAndTheHomeroomTeacherHisClasss(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: DiaryTests.seeded) { client, _ in
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            let week = try await father.get("/students/\(TinySchool.aksyonova)/diary?week=2026-10-05")
            #expect(week.text.contains("href=\"/students/\(TinySchool.aksyonova)/diary/print?week=2026-10-05\""))
            let sheet = try await father.get("/students/\(TinySchool.aksyonova)/diary/print?week=2026-10-05")
            #expect(sheet.status == .ok)
            let html = sheet.text
            #expect(html.contains("<h1>Дневник за неделю: Аксёнова Мария Ивановна</h1>") && html.contains("Класс 5А · 05.10 – 11.10.2026"))
            #expect(
                html.contains(
                    "<td>1</td><td>Математика</td><td>Тема 3</td><td>№ 12, 14; лично: Доклад о дробях</td><td>5 (Ответ на уроке)</td><td></td>"
                )
            )
            #expect(html.contains("Английский язык (замена)") && html.contains("(подпись родителя)"))
            #expect(!html.contains("Повторить § 3"))
            // Another family's child is not found; nor is a class for a parent.
            let other = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherParent)
            #expect(try await other.get("/students/\(TinySchool.aksyonova)/diary/print?week=2026-10-05").status == .notFound)
            #expect(try await father.get("/classes/1/diary/print?week=2026-10-05").status == .forbidden)

            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let check = try await teacher.get("/classes/1/acknowledgements?week=2026-10-05")
            #expect(check.text.contains("href=\"/classes/1/diary/print?week=2026-10-05\"") && check.text.contains("href=\"/messages/new?class=1\""))
            let all = try await teacher.get("/classes/1/diary/print?week=2026-10-05")
            #expect(all.status == .ok)
            // The roll of that week: Аксёнова and Волков (Борисов left on 01.10), a sheet each.
            #expect(all.text.components(separatedBy: "<article class=\"print-sheet\">").count == 3)
            // Волков's family has no consent on record: his sheet says why and carries nothing of his journal.
            #expect(all.text.contains("Дневник за неделю: Волков Илья") && all.text.contains("Дневник не печатается: в школе не записано согласие"))
            #expect(!all.text.contains("Повторить § 3"))
            #expect(!all.text.contains("Борисов"))
        }
    }
}
