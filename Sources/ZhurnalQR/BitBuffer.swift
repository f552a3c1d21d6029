/// The data bit stream of §7.4, packed most significant bit first because that is the order in which
/// codewords are read out of the stream.
struct BitBuffer: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    init(reservingCapacity bitCount: Int = 0) {
        bytes.reserveCapacity((bitCount + 7) / 8)
    }

    mutating func append(_ value: Int, bitCount: Int) {
        precondition(bitCount >= 0 && bitCount <= 31 && value >= 0 && value >> bitCount == 0, "value does not fit in \(bitCount) bits")
        for shift in stride(from: bitCount - 1, through: 0, by: -1) {
            if count % 8 == 0 {
                bytes.append(0)
            }
            if (value >> shift) & 1 == 1 {
                bytes[count / 8] |= 0x80 >> UInt8(count % 8)
            }
            count += 1
        }
    }
}
