import Testing

@testable import ZhurnalQR

struct VersionTableTests {
    @Test func version1MediumHoldsFourteenBytes() throws {
        #expect(try QRCode(bytes: []).version == 1)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x61, count: 14), correction: .medium).version == 1)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x61, count: 15), correction: .medium).version == 2)
    }

    @Test func version40LowHolds2953Bytes() throws {
        #expect(try QRCode(bytes: [UInt8](repeating: 0x61, count: 2953), correction: .low).version == 40)
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 2954, level: .low)) {
            try QRCode(bytes: [UInt8](repeating: 0x61, count: 2954), correction: .low)
        }
    }

    /// Byte-mode capacities of ISO/IEC 18004 Table 7 for a few versions, in L, M, Q, H order.
    @Test(arguments: [
        (1, [17, 14, 11, 7]),
        (2, [32, 26, 20, 14]),
        (5, [106, 84, 60, 44]),
        (7, [154, 122, 86, 64]),
        (10, [271, 213, 151, 119]),
        (40, [2953, 2331, 1663, 1273]),
    ])
    func byteCapacity(version: Int, capacities: [Int]) {
        let computed = QRCode.ErrorCorrection.allCases.map { QRVersionTable.byteCapacity(version: version, correction: $0) }
        #expect(computed == capacities)
    }

    @Test func tooLongNamesTheLevel() {
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 1274, level: .high)) {
            try QRCode(bytes: [UInt8](repeating: 0, count: 1274), correction: .high)
        }
    }

    @Test func capacityGrowsWithVersionAndShrinksWithLevel() {
        for version in QRVersionTable.versions {
            let capacities = QRCode.ErrorCorrection.allCases.map { QRVersionTable.byteCapacity(version: version, correction: $0) }
            #expect(capacities == capacities.sorted(by: >), "version \(version)")
            if version > 1 {
                for correction in QRCode.ErrorCorrection.allCases {
                    #expect(
                        QRVersionTable.byteCapacity(version: version, correction: correction)
                            > QRVersionTable.byteCapacity(version: version - 1, correction: correction)
                    )
                }
            }
        }
    }

    /// Codewords per symbol from ISO/IEC 18004 Table 1.
    @Test(arguments: [(1, 26), (2, 44), (6, 172), (7, 196), (14, 581), (21, 1156), (32, 2465), (35, 2876), (40, 3706)])
    func totalCodewords(version: Int, expected: Int) {
        #expect(QRVersionTable.totalCodewords(version: version) == expected)
    }

    /// Alignment pattern centres from ISO/IEC 18004 Annex E, Table E.1, including the irregular version 32.
    @Test(arguments: [
        (1, []),
        (2, [6, 18]),
        (6, [6, 34]),
        (7, [6, 22, 38]),
        (15, [6, 26, 48, 70]),
        (22, [6, 26, 50, 74, 98]),
        (32, [6, 34, 60, 86, 112, 138]),
        (36, [6, 24, 50, 76, 102, 128, 154]),
        (40, [6, 30, 58, 86, 114, 142, 170]),
    ])
    func alignmentCenters(version: Int, expected: [Int]) {
        #expect(QRVersionTable.alignmentCenters(version: version) == expected)
    }

    /// Version 5-Q of Table 9: two blocks of 15 data codewords, then two of 16, each with 18 for error correction.
    @Test func blockStructureOfVersion5Quartile() {
        #expect(QRVersionTable.blockCount(version: 5, correction: .quartile) == 4)
        #expect(QRVersionTable.errorCorrectionCodewordsPerBlock(version: 5, correction: .quartile) == 18)
        #expect(QRVersionTable.dataCodewords(version: 5, correction: .quartile) == 15 + 15 + 16 + 16)
    }

    @Test func paddingAlternatesAfterTerminator() {
        // "Hi" in 1-M: 0100 | 00000010 | 01001000 01101001 | 0000 terminator, then 0xEC 0x11 alternately.
        let codewords = QRCodewords.dataCodewords(bytes: Array("Hi".utf8), version: 1, correction: .medium)
        #expect(codewords == [0x40, 0x24, 0x86, 0x90, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
    }
}
