import Testing

@testable import ZhurnalCore

struct RoleTests {
    @Test func rawValuesAndTitles() {
        let expected: [(Role, String, String)] = [
            (.admin, "admin", "Системный администратор"),
            (.director, "director", "Директор"),
            (.deputy, "deputy", "Заместитель директора по УВР"),
            (.teacher, "teacher", "Учитель"),
            (.homeroom, "homeroom", "Классный руководитель"),
            (.parent, "parent", "Родитель"),
            (.student, "student", "Ученик"),
            (.observer, "observer", "Наблюдатель"),
        ]
        #expect(Role.allCases == expected.map(\.0))
        for (role, raw, title) in expected {
            #expect(role.rawValue == raw)
            #expect(role.russianTitle == title)
            #expect(Role(rawValue: raw) == role)
        }
        #expect(Role(rawValue: "Admin") == nil)
    }
}

struct JournalKindTests {
    @Test func rawValuesAndTitles() {
        let expected: [(JournalKind, String, String)] = [
            (.lesson, "lesson", "Урочная деятельность"),
            (.extracurricular, "extracurricular", "Внеурочная деятельность"),
            (.additional, "additional", "Дополнительное образование"),
            (.optional, "optional", "Факультатив"),
            (.elective, "elective", "Элективный курс"),
            (.individual, "individual", "Индивидуальное обучение"),
        ]
        #expect(JournalKind.allCases == expected.map(\.0))
        for (kind, raw, title) in expected {
            #expect(kind.rawValue == raw)
            #expect(kind.russianTitle == title)
        }
    }

    @Test func classJournalIsAlwaysMarked() {
        #expect(JournalKind.lesson.allowedGradings == [.marks, .ungraded])
        #expect(JournalKind.individual.allowedGradings == [.marks, .ungraded])
        #expect(!JournalKind.lesson.allowedGradings.contains(.passFail))
        #expect(JournalKind.extracurricular.allowedGradings == [.marks, .passFail, .ungraded])
        for kind in JournalKind.allCases {
            #expect(kind.allowedGradings.contains(kind.defaultGrading), "\(kind)")
        }
        #expect(JournalKind.extracurricular.defaultGrading == .ungraded)
        #expect(JournalKind.optional.defaultGrading == .passFail)
    }
}

struct GradingAndPeriodKindTests {
    @Test func gradingRawValues() {
        #expect(Grading.allCases.map(\.rawValue) == ["marks", "pass_fail", "ungraded"])
        #expect(Grading(rawValue: "pass_fail") == .passFail)
        #expect(Grading.passFail.russianTitle == "Зачёт / незачёт")
    }

    @Test func periodKindRawValuesAndTitles() {
        #expect(PeriodKind.allCases.map(\.rawValue) == ["quarter", "half_year", "trimester", "custom"])
        #expect(PeriodKind.allCases.map(\.russianTitle) == ["четверть", "полугодие", "триместр", "период"])
        #expect(PeriodKind(rawValue: "half_year") == .halfYear)
    }
}
