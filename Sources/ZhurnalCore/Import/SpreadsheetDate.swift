extension LocalDate {
    /// A date as a school's spreadsheet holds it: «01.09.2026» (the day may be «1.9.2026»), «2026-09-01», or the day
    /// number Excel stores when the cell is formatted as a date (days since 30 December 1899).
    public init?(spreadsheet text: String) {
        let text = text.trimmingWhitespace()
        if let date = LocalDate(iso: text) {
            self = date
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), parts[2].count == 4,
            parts[0].count <= 2, parts[1].count <= 2, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        {
            guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
            self = date
            return
        }
        // 1900-01-01 … 2199-12-31 in Excel's day numbers; anything else is not a date typed as a number.
        if !text.isEmpty, text.count <= 6, text.allSatisfy(\.isASCIIDigit), let serial = Int(text), (1...109_938).contains(serial) {
            self = LocalDate(dayNumber: serial - 25_569)
            return
        }
        return nil
    }
}
