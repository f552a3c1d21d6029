/// A QR Code symbol (ISO/IEC 18004) carrying bytes in one 8-bit byte-mode segment.
///
/// Byte mode is the only mode because the payloads this module exists for, `otpauth://` URIs, hold lower-case
/// letters that the denser numeric and alphanumeric modes cannot carry. Bytes are written without an ECI
/// header, which some readers do not understand; common readers, ZBar among them (see the tests), take byte-mode
/// data that is valid UTF-8 as UTF-8.
public struct QRCode: Sendable {
    public enum ErrorCorrection: Sendable, CaseIterable { case low, medium, quartile, high }

    public enum EncodingError: Error, Equatable, Sendable {
        /// Not even version 40 at this level holds the bytes.
        case tooLong(bytes: Int, level: ErrorCorrection)
    }

    /// 1 to 40: the smallest that holds the bytes at the requested level.
    public let version: Int
    /// Modules per side, 17 + 4 × version, without the quiet zone.
    public let size: Int
    /// The data mask pattern reference, 0 to 7, chosen for the lowest penalty.
    public let mask: Int
    private let modules: [Bool]

    public init(bytes: [UInt8], correction: ErrorCorrection = .medium) throws {
        try self.init(bytes: bytes, correction: correction, forcedMask: nil)
    }

    /// Encodes the string's UTF-8 bytes.
    public init(text: String, correction: ErrorCorrection = .medium) throws {
        try self.init(bytes: Array(text.utf8), correction: correction)
    }

    /// `forcedMask` exists so tests can prove each mask pattern is read back correctly; normal use lets the
    /// penalty rules choose.
    init(bytes: [UInt8], correction: ErrorCorrection, forcedMask: Int?) throws {
        guard let version = QRVersionTable.smallestVersion(holding: bytes.count, correction: correction) else {
            throw EncodingError.tooLong(bytes: bytes.count, level: correction)
        }
        var matrix = QRMatrix(version: version)
        matrix.place(QRCodewords.interleaved(bytes: bytes, version: version, correction: correction))
        let mask = forcedMask.map(QRMask.init) ?? QRMask.lowestPenalty(for: matrix, correction: correction)
        matrix.apply(mask)
        matrix.drawFormatInformation(correction: correction, mask: mask.reference)

        self.version = version
        self.size = matrix.size
        self.mask = mask.reference
        self.modules = matrix.modules
    }

    /// Whether the module in column `x`, row `y` (from the top-left) is dark. Coordinates outside the symbol are
    /// in the quiet zone and therefore light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, x < size, y >= 0, y < size else {
            return false
        }
        return modules[y * size + x]
    }
}
