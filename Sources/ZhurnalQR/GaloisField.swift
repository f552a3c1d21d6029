/// Arithmetic in GF(2⁸) as QR Code defines it: elements are bytes, addition is XOR, and products are reduced
/// by x⁸ + x⁴ + x³ + x² + 1 (0x11D), for which α = 2 generates all 255 non-zero elements.
///
/// Multiplication goes through logarithm tables because Reed–Solomon encoding multiplies every data byte by
/// every generator coefficient, and a table lookup is far cheaper than carry-less multiplication with reduction.
enum GaloisField {
    /// `exponents[i]` is αⁱ; the table is doubled so that the sum of two logarithms never needs a modulo.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 {
                value ^= 0x11D
            }
        }
        return table
    }()

    /// `logarithms[v]` is the i with αⁱ = v; the entry for 0 is never read because 0 has no logarithm.
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 {
            table[Int(exponents[power])] = power
        }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 {
            return 0
        }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }
}
