import Foundation

/// Reading what a page shows, the way a person reads it: the slips printed, the links offered, the rows of a table.
enum PageText {
    /// One printed credential slip.
    struct Slip: Sendable, Equatable {
        let fullName: String
        let address: String
        let login: String
        let password: String
    }

    /// The slips of a slips page, in the order printed.
    static func slips(_ html: String) -> [Slip] {
        html.components(separatedBy: "<article class=\"slip\">").dropFirst().map { block in
            Slip(
                fullName: between(block, "<h2>", "</h2>") ?? "",
                address: between(block, "<dt>Адрес</dt><dd><code>", "</code>") ?? "",
                login: between(block, "<dt>Логин</dt><dd><code>", "</code>") ?? "",
                password: between(block, "<code class=\"password\">", "</code>") ?? ""
            )
        }
    }

    /// The targets of the links whose target starts with `prefix`, with `&amp;` read as `&`.
    static func links(_ html: String, startingWith prefix: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let target = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            return target.hasPrefix(prefix) ? target : nil
        }
    }

    /// The link whose text is `label`, with `&amp;` read as `&`.
    static func link(_ html: String, labelled label: String) -> String? {
        for piece in html.components(separatedBy: "<a href=\"").dropFirst() {
            guard let end = piece.firstIndex(of: "\"") else { continue }
            let rest = piece[piece.index(after: end)...]
            if rest.hasPrefix(">" + label) {
                return String(piece[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            }
        }
        return nil
    }

    /// A target as a request line carries it: letters outside ASCII and spaces percent-encoded, escapes already
    /// there kept.
    static func uri(_ target: String) -> String {
        let allowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(CharacterSet(charactersIn: "%"))
        return target.addingPercentEncoding(withAllowedCharacters: allowed) ?? target
    }

    /// The cells of each body row of the first table, as text.
    static func rows(_ html: String) -> [[String]] {
        guard let body = between(html, "<tbody>", "</tbody>") else { return [] }
        return body.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<td>").dropFirst().map { cell in
                let raw = cell.components(separatedBy: "</td>")[0]
                return raw.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let from = text.range(of: start) else { return nil }
        guard let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }
}
