import Testing

@testable import ZhurnalCore

struct WorkTypeTests {
    @Test func defaultsAreTheListOfTheDomain() {
        let expected: [(String, Int, Bool)] = [
            ("Ответ на уроке", 1, false),
            ("Работа на уроке", 1, false),
            ("Домашняя работа", 1, false),
            ("Проверочная работа / тест", 2, true),
            ("Самостоятельная работа", 2, true),
            ("Практическая / лабораторная работа", 2, true),
            ("Диктант / сочинение / изложение", 3, true),
            ("Проект", 3, false),
            ("Зачёт", 3, true),
            ("Контрольная работа", 4, true),
            ("Итоговая контрольная / промежуточная аттестация", 5, true),
        ]
        #expect(WorkType.defaults.count == expected.count)
        for (workType, (name, weight, isWritten)) in zip(WorkType.defaults, expected) {
            #expect(workType.name == name)
            #expect(workType.weight == weight, "\(name)")
            #expect(workType.isWritten == isWritten, "\(name)")
            #expect(workType.markDeadlineDays == 7, "\(name)")
        }
    }

    @Test func defaultsPassTheirOwnValidation() throws {
        for workType in WorkType.defaults {
            let rebuilt = try WorkType(
                name: workType.name,
                weight: workType.weight,
                isWritten: workType.isWritten,
                markDeadlineDays: workType.markDeadlineDays
            )
            #expect(rebuilt == workType)
        }
    }

    @Test func trimsTheNameAndDefaultsTheDeadline() throws {
        let workType = try WorkType(name: "  Эссе  ", weight: 3, isWritten: true)
        #expect(workType.name == "Эссе")
        #expect(workType.markDeadlineDays == 7)
        #expect(try WorkType(name: "Зачёт", weight: 1).isWritten == false)
    }

    @Test(arguments: [1, 2, 5, 10])
    func acceptsWeightsOneToTen(weight: Int) throws {
        #expect(try WorkType(name: "Тест", weight: weight).weight == weight)
    }

    @Test(arguments: [0, -1, 11, 100])
    func rejectsOtherWeights(weight: Int) {
        #expect(throws: WorkTypeError.weightOutOfRange(weight)) { try WorkType(name: "Тест", weight: weight) }
    }

    @Test func rejectsEmptyNamesAndBadDeadlines() throws {
        #expect(throws: WorkTypeError.emptyName) { try WorkType(name: "  ", weight: 1) }
        #expect(throws: WorkTypeError.emptyName) { try WorkType(name: "", weight: 1) }
        #expect(throws: WorkTypeError.deadlineOutOfRange(0)) {
            try WorkType(name: "Тест", weight: 1, markDeadlineDays: 0)
        }
        #expect(throws: WorkTypeError.deadlineOutOfRange(366)) {
            try WorkType(name: "Тест", weight: 1, markDeadlineDays: 366)
        }
        #expect(try WorkType(name: "Тест", weight: 1, markDeadlineDays: 365).markDeadlineDays == 365)
        #expect(try WorkType(name: "Тест", weight: 1, markDeadlineDays: 1).markDeadlineDays == 1)
    }

    @Test func explainsRejections() {
        #expect(
            WorkTypeError.weightOutOfRange(11).russianMessage
                == "Вес 11 недопустим: вес вида работы — целое число от 1 до 10"
        )
        #expect(WorkTypeError.emptyName.russianMessage == "Укажите название вида работы")
        #expect(WorkTypeError.deadlineOutOfRange(0).description.contains("от 1 до 365"))
    }
}
