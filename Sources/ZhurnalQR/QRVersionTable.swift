/// Per-version dimensions and block structure (ISO/IEC 18004 Tables 1, 3, 9 and Annex E).
///
/// Table 9 is kept as two numbers per version and level, the codewords of error correction per block and the
/// number of blocks; the split into shorter and longer blocks follows from them and the symbol's codeword count,
/// which leaves far fewer hand-copied numbers to get wrong.
enum QRVersionTable {
    static let versions = 1...40

    static func size(of version: Int) -> Int {
        17 + 4 * version
    }

    /// Byte mode's character count indicator widens for the larger symbols (Table 3).
    static func characterCountBits(version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    /// Codewords of the whole symbol: every module that no function pattern uses, in whole bytes. The remainder
    /// bits (0, 3, 4 or 7) stay light.
    static func totalCodewords(version: Int) -> Int {
        let size = size(of: version)
        var modules = size * size
        modules -= 3 * 64  // finder patterns with their separators
        modules -= 2 * (size - 16)  // timing patterns between the separators
        modules -= 31  // both copies of the format information and the dark module
        if version >= 2 {
            let count = alignmentCenters(version: version).count
            // Three would-be alignment patterns fall on finders; those centred on a timing line share 5 modules with it.
            modules -= 25 * (count * count - 3) - 2 * 5 * (count - 2)
        }
        if version >= 7 {
            modules -= 2 * 18
        }
        return modules / 8
    }

    static func errorCorrectionCodewordsPerBlock(version: Int, correction: QRCode.ErrorCorrection) -> Int {
        let table: [Int] =
            switch correction {
            case .low: errorCorrectionPerBlockL
            case .medium: errorCorrectionPerBlockM
            case .quartile: errorCorrectionPerBlockQ
            case .high: errorCorrectionPerBlockH
            }
        return table[version - 1]
    }

    static func blockCount(version: Int, correction: QRCode.ErrorCorrection) -> Int {
        let table: [Int] =
            switch correction {
            case .low: blocksL
            case .medium: blocksM
            case .quartile: blocksQ
            case .high: blocksH
            }
        return table[version - 1]
    }

    static func dataCodewords(version: Int, correction: QRCode.ErrorCorrection) -> Int {
        totalCodewords(version: version)
            - errorCorrectionCodewordsPerBlock(version: version, correction: correction) * blockCount(version: version, correction: correction)
    }

    /// The most bytes one byte-mode segment can carry: the mode indicator and count take their bits first.
    static func byteCapacity(version: Int, correction: QRCode.ErrorCorrection) -> Int {
        (dataCodewords(version: version, correction: correction) * 8 - 4 - characterCountBits(version: version)) / 8
    }

    static func smallestVersion(holding byteCount: Int, correction: QRCode.ErrorCorrection) -> Int? {
        versions.first { byteCapacity(version: $0, correction: correction) >= byteCount }
    }

    /// Row and column coordinates of alignment pattern centres (Annex E). The first is always 6 and the last
    /// size − 7; the ones between are evenly spaced by an even step counted back from the last, which leaves the
    /// odd gap next to 6. Version 32 is the one row of the table that does not follow the rounding rule.
    static func alignmentCenters(version: Int) -> [Int] {
        guard version >= 2 else {
            return []
        }
        let count = version / 7 + 2
        let last = size(of: version) - 7
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var centers = [6]
        for index in stride(from: count - 2, through: 0, by: -1) {
            centers.append(last - index * step)
        }
        return centers
    }

    // Table 9, versions 1 to 40.
    private static let errorCorrectionPerBlockL = [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
        28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let errorCorrectionPerBlockM = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]
    private static let errorCorrectionPerBlockQ = [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
        28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let errorCorrectionPerBlockH = [
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
        30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ]
    private static let blocksL = [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
        8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ]
    private static let blocksM = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]
    private static let blocksQ = [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
        23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ]
    private static let blocksH = [
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
        25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ]
}
