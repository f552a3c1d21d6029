/// The module grid of one symbol while it is being built. `x` is the column and `y` the row, both from the
/// top-left corner, as in the standard's figures.
///
/// Function modules are recorded separately so that codeword placement and masking, which must leave them
/// alone, need no knowledge of where each pattern lies.
struct QRMatrix: Sendable {
    let version: Int
    let size: Int
    private(set) var modules: [Bool]
    private var isFunction: [Bool]

    /// A grid with every function pattern drawn and the format information area reserved.
    init(version: Int) {
        precondition(QRVersionTable.versions.contains(version), "QR Code versions are 1 to 40")
        self.version = version
        size = QRVersionTable.size(of: version)
        modules = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
        drawTimingPatterns()
        drawFinderPatterns()
        drawAlignmentPatterns()
        // Placeholder bits only claim the area; the real word depends on the mask, which is chosen later.
        drawFormatInformation(correction: .medium, mask: 0)
        drawVersionInformation()
    }

    subscript(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    private mutating func drawTimingPatterns() {
        // Drawn over the full width first; the finders then overwrite both ends.
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
    }

    private mutating func drawFinderPatterns() {
        for (centerX, centerY) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            // Rings by distance from the centre: 0–1 dark core, 2 light, 3 dark border, 4 the light separator.
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centerX + dx
                    let y = centerY + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else {
                        continue
                    }
                    let ring = max(abs(dx), abs(dy))
                    setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
                }
            }
        }
    }

    private mutating func drawAlignmentPatterns() {
        let centers = QRVersionTable.alignmentCenters(version: version)
        guard let first = centers.first, let last = centers.last else {
            return
        }
        for centerY in centers {
            for centerX in centers {
                let overlapsFinder =
                    (centerX == first && centerY == first) || (centerX == first && centerY == last) || (centerX == last && centerY == first)
                if overlapsFinder {
                    continue
                }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunction(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
    }

    /// Bit 0 of the word is the least significant (the standard's bit 0). Both copies are written so that a reader
    /// can recover the word when one copy is damaged.
    mutating func drawFormatInformation(correction: QRCode.ErrorCorrection, mask: Int) {
        let word = QRFormatInformation.bits(correction: correction, mask: mask)
        func bit(_ index: Int) -> Bool {
            (word >> index) & 1 == 1
        }
        // Around the top-left finder: up column 8 from the top, stepping over the timing row, then along row 8.
        for index in 0...5 {
            setFunction(x: 8, y: index, dark: bit(index))
        }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9...14 {
            setFunction(x: 14 - index, y: 8, dark: bit(index))
        }
        // Split between the other two finders: bits 0–7 along row 8 from the right edge, 8–14 down column 8.
        for index in 0...7 {
            setFunction(x: size - 1 - index, y: 8, dark: bit(index))
        }
        for index in 8...14 {
            setFunction(x: 8, y: size - 15 + index, dark: bit(index))
        }
        // The dark module sits beside the lower copy and is always dark, whatever the format.
        setFunction(x: 8, y: size - 8, dark: true)
    }

    private mutating func drawVersionInformation() {
        guard version >= 7 else {
            return
        }
        let word = QRFormatInformation.versionBits(version: version)
        // Two 6×3 blocks, one beside the top-right finder and its transpose above the bottom-left finder.
        for index in 0..<18 {
            let dark = (word >> index) & 1 == 1
            let across = size - 11 + index % 3
            let along = index / 3
            setFunction(x: across, y: along, dark: dark)
            setFunction(x: along, y: across, dark: dark)
        }
    }

    /// Places codewords most significant bit first in the two-column zig-zag of §7.7.3: from the bottom-right
    /// corner, alternately up and down, skipping the vertical timing column and every function module.
    mutating func place(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 {
                right = 5
            }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] && bitIndex < bitCount {
                    modules[y * size + x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                    bitIndex += 1
                }
            }
            right -= 2
        }
        precondition(bitIndex == bitCount, "codeword count does not match the free modules of version \(version)")
    }

    /// XOR is its own inverse, so applying the same mask twice restores the unmasked grid.
    mutating func apply(_ mask: QRMask) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && mask.inverts(x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }
}
