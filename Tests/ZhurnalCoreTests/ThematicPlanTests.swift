import Testing

@testable import ZhurnalCore

struct ThematicPlanTests {
    let workTypes = ["контрольная работа": 2]

    func row(_ line: Int, _ cells: String...) -> ImportRow { ImportRow(line: line, cells: cells) }
    func day(_ d: Int) -> LocalDate { LocalDate(year: 2026, month: 9, day: d)! }

    @Test func topicsAreReadInTheOrderOfTheirNumbers() throws {
        let (topics, refusals) = try ThematicPlan.read(
            header: ["№", "Тема", "Часов", "Контроль"],
            rows: [row(2, "2.", "Дроби", "3", "Контрольная работа"), row(3, "1", "Натуральные числа", "2", "")],
            workTypes: workTypes
        )
        #expect(refusals.isEmpty)
        #expect(
            topics == [
                .init(position: 1, title: "Натуральные числа", hours: 2, controlWorkTypeID: nil),
                .init(position: 2, title: "Дроби", hours: 3, controlWorkTypeID: 2),
            ]
        )
    }

    @Test func badRowsAreRefusedByLine() throws {
        let (_, refusals) = try ThematicPlan.read(
            header: ["№", "Тема", "Часов", "Контроль"],
            rows: [
                row(2, "1", "", "2"), row(3, "2", "Дроби", "0"), row(4, "x", "Дроби", "1"), row(5, "4", "Дроби", "1"),
                row(6, "4", "Проценты", "1"), row(7, "6", "Проценты", "1", "Эссе"),
            ],
            workTypes: workTypes
        )
        #expect(
            refusals.map { "\($0.line) \($0.code)" } == ["2 missing_field", "3 bad_hours", "4 bad_number", "6 duplicate_row", "7 unknown_work_type"]
        )
        #expect(throws: RuleRefusal.self) { try ThematicPlan.read(header: ["Тема"], rows: [], workTypes: [:]) }
    }

    @Test func thePlanIsLaidOntoTheLessonsHeldAndMeasured() {
        let topics = [
            ThematicPlan.Topic(position: 1, title: "А", hours: 2, controlWorkTypeID: nil),
            ThematicPlan.Topic(position: 2, title: "Б", hours: 1, controlWorkTypeID: nil),
        ]
        let lessons = [
            ThematicPlan.Lesson(id: 1, date: day(1), cancelled: false, recorded: true),
            ThematicPlan.Lesson(id: 2, date: day(3), cancelled: true, recorded: false),
            ThematicPlan.Lesson(id: 3, date: day(8), cancelled: false, recorded: true),
            ThematicPlan.Lesson(id: 4, date: day(10), cancelled: false, recorded: true),
            ThematicPlan.Lesson(id: 5, date: day(15), cancelled: false, recorded: false),
        ]
        let laid = ThematicPlan.laid(topics, on: lessons)
        #expect(laid.mapValues(\.title) == [1: "А", 3: "А", 4: "Б"])
        // By the 8th the timetable gave three lessons, one was cancelled: three hours planned, two held, one behind.
        let byEighth = ThematicPlan.fulfilment(topics, lessons: lessons, today: day(8))
        #expect(byEighth == .init(total: 3, plannedToDate: 3, held: 2))
        #expect(byEighth.lag == 1)
        #expect(ThematicPlan.fulfilment(topics, lessons: lessons, today: day(10)).lag == 0)
        // The lesson of the 15th was not written down: it does not count as held.
        #expect(ThematicPlan.fulfilment(topics, lessons: lessons, today: day(15)) == .init(total: 3, plannedToDate: 3, held: 3))
    }
}
