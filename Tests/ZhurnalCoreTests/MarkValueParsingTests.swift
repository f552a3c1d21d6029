import Testing

@testable import ZhurnalCore

/// One typed input with the rules and context it is typed under.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let text: String
    let rules: MarkRules
    let context: MarkContext

    init(_ text: String, _ rules: MarkRules = MarkRules(), _ context: MarkContext = .lesson) {
        self.text = text
        self.rules = rules
        self.context = context
    }

    var testDescription: String { "\"\(text)\" (\(context))" }

    func parse() throws(MarkParseError) -> MarkValue {
        try MarkValue.parse(text, rules: rules, context: context)
    }
}

private let withOne = MarkRules(allowsOne: true)
private let withDouble = MarkRules(allowsDouble: true)
private let withBoth = MarkRules(allowsOne: true, allowsDouble: true)
private let passFail = MarkRules(grading: .passFail)
private let ungraded = MarkRules(grading: .ungraded)

struct MarkValueParsingTests {
    @Test(arguments: [
        (ParseCase("5"), MarkValue.grade(5)),
        (ParseCase("4"), .grade(4)),
        (ParseCase("3"), .grade(3)),
        (ParseCase("2"), .grade(2)),
        (ParseCase(" 4 "), .grade(4)),
        (ParseCase("\t2\n"), .grade(2)),
        (ParseCase("\u{00A0}3\u{00A0}"), .grade(3)),
        (ParseCase("5", MarkRules(), .term), .grade(5)),
        (ParseCase("2", MarkRules(), .term), .grade(2)),
        (ParseCase("1", withOne), .grade(1)),
        (ParseCase("1", withOne, .term), .grade(1)),
        (ParseCase("осв"), .exempt),
        (ParseCase("ОСВ"), .exempt),
        (ParseCase("Осв"), .exempt),
        (ParseCase("осв", MarkRules(), .term), .exempt),
        (ParseCase("зач"), .passed),
        (ParseCase("ЗАЧ"), .passed),
        (ParseCase(" Зач "), .passed),
        (ParseCase("зач", MarkRules(), .term), .passed),
        (ParseCase("незач"), .failed),
        (ParseCase("НЕЗАЧ"), .failed),
        (ParseCase("НеЗач"), .failed),
        (ParseCase("незач", MarkRules(), .term), .failed),
        (ParseCase("н/а", MarkRules(), .term), .notAttested),
        (ParseCase("Н/А", MarkRules(), .term), .notAttested),
        (ParseCase("Н/а", MarkRules(), .term), .notAttested),
        (ParseCase(" н/а ", MarkRules(), .term), .notAttested),
        (ParseCase("4/3", withDouble), .double(4, 3)),
        (ParseCase("5/5", withDouble), .double(5, 5)),
        (ParseCase("2/5", withDouble), .double(2, 5)),
        (ParseCase("3/5", withDouble), .double(3, 5)),
        (ParseCase(" 4 / 3 ", withDouble), .double(4, 3)),
        (ParseCase("1/5", withBoth), .double(1, 5)),
        (ParseCase("зач", passFail), .passed),
        (ParseCase("незач", passFail), .failed),
        (ParseCase("осв", passFail), .exempt),
        (ParseCase("н/а", passFail, .term), .notAttested),
    ])
    func acceptsValidSpellings(input: ParseCase, expected: MarkValue) throws {
        #expect(try input.parse() == expected)
    }

    @Test(arguments: [
        (ParseCase(""), MarkParseError.empty),
        (ParseCase("   "), .empty),
        (ParseCase("6"), .outOfScale("6", allowsOne: false)),
        (ParseCase("0"), .outOfScale("0", allowsOne: false)),
        (ParseCase("10"), .outOfScale("10", allowsOne: false)),
        (ParseCase("05"), .outOfScale("05", allowsOne: false)),
        (ParseCase("9", MarkRules(), .term), .outOfScale("9", allowsOne: false)),
        (ParseCase("6", withOne), .outOfScale("6", allowsOne: true)),
        (ParseCase("1"), .oneNotEnabled),
        (ParseCase("1", MarkRules(), .term), .oneNotEnabled),
        (ParseCase("5.5"), .fractional("5.5")),
        (ParseCase("5,5"), .fractional("5,5")),
        (ParseCase("4.0"), .fractional("4.0")),
        (ParseCase("５"), .nonStandardDigits("５")),
        (ParseCase("٥"), .nonStandardDigits("٥")),
        (ParseCase("５/3", withDouble), .nonStandardDigits("５/3")),
        (ParseCase("5+"), .signed("5+")),
        (ParseCase("4-"), .signed("4-")),
        (ParseCase("-3"), .signed("-3")),
        (ParseCase("5−"), .signed("5−")),
        (ParseCase("4/3"), .doubleNotAllowed("4/3")),
        (ParseCase("4/3", withOne), .doubleNotAllowed("4/3")),
        (ParseCase("4/3", withDouble, .term), .doubleInTermMark("4/3")),
        (ParseCase("4/6", withDouble), .doublePartOutOfScale("4/6", allowsOne: false)),
        (ParseCase("0/5", withDouble), .doublePartOutOfScale("0/5", allowsOne: false)),
        (ParseCase("1/5", withDouble), .doublePartOutOfScale("1/5", allowsOne: false)),
        (ParseCase("4/7", withBoth), .doublePartOutOfScale("4/7", allowsOne: true)),
        (ParseCase("4/", withDouble), .malformedDouble("4/")),
        (ParseCase("/3", withDouble), .malformedDouble("/3")),
        (ParseCase("4/3/2", withDouble), .malformedDouble("4/3/2")),
        (ParseCase("а/б", withDouble), .malformedDouble("а/б")),
        (ParseCase("4/3+", withDouble), .malformedDouble("4/3+")),
        (ParseCase("н/а"), .notAttestedOnLesson),
        (ParseCase("Н/А"), .notAttestedOnLesson),
        (ParseCase("н"), .attendanceCode("н")),
        (ParseCase("Н"), .attendanceCode("Н")),
        (ParseCase("б"), .attendanceCode("б")),
        (ParseCase("у"), .attendanceCode("у")),
        (ParseCase("оп"), .attendanceCode("оп")),
        (ParseCase("н", MarkRules(), .term), .attendanceCode("н")),
        (ParseCase("5", passFail), .gradeInPassFailCourse("5")),
        (ParseCase("6", passFail), .gradeInPassFailCourse("6")),
        (ParseCase("4/3", MarkRules(allowsDouble: true, grading: .passFail)), .gradeInPassFailCourse("4/3")),
        (ParseCase("5", ungraded), .ungradedCourse),
        (ParseCase("зач", ungraded), .ungradedCourse),
        (ParseCase("abc"), .unrecognized("abc")),
        (ParseCase("пять"), .unrecognized("пять")),
        (ParseCase("зачёт"), .unrecognized("зачёт")),
        (ParseCase("5 5"), .unrecognized("5 5")),
        (ParseCase("на"), .unrecognized("на")),
    ])
    func rejectsWithASpecificError(input: ParseCase, expected: MarkParseError) {
        #expect(throws: expected) { try input.parse() }
    }

    @Test func messagesSayExactlyWhatIsWrong() {
        #expect(
            MarkParseError.outOfScale("6", allowsOne: false).russianMessage
                == "Отметка «6» вне шкалы: допустимы 2, 3, 4, 5"
        )
        #expect(
            MarkParseError.outOfScale("6", allowsOne: true).russianMessage
                == "Отметка «6» вне шкалы: допустимы 1, 2, 3, 4, 5"
        )
        #expect(
            MarkParseError.oneNotEnabled.russianMessage
                == "Отметка «1» в школе не используется: допустимы 2, 3, 4, 5"
        )
        #expect(MarkParseError.fractional("5,5").russianMessage.contains("«5,5»"))
        #expect(MarkParseError.fractional("5,5").russianMessage.contains("целым числом"))
        #expect(MarkParseError.nonStandardDigits("５").russianMessage.contains("нестандартными"))
        #expect(MarkParseError.signed("5+").russianMessage.contains("плюсом или минусом"))
        #expect(MarkParseError.doubleNotAllowed("4/3").russianMessage.hasPrefix("Двойная отметка «4/3»"))
        #expect(MarkParseError.doubleInTermMark("4/3").russianMessage.contains("за период"))
        #expect(
            MarkParseError.notAttestedOnLesson.russianMessage
                == "«н/а» ставится только за период (четверть, полугодие), а не за урок"
        )
        #expect(MarkParseError.attendanceCode("н").russianMessage.contains("посещаемости"))
        #expect(MarkParseError.gradeInPassFailCourse("5").russianMessage.contains("«зач» или «незач»"))
        #expect(MarkParseError.empty.description == "Отметка не указана")
    }

    @Test func everyErrorHasItsOwnMessage() {
        let errors: [MarkParseError] = [
            .empty, .outOfScale("6", allowsOne: false), .oneNotEnabled, .fractional("5,5"),
            .nonStandardDigits("５"), .signed("5+"), .doubleNotAllowed("4/3"), .doubleInTermMark("4/3"),
            .malformedDouble("4/"), .doublePartOutOfScale("4/6", allowsOne: false), .notAttestedOnLesson,
            .attendanceCode("н"), .gradeInPassFailCourse("5"), .ungradedCourse, .unrecognized("abc"),
        ]
        let messages = errors.map(\.russianMessage)
        #expect(Set(messages).count == errors.count)
        #expect(messages.allSatisfy { !$0.isEmpty })
    }

    @Test func shortensLongInputInMessages() {
        let long = String(repeating: "х", count: 200)
        let error = MarkParseError.unrecognized(long)
        #expect(error.russianMessage.contains(String(repeating: "х", count: 20) + "…»"))
        #expect(!error.russianMessage.contains(String(repeating: "х", count: 21)))
    }
}
