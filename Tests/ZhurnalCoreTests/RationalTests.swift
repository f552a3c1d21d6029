import Testing

@testable import ZhurnalCore

struct RationalTests {
    @Test func normalisesSignAndCommonFactors() {
        let value = Rational(6, -4)
        #expect(value.numerator == -3)
        #expect(value.denominator == 2)
        #expect(Rational(-6, -4) == Rational(3, 2))
        #expect(Rational(0, -5).numerator == 0)
        #expect(Rational(0, -5).denominator == 1)
        #expect(Rational(Int.min, Int.min) == Rational.one)
        #expect(Rational(7) == Rational(14, 2))
        let literal: Rational = 5
        #expect(literal == Rational(5, 1))
    }

    @Test func describesAsFractionOrInteger() {
        #expect(Rational(40, 9).description == "40/9")
        #expect(Rational(3, -2).description == "-3/2")
        #expect(Rational(8, 2).description == "4")
    }

    @Test func addsSubtractsMultipliesDivides() {
        #expect(Rational(1, 2) + Rational(1, 3) == Rational(5, 6))
        #expect(Rational(1, 2) - Rational(1, 3) == Rational(1, 6))
        #expect(Rational(2, 3) * Rational(3, 4) == Rational(1, 2))
        #expect(Rational(1, 2) / Rational(1, 4) == Rational(2))
        #expect(Rational(1, 6) + Rational(1, 10) == Rational(4, 15))
        #expect(-Rational(3, 4) == Rational(-3, 4))
        var value = Rational(1, 3)
        value += Rational(2, 3)
        #expect(value == .one)
        value *= Rational(5, 2)
        #expect(value == Rational(5, 2))
        value -= Rational(1, 2)
        #expect(value == Rational(2))
        value /= Rational(4)
        #expect(value == Rational(1, 2))
    }

    @Test func comparesExactlyAtThresholds() {
        #expect(Rational(23, 5) == Rational(46, 10))
        #expect(Rational(23, 5) >= Rational(decimal: "4.6")!)
        #expect(Rational(45_999, 10_000) < Rational(23, 5))
        #expect(Rational(-1, 2) < Rational(1, 3))
        #expect(!(Rational(9, 2) < Rational(9, 2)))
    }

    @Test func comparesWithoutOverflowNearIntMax() {
        let max = Int.max
        // x / (x − 1) decreases as x grows; the cross products overflow 64 bits.
        #expect(Rational(max, max - 1) < Rational(max - 1, max - 2))
        #expect(Rational(-max, max - 1) > Rational(-(max - 1), max - 2))
        #expect(Rational(max, 3) > Rational(max - 1, 3))
    }

    @Test func floorsAndRoundsHalfAwayFromZero() {
        #expect(Rational(7, 2).floor == 3)
        #expect(Rational(-7, 2).floor == -4)
        #expect(Rational(-5, 4).floor == -2)
        #expect(Rational(8, 2).floor == 4)
        #expect(Rational(7, 2).roundedToInteger() == 4)
        #expect(Rational(-7, 2).roundedToInteger() == -4)
        #expect(Rational(10, 3).roundedToInteger() == 3)
        #expect(Rational(11, 3).roundedToInteger() == 4)
        #expect(Rational(4).isInteger)
        #expect(!Rational(9, 2).isInteger)
    }

    @Test(arguments: [
        (Rational(40, 9), 2, "4,44"),
        (Rational(13, 3), 2, "4,33"),
        (Rational(4), 2, "4,00"),
        (Rational(9, 2), 0, "5"),
        (Rational(1, 8), 2, "0,13"),
        (Rational(-1, 8), 2, "-0,13"),
        (Rational(-1, 1000), 2, "0,00"),
        (Rational(292, 5), 1, "58,4"),
        (Rational(2, 3), 2, "0,67"),
        (Rational(45, 2), 0, "23"),
        (Rational(1, 200), 2, "0,01"),
        (Rational(9_995, 1_000), 2, "10,00"),
        (Rational(92), 0, "92"),
    ])
    func formatsDecimalsRoundingHalfUp(value: Rational, places: Int, expected: String) {
        #expect(value.decimalString(places: places) == expected)
    }

    @Test func formatsWithAnotherSeparator() {
        #expect(Rational(40, 9).decimalString(separator: ".") == "4.44")
        #expect(Rational(93, 20).decimalString(places: 3, separator: ".") == "4.650")
    }

    @Test func roundsToPlacesExactly() {
        #expect(Rational(40, 9).rounded(toPlaces: 2) == Rational(444, 100))
        #expect(Rational(1, 8).rounded(toPlaces: 2) == Rational(13, 100))
        #expect(Rational(-1, 8).rounded(toPlaces: 2) == Rational(-13, 100))
        #expect(Rational(13, 3).rounded(toPlaces: 0) == Rational(4))
    }

    @Test(arguments: [
        (Rational(93, 20), "4.65"),
        (Rational(9, 2), "4.5"),
        (Rational(4), "4"),
        (Rational(100), "100"),
        (Rational(-1, 4), "-0.25"),
        (Rational(1, 1024), "0.0009765625"),
        (Rational(3, 50), "0.06"),
    ])
    func spellsExactDecimals(value: Rational, expected: String) {
        #expect(value.exactDecimalString() == expected)
        #expect(Rational(decimal: expected) == value)
    }

    @Test func hasNoExactDecimalForRepeatingFractions() {
        #expect(Rational(13, 3).exactDecimalString() == nil)
        #expect(Rational(1, 7).exactDecimalString() == nil)
        #expect(Rational(93, 20).exactDecimalString(separator: ",") == "4,65")
    }

    @Test(arguments: [
        ("4.65", Rational(93, 20)),
        ("4,65", Rational(93, 20)),
        (" 5 ", Rational(5)),
        ("-0.5", Rational(-1, 2)),
        ("+2", Rational(2)),
        ("0.10", Rational(1, 10)),
        ("2,5", Rational(5, 2)),
        ("007", Rational(7)),
    ])
    func parsesDecimals(text: String, expected: Rational) {
        #expect(Rational(decimal: text) == expected)
    }

    @Test(arguments: [
        "", " ", "4.", ".5", "4.6.5", "4,6,5", "abc", "４.5", "1e3", "4 .5", "--1", "-", "4.5.",
        "1234567890123456789", "0x10", "½",
    ])
    func rejectsNonDecimals(text: String) {
        #expect(Rational(decimal: text) == nil)
    }
}
