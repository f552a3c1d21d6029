import CSV
import Foundation
import ZhurnalCore

/// CSV as Russian spreadsheets save it: often with «;» between fields and in Windows-1251, sometimes with «,» and in
/// UTF-8 with a byte-order mark. Written back in UTF-8 with the mark and «;», which Excel opens in Russian without
/// asking.
enum CSVSheet {
    static func read(_ data: Data) throws(SheetError) -> SheetTable {
        let text = try decode(data)
        // Quotes inside a quoted field are doubled, so a well-formed file has an even number of them; the reader
        // would otherwise swallow the rest of the file into one field.
        if text.unicodeScalars.lazy.filter({ $0 == "\"" }).count % 2 == 1 {
            throw SheetError("bad_csv", "В файле CSV незакрытые кавычки: проверьте, что каждая кавычка в поле удвоена.")
        }
        guard let firstLine = text.split(whereSeparator: \.isNewline).first else { throw .empty }
        let delimiter: UnicodeScalar = firstLine.filter { $0 == ";" }.count >= firstLine.filter { $0 == "," }.count ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            throw .notText
        }
        guard let header = reader.headerRow, header.contains(where: { !$0.isEmpty }) else { throw .empty }
        var rows: [SheetTable.Row] = []
        var line = 1
        while let cells = reader.next() {
            line += 1
            rows.append(SheetTable.Row(line: line, cells: cells.map(restored)))
        }
        if reader.error != nil { throw SheetError("bad_csv", "Файл CSV не читается после строки \(line).") }
        return SheetTable(header: header, rows: rows.filter { !$0.isBlank })
    }

    static func write(_ table: SheetTable) throws(SheetError) -> Data {
        do {
            let writer = try CSVWriter(stream: .toMemory(), delimiter: ";", newline: .crlf)
            try writer.write(row: table.header.map(inert))
            for row in table.rows {
                try writer.write(row: row.cells.map(inert))
            }
            writer.stream.close()
            let body = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
            return Data([0xEF, 0xBB, 0xBF]) + body
        } catch {
            throw SheetError("csv_write", "Не удалось записать CSV.")
        }
    }

    private static func decode(_ data: Data) throws(SheetError) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        if let text = String(data: bytes, encoding: .windowsCP1251) { return text }
        throw .notText
    }

    /// Excel runs a cell that starts with «=», «+», «-» or «@» as a formula, so text a parent or a teacher typed
    /// could become `=HYPERLINK(…)` in the administrator's spreadsheet; such a cell is written after an apostrophe,
    /// which Excel shows as text, and read back without it.
    static func inert(_ cell: String) -> String {
        guard let first = cell.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
}
