/// The four penalty rules of §7.8.3 that rank masks by how much the result could confuse a reader: long runs and
/// blocks of one colour defeat module-size estimation, finder-like stripes cause false finder detections, and a
/// lopsided dark/light ratio hurts thresholding.
///
/// Scoring runs eight times per symbol over up to 31 329 modules, so it works on the flat module array.
enum QRPenalty {
    static let sameColourRun = 3  // N1, plus one per module beyond five
    static let sameColourBlock = 3  // N2
    static let finderLikeStripe = 40  // N3
    static let imbalance = 10  // N4, per 5 % step away from half dark

    /// 1011101 followed or preceded by four light modules, as the last 11 modules seen along a line.
    private static let stripeThenLight = 0b101_1101_0000
    private static let lightThenStripe = 0b000_0101_1101

    /// `modules` is the whole symbol, row by row, `size` modules to a row.
    static func score(modules: [Bool], size: Int) -> Int {
        precondition(modules.count == size * size, "a symbol is square")
        var penalty = 0
        for line in 0..<size {
            penalty += lineScore(modules, start: line * size, stride: 1, count: size)
            penalty += lineScore(modules, start: line, stride: size, count: size)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let index = y * size + x
                let colour = modules[index]
                if modules[index + 1] == colour && modules[index + size] == colour && modules[index + size + 1] == colour {
                    penalty += sameColourBlock
                }
            }
        }
        var dark = 0
        for module in modules where module {
            dark += 1
        }
        return penalty + imbalanceScore(dark: dark, total: size * size)
    }

    /// Rule 4, in whole 5 % steps away from half dark; a share exactly on a step boundary counts in the lower step.
    static func imbalanceScore(dark: Int, total: Int) -> Int {
        let steps = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        return max(0, steps) * imbalance
    }

    /// Rules 1 and 3 along one row (`stride` 1) or column (`stride` size).
    static func lineScore(_ modules: [Bool], start: Int, stride: Int, count: Int) -> Int {
        var penalty = 0
        var runLength = 0
        var previous = false
        // The quiet zone beyond both ends is light, so four light modules are fed in after the line and the
        // window starts out light; stripes touching the symbol's edge are then scored like any other.
        var window = 0
        for position in 0..<(count + 4) {
            let dark = position < count && modules[start + position * stride]
            window = (window << 1 | (dark ? 1 : 0)) & 0x7FF
            if window == stripeThenLight || window == lightThenStripe {
                penalty += finderLikeStripe
            }
            guard position < count else {
                continue
            }
            if position > 0 && dark == previous {
                runLength += 1
            } else {
                runLength = 1
            }
            previous = dark
            if runLength == 5 {
                penalty += sameColourRun
            } else if runLength > 5 {
                penalty += 1
            }
        }
        return penalty
    }
}
