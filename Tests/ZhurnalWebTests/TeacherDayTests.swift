import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The teacher's day on his start page: today's lessons, his substitutions, and what the journal still lacks.
struct TeacherDayTests {
    @Test(arguments: TestDatabases.flavors)
    func todaysLessonsWithTheSubstitutionAndWhatIsMissing(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(
            flavor,
            extraSeed: { database in
                // Смирнова stands in for Орлов in 6Б at the second lesson of 12.10; it has neither topic nor homework.
                try await TinySchool.addLesson(
                    50,
                    course: AccessSchool.otherCourse,
                    on: "2026-10-12",
                    number: 2,
                    teacher: TinySchool.teacher,
                    into: database
                )
            }
        ) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            let html = try await teacher.get("/").text
            #expect(html.contains("Уроки сегодня, 12.10.2026"))
            let items = html.components(separatedBy: "<li").dropFirst().filter { $0.contains("lesson-number") }
            #expect(items.count == 2)
            // The first lesson has its topic (TinySchool's «Тема 4») but no homework.
            #expect(items[0].contains("08:30–09:15"))
            #expect(items[0].contains("href=\"/lessons/4\""))
            #expect(items[0].contains("нет домашнего задания"))
            #expect(!items[0].contains("нет темы"))
            #expect(!items[0].contains("замена"))
            #expect(items[1].contains("Математика, 6Б"))
            #expect(items[1].contains("замена"))
            #expect(items[1].contains("нет темы, посещаемость не отмечена, нет домашнего задания"))
            // The substitute's link opens the lesson for him to keep: he saves its topic and attendance there.
            #expect(items[1].contains("href=\"/lessons/50\""))
            let lesson = try await teacher.get("/lessons/50")
            #expect(lesson.status == .ok)
            #expect(lesson.text.contains("<form method=\"post\" action=\"/lessons/50\""))
            let saved = try await teacher.post(
                "/lessons/50",
                [("version", "1"), ("topic", "Дроби"), ("homework", "№ 3"), ("workType", "1"), ("controlWorkType", "")]
            )
            #expect(saved.status == .seeOther)
            let later = try await teacher.get("/").text.components(separatedBy: "<li").dropFirst().filter { $0.contains("lesson-number") }
            #expect(!later[1].contains("class=\"missing\""))
            #expect(later[1].contains("замена"))
            // A parent has no lessons to keep.
            let parent = Browser(client, address: "198.51.100.90")
            try await parent.signIn(AccessSchool.Login.parent)
            #expect(!(try await parent.get("/").text.contains("Уроки сегодня")))
        }
    }
}
