// Small text helpers: the core has no Foundation, so trimming is written here once.

extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines, no-break spaces).
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}

extension Character {
    /// `0`–`9` only: fullwidth, Arabic-Indic and other Unicode digits are deliberately not digits here.
    var isASCIIDigit: Bool {
        isASCII && isWholeNumber
    }
}

/// Quotes user input for an error message, shortened so that a pasted paragraph does not flood the page.
func quotedInput(_ text: String) -> String {
    let limit = 20
    let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
    return "«" + shown + "»"
}
