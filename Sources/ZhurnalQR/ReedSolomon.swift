/// The Reed–Solomon encoder of ISO/IEC 18004 §7.5.2: error correction codewords are the remainder of the data
/// polynomial times x^degree divided by the generator (x − α⁰)(x − α¹)…(x − α^(degree−1)).
struct ReedSolomon: Sendable {
    let degree: Int
    /// Generator coefficients from x^(degree−1) down to x⁰; the leading coefficient is 1 and is left implicit.
    private let generator: [UInt8]

    init(degree: Int) {
        precondition(degree >= 1 && degree <= 254, "a generator over GF(256) has degree 1 to 254")
        var polynomial: [UInt8] = [1]
        for power in 0..<degree {
            // In characteristic 2, subtracting the root is the same as adding it.
            let root = GaloisField.exponents[power]
            var product = [UInt8](repeating: 0, count: polynomial.count + 1)
            for (index, coefficient) in polynomial.enumerated() {
                product[index] ^= coefficient
                product[index + 1] ^= GaloisField.multiply(coefficient, root)
            }
            polynomial = product
        }
        self.degree = degree
        self.generator = Array(polynomial.dropFirst())
    }

    /// The error correction codewords for one block, highest-order coefficient first, as they go into the symbol.
    func remainder(of data: [UInt8]) -> [UInt8] {
        // Long division done as a shift register: each data byte cancels the leading term and
        // folds a multiple of the generator into the running remainder.
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ remainder[0]
            for index in 0..<(degree - 1) {
                remainder[index] = remainder[index + 1] ^ GaloisField.multiply(generator[index], factor)
            }
            remainder[degree - 1] = GaloisField.multiply(generator[degree - 1], factor)
        }
        return remainder
    }
}
