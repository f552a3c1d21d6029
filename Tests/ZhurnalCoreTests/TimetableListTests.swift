import Testing

@testable import ZhurnalCore

struct TimetableListTests {
    let header = ["Класс", "День", "Урок", "Предмет", "Группа", "Кабинет"]
    let classes = ["5А": 1, "6Б": 2]
    let courses = [
        TimetableList.Course(id: 10, classID: 1, subject: "Математика", group: nil),
        TimetableList.Course(id: 11, classID: 1, subject: "Английский язык", group: "Группа 1"),
        TimetableList.Course(id: 12, classID: 1, subject: "Английский язык", group: "Группа 2"),
        TimetableList.Course(id: 20, classID: 2, subject: "Математика", group: nil),
        TimetableList.Course(id: 21, classID: 2, subject: "Музыка", group: nil),
        TimetableList.Course(id: 22, classID: 2, subject: "Музыка", group: nil),
    ]

    func read(_ cells: [[String]]) throws -> (weeks: [TimetableList.Week], refusals: [ImportRefusal]) {
        try TimetableList.read(
            header: header,
            rows: cells.enumerated().map { ImportRow(line: $0.offset + 2, cells: $0.element) },
            classes: classes,
            courses: courses,
            bells: [1, 2, 3]
        )
    }

    @Test func eachClassGetsItsWeekWithSubgroupsSideBySide() throws {
        let read = try read([
            ["5А", "Понедельник", "1", "математика", "", "15"],
            ["5А", "пн", "2", "Английский язык", "группа 1", "21"],
            ["5А", "Пн.", "2", "Английский язык", "Группа 2", "22"],
            ["6Б", "5", "3", "Математика", "", ""],
        ])
        #expect(read.refusals.isEmpty)
        #expect(read.weeks.map(\.name) == ["5А", "6Б"])
        #expect(
            read.weeks[0].cells.map { "\($0.weekday).\($0.lessonNumber) \($0.courseID) \($0.room ?? "-")" } == [
                "1.1 10 15", "1.2 11 21", "1.2 12 22",
            ]
        )
        #expect(read.weeks[0].lines == [2, 3, 4])
        #expect(read.weeks[1].cells.first?.weekday == 5)
    }

    @Test func everyBadRowIsRefusedWithItsLine() throws {
        let read = try read([
            ["7В", "пн", "1", "Математика", "", ""],
            ["5А", "воскресенье", "1", "Математика", "", ""],
            ["5А", "пн", "9", "Математика", "", ""],
            ["5А", "пн", "1", "Химия", "", ""],
            ["5А", "пн", "1", "Английский язык", "", ""],
            ["6Б", "пн", "1", "Музыка", "", ""],
            ["5А", "", "1", "Математика", "", ""],
        ])
        #expect(
            read.refusals.map { "\($0.line) \($0.code)" } == [
                "2 unknown_class", "3 bad_weekday", "4 no_bell", "5 unknown_course", "6 unknown_course", "7 ambiguous_course", "8 missing_field",
            ]
        )
        #expect(read.weeks.isEmpty)
    }

    @Test func dayNamesInEveryUsualSpelling() {
        #expect(TimetableList.weekday("Среда") == 3)
        #expect(TimetableList.weekday("сб") == 6)
        #expect(TimetableList.weekday("6") == 6)
        #expect(TimetableList.weekday("7") == nil)
        #expect(TimetableList.weekday("в") == nil)
        #expect(TimetableList.weekday("") == nil)
    }
}
