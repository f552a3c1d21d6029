/// The BCH-protected words that tell a reader how to read the rest of the symbol (§7.9 and §7.10).
enum QRFormatInformation {
    /// 15 bits, most significant first in the standard's numbering: the level and mask, then a BCH(15, 5) remainder
    /// by x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1, all XOR-ed with 101010000010010 so that no valid word is all light.
    static func bits(correction: QRCode.ErrorCorrection, mask: Int) -> Int {
        precondition((0..<8).contains(mask), "mask pattern references are 0 to 7")
        let data = correction.formatIndicator << 3 | mask
        return (data << 10 | bchRemainder(data, degree: 10, generator: 0x537)) ^ 0x5412
    }

    /// 18 bits for versions 7 and up: the version, then a BCH(18, 6) remainder by
    /// x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1. Unlike format information it is not masked.
    static func versionBits(version: Int) -> Int {
        precondition(version >= 7 && version <= 40, "only versions 7 to 40 carry version information")
        return version << 12 | bchRemainder(version, degree: 12, generator: 0x1F25)
    }

    private static func bchRemainder(_ data: Int, degree: Int, generator: Int) -> Int {
        var remainder = data << degree
        for bit in stride(from: remainder.bitWidth - remainder.leadingZeroBitCount - 1, through: degree, by: -1)
        where remainder >> bit & 1 == 1 {
            remainder ^= generator << (bit - degree)
        }
        return remainder
    }
}

extension QRCode.ErrorCorrection {
    /// The two level bits of format information; the standard assigns them out of L, M, Q, H order.
    var formatIndicator: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}
