import Testing

@testable import ZhurnalQR

struct ReedSolomonTests {
    /// The worked example of ISO/IEC 18004 Annex I: "01234567" as version 1-M.
    @Test func standardWorkedExample() {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let expected: [UInt8] = [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
        #expect(ReedSolomon(degree: 10).remainder(of: data) == expected)
    }

    /// A codeword is data followed by its remainder, so it is a multiple of the generator and vanishes at every
    /// root αⁱ; this holds for any data, not only the one example above.
    @Test(arguments: [7, 10, 13, 17, 22, 26, 30])
    func codewordVanishesAtGeneratorRoots(degree: Int) {
        let data = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ degree) }
        let codeword = data + ReedSolomon(degree: degree).remainder(of: data)
        for power in 0..<degree {
            let root = GaloisField.exponents[power]
            let value = codeword.reduce(UInt8(0)) { GaloisField.multiply($0, root) ^ $1 }
            #expect(value == 0, "degree \(degree), root α^\(power)")
        }
    }

    @Test func fieldArithmetic() {
        #expect(GaloisField.exponents[8] == 0x1D)  // α⁸ = x⁴ + x³ + x² + 1 after reduction by 0x11D
        #expect(GaloisField.exponents[255] == 1)
        #expect(Set(GaloisField.exponents[0..<255]).count == 255)
        #expect(GaloisField.multiply(0x53, 0xCA) == GaloisField.multiply(0xCA, 0x53))
        #expect(GaloisField.multiply(0, 0x53) == 0)
        for value in 1...255 {
            let inverse = GaloisField.exponents[255 - GaloisField.logarithms[value]]
            #expect(GaloisField.multiply(UInt8(value), inverse) == 1)
        }
    }
}
