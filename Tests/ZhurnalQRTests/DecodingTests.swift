import Testing

@testable import ZhurnalQR

/// Every symbol here is rendered through the public SVG output and read back by ZBar. Without the tools the suite
/// is skipped on a developer's machine, but every test in it fails when the `CI` environment variable is set.
@Suite(
    .enabled(
        if: ExternalDecoder.isAvailable || ExternalDecoder.isRequired,
        "Skipped (set CI to make this a failure). \(ExternalDecoder.missingToolsMessage)"
    )
)
struct DecodingTests {
    static let otpauth = "otpauth://totp/Zhurnal:ivanova.ma?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Zhurnal"

    @Test(arguments: QRCode.ErrorCorrection.allCases)
    func otpauthURIAtEveryLevel(correction: QRCode.ErrorCorrection) throws {
        try expectDecoded(QRCode(text: Self.otpauth, correction: correction), equals: Self.otpauth)
    }

    @Test func cyrillicUTF8() throws {
        let text = "Журнал: Иванова Мария Александровна, 7 «Б» класс — ёлка"
        let code = try QRCode(text: text)
        #expect(Array(text.utf8).count > text.count, "the text must exercise multi-byte UTF-8")
        try expectDecoded(code, equals: text)
    }

    @Test func versionSevenAndUpCarryVersionInformation() throws {
        let text =
            "otpauth://totp/%D0%96%D1%83%D1%80%D0%BD%D0%B0%D0%BB:ivanova.maria.aleksandrovna%40school-1234.example.ru"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=%D0%96%D1%83%D1%80%D0%BD%D0%B0%D0%BB"
            + "&algorithm=SHA1&digits=6&period=30"
        let code = try QRCode(text: text, correction: .high)
        #expect(code.version >= 7)
        try expectDecoded(code, equals: text)
    }

    @Test(arguments: 0..<8)
    func everyMaskPattern(mask: Int) throws {
        let code = try QRCode(bytes: Array(Self.otpauth.utf8), correction: .medium, forcedMask: mask)
        #expect(code.mask == mask)
        try expectDecoded(code, equals: Self.otpauth)
    }

    /// A message that exactly fills each version at each level exercises every row of the block table, the
    /// terminator being cut off, and every alignment and version information layout.
    @Test(arguments: QRVersionTable.versions, QRCode.ErrorCorrection.allCases)
    func fullSymbolOfEveryVersionAndLevel(version: Int, correction: QRCode.ErrorCorrection) throws {
        let length = QRVersionTable.byteCapacity(version: version, correction: correction)
        let alphabet = Array("otpauth://totp/Zhurnal:ivanova?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&issuer=Zhurnal-")
        let text = String((0..<length).map { alphabet[($0 * 7 + version) % alphabet.count] })
        let code = try QRCode(text: text, correction: correction)
        #expect(code.version == version)
        try expectDecoded(code, equals: text, moduleSize: 2)
    }

    private func expectDecoded(_ code: QRCode, equals expected: String, moduleSize: Int = 4, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        guard ExternalDecoder.isAvailable else {
            // Only reached when CI is set: the suite is disabled otherwise.
            Issue.record("\(ExternalDecoder.missingToolsMessage)", sourceLocation: sourceLocation)
            return
        }
        let decoded = try ExternalDecoder.decode(svg: code.svg(moduleSize: moduleSize, label: "QR code"))
        #expect(decoded == expected, "version \(code.version), mask \(code.mask)", sourceLocation: sourceLocation)
    }
}
