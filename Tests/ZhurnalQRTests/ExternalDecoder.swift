import Foundation

/// Reads symbols back with independent tools: `rsvg-convert` rasterises the SVG exactly as a browser would see it,
/// and ZBar's `zbarimg` decodes the picture. Agreement with a decoder we did not write is the only check that
/// catches a mistake made consistently in both the encoder and its hand-written expectations.
enum ExternalDecoder {
    static let rsvgConvert = executable(named: "rsvg-convert")
    static let zbarimg = executable(named: "zbarimg")

    static var isAvailable: Bool {
        rsvgConvert != nil && zbarimg != nil
    }

    /// On CI a missing tool is a broken environment, not a reason to skip.
    static var isRequired: Bool {
        ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// Names each missing tool with the Debian package that provides it.
    static var missingToolsMessage: String {
        let missing = [("zbarimg", "zbar-tools", zbarimg), ("rsvg-convert", "librsvg2-bin", rsvgConvert)]
            .filter { $0.2 == nil }
            .map { "\($0.0) (Debian package \($0.1))" }
        return "QR decoding tests need zbarimg and rsvg-convert; not found on PATH: \(missing.joined(separator: ", ")). "
            + "Install with: apt-get install -y zbar-tools librsvg2-bin"
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The decoded text of the single symbol in `svg`, without the newline `zbarimg` appends.
    static func decode(svg: String) throws -> String {
        guard let rsvgConvert, let zbarimg else {
            throw Failure(description: missingToolsMessage)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhurnal-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: directory)
        }
        let svgFile = directory.appendingPathComponent("code.svg")
        let pngFile = directory.appendingPathComponent("code.png")
        try Data(svg.utf8).write(to: svgFile)

        _ = try run(rsvgConvert, ["--format=png", "--output", pngFile.path, svgFile.path])
        var text = try run(zbarimg, ["--raw", "-q", pngFile.path])
        if text.hasSuffix("\n") {
            text.removeLast()
        }
        return text
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting so a full pipe cannot stall the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let name = URL(fileURLWithPath: executable).lastPathComponent
            throw Failure(
                description: "\(name) exited with status \(process.terminationStatus): \(String(decoding: errorData, as: UTF8.self))"
            )
        }
        return String(decoding: outputData, as: UTF8.self)
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}
