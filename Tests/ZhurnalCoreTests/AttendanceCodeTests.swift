import Testing

@testable import ZhurnalCore

struct AttendanceCodeTests {
    @Test func storesTheRussianCodes() {
        #expect(AttendanceCode.absent.rawValue == "н")
        #expect(AttendanceCode.ill.rawValue == "б")
        #expect(AttendanceCode.excused.rawValue == "у")
        #expect(AttendanceCode.late.rawValue == "оп")
        #expect(AttendanceCode.allCases.count == 4)
    }

    @Test func lateIsNotAnAbsence() {
        #expect(AttendanceCode.absent.isAbsence)
        #expect(AttendanceCode.ill.isAbsence)
        #expect(AttendanceCode.excused.isAbsence)
        #expect(!AttendanceCode.late.isAbsence)
    }

    @Test func hasTitles() {
        #expect(AttendanceCode.late.russianTitle == "Опоздание")
        #expect(AttendanceCode.ill.russianTitle == "Отсутствие по болезни")
        #expect(Set(AttendanceCode.allCases.map(\.russianTitle)).count == 4)
    }

    @Test(arguments: [
        ("н", AttendanceCode.absent), (" Н ", .absent), ("б", .ill), ("Б", .ill), ("у", .excused), ("У", .excused),
        ("оп", .late), ("ОП", .late), ("Оп", .late), ("\tоп\n", .late),
    ])
    func parsesCodes(text: String, expected: AttendanceCode) throws {
        #expect(try AttendanceCode(parsing: text) == expected)
    }

    @Test(arguments: [
        ("", AttendanceParseError.empty),
        ("  ", .empty),
        ("x", .unknown("x")),
        ("n", .unknown("n")),
        ("нб", .unknown("нб")),
        ("о", .unknown("о")),
        ("5", .looksLikeMark("5")),
        ("н/а", .looksLikeMark("н/а")),
        ("осв", .looksLikeMark("осв")),
    ])
    func rejectsEverythingElse(text: String, expected: AttendanceParseError) {
        #expect(throws: expected) { try AttendanceCode(parsing: text) }
    }

    @Test func explainsRejections() {
        #expect(AttendanceParseError.unknown("x").russianMessage.hasPrefix("Код посещаемости «x» не распознан"))
        #expect(AttendanceParseError.unknown("x").russianMessage.contains("«оп» (опоздание)"))
        #expect(AttendanceParseError.looksLikeMark("5").russianMessage.contains("это отметка"))
        #expect(AttendanceParseError.empty.description.hasPrefix("Код посещаемости не указан"))
    }

    @Test func teacherEntersAbsentAndLate() {
        #expect(AttendanceCode.enteredByTeacher == [.absent, .late])
        #expect(AttendanceCode.classifications == [.ill, .excused])
        #expect(AttendanceCode.classifyingRoles == [.homeroom, .admin])
    }

    @Test(arguments: [
        (AttendanceCode.absent, AttendanceCode.ill, true),
        (.absent, .excused, true),
        (.absent, .absent, false),
        (.absent, .late, false),
        (.ill, .excused, false),
        (.excused, .ill, false),
        (.late, .ill, false),
        (.late, .excused, false),
        (.ill, .absent, false),
    ])
    func onlyAnAbsenceIsClassifiedAsIllnessOrExcused(from: AttendanceCode, to: AttendanceCode, allowed: Bool) {
        #expect(from.canBeClassified(as: to) == allowed)
    }
}
