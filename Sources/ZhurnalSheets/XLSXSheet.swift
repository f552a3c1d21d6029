import Foundation
import XMLCoder
import ZIPFoundation
import ZhurnalCore

/// The first worksheet of an XLSX workbook as a ``SheetTable``, and a table written as a one-sheet workbook.
enum XLSXSheet {
    static func read(_ data: Data) throws(SheetError) -> SheetTable {
        do {
            let archive = try Archive(data: data, accessMode: .read)
            let strings =
                try part("xl/sharedStrings.xml", of: archive).map {
                    try decoder.decode(XLSXParts.SharedStrings.self, from: $0).si?.map(\.string) ?? []
                } ?? []
            guard let sheet = try part(try firstSheetPath(of: archive), of: archive) else { throw SheetError.notXLSX }
            let rows = try decoder.decode(XLSXParts.Worksheet.self, from: sheet).sheetData.row ?? []
            var lines: [SheetTable.Row] = []
            var previous = 0
            // Sparse references could otherwise make a small sheet allocate a huge grid of empty cells.
            var allocated = 0
            for row in rows {
                let line = row.r ?? previous + 1
                previous = line
                var cells: [String] = []
                for (position, cell) in (row.c ?? []).enumerated() {
                    let column =
                        try cell.r.map { reference throws(SheetError) in
                            guard let index = columnIndex(reference) else { throw SheetError.notXLSX }
                            return index
                        } ?? position
                    guard column < maxColumns else { throw SheetError.notXLSX }
                    if cells.count <= column {
                        allocated += column + 1 - cells.count
                        guard allocated <= maxCells else { throw SheetError.tooLarge }
                        cells += Array(repeating: "", count: column + 1 - cells.count)
                    }
                    cells[column] = text(of: cell, strings: strings).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                lines.append(SheetTable.Row(line: line, cells: cells))
            }
            guard let header = lines.first, !header.isBlank else { throw SheetError.empty }
            return SheetTable(header: header.cells, rows: lines.dropFirst().filter { !$0.isBlank })
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError.notXLSX
        }
    }

    static func write(_ table: SheetTable, sheetName: String) throws(SheetError) -> Data {
        let rows = ([SheetTable.Row(line: 1, cells: table.header)] + table.rows).enumerated().map { number, row in
            XLSXParts.WrittenSheet.Row(
                r: number + 1,
                c: row.cells.enumerated().map { column, value in
                    .init(r: "\(columnName(column))\(number + 1)", is: .init(t: printable(value)))
                }
            )
        }
        do {
            let sheet = try XMLEncoder().encode(
                XLSXParts.WrittenSheet(sheetData: .init(row: rows)),
                withRootKey: "worksheet",
                rootAttributes: ["xmlns": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"],
                header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes")
            )
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, content) in XLSXPackage.parts(sheetName: sheetName) + [("xl/worksheets/sheet1.xml", sheet)] {
                try archive.addEntry(
                    with: path,
                    type: .file,
                    uncompressedSize: Int64(content.count),
                    compressionMethod: .deflate
                ) { position, size in
                    content.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                }
            }
            guard let data = archive.data else { throw SheetError("xlsx_write", "Не удалось записать XLSX.") }
            return data
        } catch {
            throw SheetError("xlsx_write", "Не удалось записать XLSX.")
        }
    }

    private static var decoder: XMLDecoder {
        let decoder = XMLDecoder()
        decoder.trimValueWhitespaces = false
        return decoder
    }

    /// Cells a list may spread over: a school of 20 000 pupils with every column filled is far below.
    static let maxCells = 2_000_000
    /// Excel's own limit, XFD: a reference beyond it is not a spreadsheet's.
    static let maxColumns = 16_384
    /// A school's list unpacks to a few megabytes; a part far beyond that is a zip bomb, refused before it fills memory.
    static let maxPartBytes = 64 * 1024 * 1024

    private static func part(_ path: String, of archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maxPartBytes else { throw SheetError.tooLarge }
        var data = Data()
        _ = try archive.extract(entry) { chunk in
            data.append(chunk)
            if data.count > maxPartBytes { throw SheetError.tooLarge }
        }
        return data
    }

    /// The workbook names its sheets in order and the relationships say where each one's part is.
    private static func firstSheetPath(of archive: Archive) throws -> String {
        guard let workbook = try part("xl/workbook.xml", of: archive),
            let relationships = try part("xl/_rels/workbook.xml.rels", of: archive),
            let first = try decoder.decode(XLSXParts.Workbook.self, from: workbook).sheets.sheet.first,
            let target = try decoder.decode(XLSXParts.Relationships.self, from: relationships).relationship
                .first(where: { $0.id == first.relationship })?.target
        else { return "xl/worksheets/sheet1.xml" }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    private static func text(of cell: XLSXParts.Worksheet.Cell, strings: [String]) -> String {
        switch cell.t {
        case "s": cell.v.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr": cell.is?.string ?? ""
        default: cell.v.map(number) ?? ""
        }
    }

    /// Whole numbers come back as «5», not «5.0», whatever program saved them.
    private static func number(_ text: String) -> String {
        guard let value = Double(text), value == value.rounded(), abs(value) < 1e15 else { return text }
        return String(Int64(value))
    }

    /// «AB12» → 27: the Latin letters count in base 26 with A = 1; nil for anything but one to three of them.
    static func columnIndex(_ reference: String) -> Int? {
        let letters = reference.unicodeScalars.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        guard (1...3).contains(letters.count) else { return nil }
        return letters.reduce(0) { $0 * 26 + Int(UnicodeScalar($1.value & ~0x20)!.value) - 64 } - 1
    }

    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// XML 1.0 has no place for control characters other than tab and line breaks.
    private static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }
}
