/// Turns the message into the final codeword sequence of §7.4–7.6: one byte-mode segment, terminator and
/// padding, split into blocks, each block extended with its Reed–Solomon codewords, and the blocks interleaved.
enum QRCodewords {
    static func dataCodewords(bytes: [UInt8], version: Int, correction: QRCode.ErrorCorrection) -> [UInt8] {
        let capacity = QRVersionTable.dataCodewords(version: version, correction: correction)
        var buffer = BitBuffer(reservingCapacity: capacity * 8)
        buffer.append(0b0100, bitCount: 4)
        buffer.append(bytes.count, bitCount: QRVersionTable.characterCountBits(version: version))
        for byte in bytes {
            buffer.append(Int(byte), bitCount: 8)
        }
        precondition(buffer.count <= capacity * 8, "version was chosen too small for the message")
        // The terminator may be cut short, or dropped, when the message fills the symbol exactly.
        buffer.append(0, bitCount: min(4, capacity * 8 - buffer.count))
        buffer.append(0, bitCount: (8 - buffer.count % 8) % 8)
        var codewords = buffer.bytes
        var padIndex = 0
        while codewords.count < capacity {
            codewords.append(padIndex % 2 == 0 ? 0xEC : 0x11)
            padIndex += 1
        }
        return codewords
    }

    static func interleaved(bytes: [UInt8], version: Int, correction: QRCode.ErrorCorrection) -> [UInt8] {
        let data = dataCodewords(bytes: bytes, version: version, correction: correction)
        let total = QRVersionTable.totalCodewords(version: version)
        let blockCount = QRVersionTable.blockCount(version: version, correction: correction)
        let errorCorrectionLength = QRVersionTable.errorCorrectionCodewordsPerBlock(version: version, correction: correction)
        // Blocks differ by at most one data codeword, and the shorter blocks come first (Table 9).
        let shortBlockCount = blockCount - total % blockCount
        let shortDataLength = total / blockCount - errorCorrectionLength
        let encoder = ReedSolomon(degree: errorCorrectionLength)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var errorCorrectionBlocks: [[UInt8]] = []
        var offset = 0
        for block in 0..<blockCount {
            let length = shortDataLength + (block < shortBlockCount ? 0 : 1)
            let slice = data[offset..<(offset + length)]
            dataBlocks.append(slice)
            errorCorrectionBlocks.append(encoder.remainder(of: Array(slice)))
            offset += length
        }

        var result: [UInt8] = []
        result.reserveCapacity(total)
        for index in 0...shortDataLength {
            for block in dataBlocks where index < block.count {
                result.append(block[block.startIndex + index])
            }
        }
        for index in 0..<errorCorrectionLength {
            for block in errorCorrectionBlocks {
                result.append(block[index])
            }
        }
        return result
    }
}
