import Foundation

/// The parameters of a header like `Content-Disposition: form-data; name="file"; filename="Задание 1.pdf"` or
/// `Content-Type: multipart/form-data; boundary=----x` (RFC 9110 §5.6.6): tokens or quoted strings, names in any
/// case, and RFC 8187's `filename*=UTF-8''…` preferred over the plain form when both are sent.
struct HeaderParameters {
    /// The value before the first `;`, lowercased: `form-data`, `multipart/form-data`.
    let value: String
    /// Parameter names lowercased; an extended `name*` is decoded and stored under `name`.
    let parameters: [String: String]

    subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    init(_ header: String) {
        var scanner = Substring(header)
        value = Self.take(&scanner, upTo: ";").trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        var extended: [String: String] = [:]
        while !scanner.isEmpty {
            scanner = scanner.drop { $0 == ";" || $0 == " " || $0 == "\t" }
            let name = Self.take(&scanner, upTo: "=").trimmingCharacters(in: .whitespaces).lowercased()
            guard !scanner.isEmpty else { break }
            scanner = scanner.dropFirst().drop { $0 == " " || $0 == "\t" }
            let raw: String
            if scanner.first == "\"" {
                raw = Self.quoted(&scanner)
                _ = Self.take(&scanner, upTo: ";")
            } else {
                raw = Self.take(&scanner, upTo: ";").trimmingCharacters(in: .whitespaces)
            }
            guard !name.isEmpty else { continue }
            if name.hasSuffix("*") {
                if let decoded = Self.extendedValue(raw) { extended[String(name.dropLast())] = decoded }
            } else {
                plain[name] = raw
            }
        }
        parameters = plain.merging(extended) { _, extended in extended }
    }

    /// Everything up to `separator` (not included); the scanner is left at the separator.
    private static func take(_ scanner: inout Substring, upTo separator: Character) -> String {
        let end = scanner.firstIndex(of: separator) ?? scanner.endIndex
        let taken = String(scanner[..<end])
        scanner = scanner[end...]
        return taken
    }

    /// A quoted string with its escapes `\"` and `\\` undone; the scanner is left after the closing quote. A backslash
    /// before anything else stays, as in the whole Windows path old browsers send as a file name (`C:\Фото\лист.pdf`).
    private static func quoted(_ scanner: inout Substring) -> String {
        var result = ""
        var index = scanner.index(after: scanner.startIndex)
        while index < scanner.endIndex {
            let character = scanner[index]
            if character == "\\", scanner.index(after: index) < scanner.endIndex, ["\"", "\\"].contains(scanner[scanner.index(after: index)]) {
                index = scanner.index(after: index)
                result.append(scanner[index])
            } else if character == "\"" {
                index = scanner.index(after: index)
                break
            } else {
                result.append(character)
            }
            index = scanner.index(after: index)
        }
        scanner = scanner[index...]
        return result
    }

    /// `UTF-8''%D0%97%D0%B0…` decoded; other charsets than UTF-8 are not worth guessing.
    private static func extendedValue(_ raw: String) -> String? {
        let parts = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        return String(parts[2]).removingPercentEncoding
    }
}
