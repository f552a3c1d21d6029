/// One of the eight data mask patterns of §7.8.2 (Table 10). The standard states them with i for the row and j
/// for the column; here they are written with `y` for i and `x` for j.
struct QRMask: Sendable, Equatable {
    let reference: Int

    init(_ reference: Int) {
        precondition((0..<8).contains(reference), "mask pattern references are 0 to 7")
        self.reference = reference
    }

    static let all = (0..<8).map(QRMask.init)

    func inverts(x: Int, y: Int) -> Bool {
        switch reference {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// Tries every mask on a grid whose codewords are placed and unmasked, and returns the one with the lowest
    /// penalty (§7.8.3), taking the lower reference on a tie so that the output is deterministic.
    static func lowestPenalty(for matrix: QRMatrix, correction: QRCode.ErrorCorrection) -> QRMask {
        var best = all[0]
        var bestPenalty = Int.max
        for mask in all {
            var candidate = matrix
            candidate.apply(mask)
            // The format information is scored too: it is part of what the reader's sampler sees.
            candidate.drawFormatInformation(correction: correction, mask: mask.reference)
            let penalty = QRPenalty.score(modules: candidate.modules, size: candidate.size)
            if penalty < bestPenalty {
                best = mask
                bestPenalty = penalty
            }
        }
        return best
    }
}
