import Testing

@testable import ZhurnalQR

struct FormatInformationTests {
    /// Format information after masking, ISO/IEC 18004 Annex C, Table C.1.
    @Test(arguments: [
        (QRCode.ErrorCorrection.medium, 0, "101010000010010"),
        (.medium, 5, "100000011001110"),
        (.low, 0, "111011111000100"),
        (.low, 7, "110100101110110"),
        (.quartile, 0, "011010101011111"),
        (.quartile, 3, "011101000000110"),
        (.high, 0, "001011010001001"),
        (.high, 7, "000100000111011"),
    ])
    func formatInformation(correction: QRCode.ErrorCorrection, mask: Int, expected: String) {
        #expect(Self.binary(QRFormatInformation.bits(correction: correction, mask: mask), width: 15) == expected)
    }

    /// Every one of the 32 words differs from every other in at least 7 bits; that distance is what lets a reader
    /// correct 3 bit errors, and it fails if the BCH remainder is wrong in almost any way.
    @Test func formatWordsAreFarApart() {
        let words = QRCode.ErrorCorrection.allCases.flatMap { correction in
            (0..<8).map { QRFormatInformation.bits(correction: correction, mask: $0) }
        }
        #expect(Set(words).count == 32)
        for (index, word) in words.enumerated() {
            for other in words[(index + 1)...] {
                #expect((word ^ other).nonzeroBitCount >= 7)
            }
        }
    }

    /// Version information, ISO/IEC 18004 Annex D, Table D.1.
    @Test(arguments: [
        (7, "000111110010010100"),
        (8, "001000010110111100"),
        (21, "010101011010000011"),
        (40, "101000110001101001"),
    ])
    func versionInformation(version: Int, expected: String) {
        #expect(Self.binary(QRFormatInformation.versionBits(version: version), width: 18) == expected)
    }

    private static func binary(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 2)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
