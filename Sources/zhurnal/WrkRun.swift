import Foundation

/// Debian's `wrk` load generator, run as a second process against the bench's server: 2 threads, 4 connections.
enum WrkRun {
    /// Requests a second `wrk` reports for `url` over `seconds`, after a two-second warm-up it is not counted in.
    static func requestsPerSecond(url: String, headers: [String], seconds: Int) async throws -> Double {
        _ = try await run(url: url, headers: headers, seconds: 2)
        let report = try await run(url: url, headers: headers, seconds: seconds)
        FileHandle.standardError.write(Data(report.utf8))
        guard let line = report.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
            let rate = Double(line.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces))
        else { throw CommandError(message: "wrk не сообщил число запросов в секунду:\n\(report)") }
        if let errors = report.split(separator: "\n").first(where: { $0.contains("Non-2xx") }) {
            throw CommandError(message: "wrk получил ошибки: \(errors)")
        }
        // wrk leaves with requests in flight; the server finishes them before the bench stops it and closes the
        // database, which a request still holding a connection would otherwise outlive.
        try await Task.sleep(for: .milliseconds(500))
        return rate
    }

    /// Waits for the process without blocking a thread of the cooperative pool, which also serves the requests.
    private static func run(url: String, headers: [String], seconds: Int) async throws -> String {
        guard let path = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw CommandError(message: "нет программы wrk: apt-get install wrk")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t2", "-c4", "-d\(seconds)s", "--latency"] + headers.flatMap { ["-H", $0] } + [url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                if finished.terminationStatus == 0 {
                    continuation.resume(returning: text)
                } else {
                    continuation.resume(throwing: CommandError(message: "wrk завершился с кодом \(finished.terminationStatus):\n\(text)"))
                }
            }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
    }
}
