import Testing

@testable import ZhurnalQR

struct StructureTests {
    static let otpauth = "otpauth://totp/Zhurnal:ivanova.ma?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Zhurnal"

    static let samples: [QRCode] = [
        try! QRCode(text: "A"),
        try! QRCode(text: otpauth),
        try! QRCode(text: String(repeating: "x", count: 200), correction: .quartile),
        try! QRCode(bytes: [UInt8](repeating: 0xFF, count: 2953), correction: .low),
    ]

    @Test func sizeFollowsVersion() throws {
        for code in Self.samples {
            #expect(code.size == 17 + 4 * code.version)
            #expect((0..<8).contains(code.mask))
        }
        #expect(Self.samples[0].version == 1)
        #expect(Self.samples[3].version == 40)
    }

    @Test(arguments: samples)
    func finderPatternsAtThreeCorners(code: QRCode) {
        let last = code.size - 7
        for (left, top) in [(0, 0), (last, 0), (0, last)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    #expect(code.isDark(x: left + dx, y: top + dy) == (ring != 2), "finder at (\(left), \(top))")
                }
            }
        }
        // Separators: the light border on the inner sides of each finder.
        for index in 0..<8 {
            #expect(!code.isDark(x: 7, y: index))
            #expect(!code.isDark(x: index, y: 7))
            #expect(!code.isDark(x: code.size - 8, y: index))
            #expect(!code.isDark(x: code.size - 1 - index, y: 7))
            #expect(!code.isDark(x: 7, y: code.size - 1 - index))
            #expect(!code.isDark(x: index, y: code.size - 8))
        }
    }

    @Test(arguments: samples)
    func timingPatternsAlternate(code: QRCode) {
        for index in 8..<(code.size - 8) {
            #expect(code.isDark(x: index, y: 6) == index.isMultiple(of: 2))
            #expect(code.isDark(x: 6, y: index) == index.isMultiple(of: 2))
        }
    }

    @Test(arguments: samples)
    func darkModule(code: QRCode) {
        #expect(code.isDark(x: 8, y: 4 * code.version + 9))
    }

    @Test(arguments: samples)
    func alignmentPatterns(code: QRCode) {
        let centers = QRVersionTable.alignmentCenters(version: code.version)
        for centerY in centers {
            for centerX in centers {
                // The three positions under finder patterns hold no alignment pattern.
                if [centers.first, centers.last].contains(centerX) && centerY == centers.first
                    || centerX == centers.first && centerY == centers.last
                {
                    continue
                }
                for dy in -2...2 {
                    for dx in -2...2 {
                        #expect(code.isDark(x: centerX + dx, y: centerY + dy) == (max(abs(dx), abs(dy)) != 1))
                    }
                }
            }
        }
    }

    /// Both copies of the format information read back to the same word, and it names the level and the mask.
    @Test(arguments: samples)
    func formatInformationCopiesAgree(code: QRCode) {
        var first = 0
        var second = 0
        let firstPositions = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
        for (bit, (x, y)) in firstPositions.enumerated() where code.isDark(x: x, y: y) {
            first |= 1 << bit
        }
        for bit in 0..<15 {
            let (x, y) = bit < 8 ? (code.size - 1 - bit, 8) : (8, code.size - 15 + bit)
            if code.isDark(x: x, y: y) {
                second |= 1 << bit
            }
        }
        #expect(first == second)
        let candidates = QRCode.ErrorCorrection.allCases.filter { QRFormatInformation.bits(correction: $0, mask: code.mask) == first }
        #expect(candidates.count == 1)
    }

    /// Both version information blocks of a version 7 and up symbol hold the version's word; smaller ones leave that
    /// area to data.
    @Test(arguments: samples)
    func versionInformation(code: QRCode) {
        guard code.version >= 7 else {
            return
        }
        var topRight = 0
        var bottomLeft = 0
        for bit in 0..<18 {
            let across = code.size - 11 + bit % 3
            let along = bit / 3
            if code.isDark(x: across, y: along) {
                topRight |= 1 << bit
            }
            if code.isDark(x: along, y: across) {
                bottomLeft |= 1 << bit
            }
        }
        #expect(topRight == QRFormatInformation.versionBits(version: code.version))
        #expect(bottomLeft == topRight)
    }

    @Test func outsideTheSymbolIsLight() throws {
        let code = try QRCode(text: "A")
        #expect(!code.isDark(x: -1, y: 0))
        #expect(!code.isDark(x: 0, y: code.size))
        #expect(code.isDark(x: 0, y: 0))
    }

    @Test func chosenMaskHasTheLowestPenalty() throws {
        let bytes = Array(Self.otpauth.utf8)
        let chosen = try QRCode(bytes: bytes, correction: .medium)
        let penalties = try (0..<8).map { mask in
            let code = try QRCode(bytes: bytes, correction: .medium, forcedMask: mask)
            let modules = (0..<(code.size * code.size)).map { code.isDark(x: $0 % code.size, y: $0 / code.size) }
            return QRPenalty.score(modules: modules, size: code.size)
        }
        #expect(penalties[chosen.mask] == penalties.min())
        #expect(penalties.firstIndex(of: penalties.min()!) == chosen.mask)
    }

    @Test func encodingIsDeterministic() throws {
        let first = try QRCode(text: Self.otpauth)
        let second = try QRCode(text: Self.otpauth)
        #expect(first.svg(label: "x") == second.svg(label: "x"))
    }
}

/// Parameterised tests name a symbol by its version and level rather than dumping every module.
extension QRCode: CustomTestStringConvertible {
    public var testDescription: String {
        "version \(version) (\(size)×\(size)), mask \(mask)"
    }
}
