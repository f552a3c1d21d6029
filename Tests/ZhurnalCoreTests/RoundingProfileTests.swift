import Testing

@testable import ZhurnalCore

private func decimal(_ text: String) -> Rational {
    Rational(decimal: text)!
}

struct RoundingProfileTests {
    @Test func fourAndAHalfIsFiveClassicButFourStrict() {
        #expect(RoundingProfile.classic.mark(for: Rational(9, 2)) == 5)
        #expect(RoundingProfile.strict.mark(for: Rational(9, 2)) == 4)
        #expect(RoundingProfile.nso.mark(for: Rational(9, 2)) == 4)
    }

    @Test func twentyThreeFifthsIsFiveUnderStrict() {
        #expect(RoundingProfile.strict.mark(for: Rational(23, 5)) == 5)
        #expect(RoundingProfile.nso.mark(for: Rational(23, 5)) == 4)
    }

    @Test func nsoBoundaryIsFourSixtyFive() {
        #expect(RoundingProfile.nso.mark(for: decimal("4.64")) == 4)
        #expect(RoundingProfile.nso.mark(for: decimal("4.65")) == 5)
        #expect(RoundingProfile.nso.mark(for: decimal("4.6499")) == 4)
    }

    @Test(arguments: [
        (RoundingProfile.classic, ["4.5", "3.5", "2.5"]),
        (.strict, ["4.6", "3.6", "2.6"]),
        (.nso, ["4.65", "3.65", "2.65"]),
        (.custom(try! RoundingThresholds(parsing: "4.8/3.8/2.8")), ["4.8", "3.8", "2.8"]),
    ])
    func thresholdsAreExactAndInclusive(profile: RoundingProfile, thresholds: [String]) {
        let epsilon = Rational(1, 10_000)
        for (index, text) in thresholds.enumerated() {
            let threshold = decimal(text)
            let mark = 5 - index
            #expect(profile.mark(for: threshold) == mark, "\(text)")
            #expect(profile.mark(for: threshold - epsilon) == mark - 1, "just below \(text)")
        }
        #expect(profile.mark(for: Rational(5)) == 5)
        #expect(profile.mark(for: Rational(2)) == 2)
        #expect(profile.mark(for: Rational(1)) == 2)
    }

    @Test func classicTable() {
        let cases: [(String, Int)] = [
            ("4.44", 4), ("4.49", 4), ("4.5", 5), ("3.49", 3), ("3.5", 4), ("2.49", 2), ("2.5", 3), ("4.99", 5),
        ]
        for (text, mark) in cases {
            #expect(RoundingProfile.classic.mark(for: decimal(text)) == mark, "\(text)")
        }
        #expect(RoundingProfile.classic.mark(for: Rational(40, 9)) == 4)
        #expect(RoundingProfile.classic.mark(for: Rational(13, 3)) == 4)
    }

    @Test func storageValuesRoundTrip() throws {
        #expect(RoundingProfile.classic.storageValue == "classic")
        #expect(RoundingProfile.strict.storageValue == "strict")
        #expect(RoundingProfile.nso.storageValue == "nso")
        let custom = RoundingProfile.custom(try RoundingThresholds(parsing: "4.5/3.5/2.5"))
        #expect(custom.storageValue == "custom:4.5/3.5/2.5")
        let commas = RoundingProfile.custom(try RoundingThresholds(parsing: "4,7/3,75/2,7"))
        #expect(commas.storageValue == "custom:4.7/3.75/2.7")
        for profile in RoundingProfile.builtIn + [custom, commas] {
            #expect(RoundingProfile(storageValue: profile.storageValue) == profile)
        }
        #expect(RoundingProfile(storageValue: "custom:4,7/3,75/2,7") == commas)
    }

    @Test(arguments: [
        "", "Classic", "CLASSIC", "custom", "custom:", "custom:4.5/3.5", "custom:5.5/3.5/2.5", "custom:abc",
        "custom:3.5/4.5/2.5", "nso ", "custom:4.5/3.5/2.5/1.5",
    ])
    func rejectsUnknownStorageValues(text: String) {
        #expect(RoundingProfile(storageValue: text) == nil)
    }

    @Test func customIsNotTheSameAsTheBuiltInWithEqualThresholds() throws {
        let custom = RoundingProfile.custom(try RoundingThresholds(parsing: "4.5/3.5/2.5"))
        #expect(custom != .classic)
        #expect(custom.thresholds == RoundingProfile.classic.thresholds)
    }

    @Test func thresholdsOfTheBuiltInProfiles() {
        #expect(RoundingProfile.classic.thresholds.storageValue == "4.5/3.5/2.5")
        #expect(RoundingProfile.strict.thresholds.storageValue == "4.6/3.6/2.6")
        #expect(RoundingProfile.nso.thresholds.storageValue == "4.65/3.65/2.65")
        #expect(RoundingProfile.strict.thresholds.five == Rational(23, 5))
    }

    @Test func titlesNameTheThresholds() throws {
        #expect(RoundingProfile.classic.russianTitle == "Классическое округление (4,5 / 3,5 / 2,5)")
        #expect(RoundingProfile.strict.russianTitle == "Строгое округление (4,6 / 3,6 / 2,6)")
        #expect(RoundingProfile.nso.russianTitle == "Профиль НСО (4,65 / 3,65 / 2,65)")
        let custom = RoundingProfile.custom(try RoundingThresholds(parsing: "4.8/3.8/2.8"))
        #expect(custom.russianTitle == "Пороги школы (4,8 / 3,8 / 2,8)")
    }
}

struct RoundingThresholdsTests {
    @Test func acceptsDescendingDecimalsWithinTheScale() throws {
        let thresholds = try RoundingThresholds(five: Rational(5), four: decimal("3.01"), three: decimal("2.01"))
        #expect(thresholds.five == Rational(5))
        #expect(thresholds.storageValue == "5/3.01/2.01")
        #expect(thresholds.russianText == "5 / 3,01 / 2,01")
    }

    @Test func rejectsThresholdsThatBreakTheScale() {
        #expect(throws: RoundingThresholdsError.fiveAboveScale(decimal("5.5"))) {
            try RoundingThresholds(five: decimal("5.5"), four: decimal("3.5"), three: decimal("2.5"))
        }
        #expect(throws: RoundingThresholdsError.threeNotAboveTwo(Rational(2))) {
            try RoundingThresholds(five: decimal("4.5"), four: decimal("3.5"), three: Rational(2))
        }
        #expect(throws: RoundingThresholdsError.threeNotAboveTwo(decimal("1.5"))) {
            try RoundingThresholds(five: decimal("4.5"), four: decimal("3.5"), three: decimal("1.5"))
        }
        #expect(throws: RoundingThresholdsError.notDescending) {
            try RoundingThresholds(five: decimal("4.5"), four: decimal("4.5"), three: decimal("2.5"))
        }
        #expect(throws: RoundingThresholdsError.notDescending) {
            try RoundingThresholds(five: decimal("3.5"), four: decimal("4.5"), three: decimal("2.5"))
        }
        #expect(throws: RoundingThresholdsError.notDescending) {
            try RoundingThresholds(five: decimal("4.5"), four: decimal("2.6"), three: decimal("2.7"))
        }
        #expect(throws: RoundingThresholdsError.notDecimal(Rational(14, 3))) {
            try RoundingThresholds(five: Rational(14, 3), four: decimal("3.5"), three: decimal("2.5"))
        }
    }

    @Test func parsesTheTypedForm() throws {
        #expect(try RoundingThresholds(parsing: "4,5/3,5/2,5") == RoundingProfile.classic.thresholds)
        #expect(try RoundingThresholds(parsing: " 4.65 / 3.65 / 2.65 ") == RoundingProfile.nso.thresholds)
        #expect(throws: RoundingThresholdsError.malformed("4.5/3.5")) { try RoundingThresholds(parsing: "4.5/3.5") }
        #expect(throws: RoundingThresholdsError.malformed("4.5/x/2.5")) {
            try RoundingThresholds(parsing: "4.5/x/2.5")
        }
        #expect(throws: RoundingThresholdsError.malformed("")) { try RoundingThresholds(parsing: "") }
    }

    @Test func explainsRejections() {
        #expect(
            RoundingThresholdsError.fiveAboveScale(decimal("5.5")).russianMessage
                == "Порог для «5» (5,5) не может быть больше 5"
        )
        #expect(RoundingThresholdsError.notDescending.russianMessage.hasPrefix("Пороги должны убывать"))
        #expect(RoundingThresholdsError.malformed("x").russianMessage.contains("«4,5/3,5/2,5»"))
        #expect(RoundingThresholdsError.notDecimal(Rational(14, 3)).description.contains("14/3"))
    }
}
