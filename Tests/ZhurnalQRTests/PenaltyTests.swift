import Testing

@testable import ZhurnalQR

/// Each rule on inputs small enough to score on paper.
struct PenaltyTests {
    private static func line(_ picture: String) -> [Bool] {
        picture.map { $0 == "#" }
    }

    private static func lineScore(_ picture: String) -> Int {
        let modules = line(picture)
        return QRPenalty.lineScore(modules, start: 0, stride: 1, count: modules.count)
    }

    @Test(arguments: [
        ("#.#.#.#.#.", 0),
        ("#####.#.#.", 3),  // a run of five: N1
        ("#######.#.", 5),  // each module beyond five adds one
        ("..#####..#####..", 6),  // light runs of two do not count; each dark run does
        (".####.####.", 0),
    ])
    func sameColourRuns(picture: String, penalty: Int) {
        #expect(Self.lineScore(picture) == penalty)
    }

    @Test(arguments: [
        ("....#.###.#....", 80),  // four light on both sides: counted once for each side
        ("#.###.#", 80),  // the quiet zone beyond the edge is light
        ("...#.###.##", 40),  // light side made of three modules and the quiet zone; the other side is dark
        ("#...#.###.##", 0),  // only three light modules before, none after
        ("....#.#.#.#....", 0),  // not 1:1:3:1:1
    ])
    func finderLikeStripes(picture: String, penalty: Int) {
        #expect(Self.lineScore(picture) == penalty)
    }

    @Test func checkerboardScoresNothing() {
        let size = 21
        let modules = (0..<(size * size)).map { ($0 % size + $0 / size).isMultiple(of: 2) }
        #expect(QRPenalty.score(modules: modules, size: size) == 0)
    }

    @Test func allLightScoresRunsBlocksAndImbalance() {
        let size = 21
        let modules = [Bool](repeating: false, count: size * size)
        // Rule 1: 42 lines, each a run of 21 (3 + 16). Rule 2: 20 × 20 blocks of 3. Rule 3: none. Rule 4: 0 % dark
        // is exactly 50 % off, the boundary of the ninth and tenth 5 % steps, counted as nine.
        #expect(QRPenalty.score(modules: modules, size: size) == 42 * 19 + 400 * 3 + 9 * 10)
    }

    @Test(arguments: [(50, 0), (45, 0), (55, 0), (56, 10), (44, 10), (60, 10), (61, 20), (0, 90), (100, 90)])
    func imbalanceSteps(darkPercent: Int, penalty: Int) {
        #expect(QRPenalty.imbalanceScore(dark: darkPercent, total: 100) == penalty)
        #expect(QRPenalty.imbalanceScore(dark: darkPercent * 3, total: 300) == penalty)
    }
}
