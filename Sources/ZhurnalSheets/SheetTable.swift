import Foundation
import ZhurnalCore

/// A list as a school keeps it in a spreadsheet: a header row naming the columns, then one row per record, each an
/// ``ImportRow`` remembering the line it came from so that a refusal can say «строка 14».
public struct SheetTable: Sendable, Hashable {
    public typealias Row = ImportRow

    public let header: [String]
    public let rows: [Row]

    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }
}

extension ImportRow {
    var isBlank: Bool { cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
}

/// The two formats a school's lists come in.
public enum SheetFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx

    /// An XLSX file is a ZIP archive, which starts with «PK\u{3}\u{4}»; anything else is read as CSV.
    public static func of(_ data: Data) -> SheetFormat {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .csv
    }

    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    public func read(_ data: Data) throws(SheetError) -> SheetTable {
        switch self {
        case .csv: try CSVSheet.read(data)
        case .xlsx: try XLSXSheet.read(data)
        }
    }

    public func write(_ table: SheetTable, sheetName: String) throws(SheetError) -> Data {
        switch self {
        case .csv: try CSVSheet.write(table)
        case .xlsx: try XLSXSheet.write(table, sheetName: sheetName)
        }
    }
}

/// A file that is not a table at all; the message is for the person who chose it.
public struct SheetError: Error, Sendable, Hashable {
    public let code: String
    public let russianMessage: String

    init(_ code: String, _ russianMessage: String) {
        self.code = code
        self.russianMessage = russianMessage
    }

    static let empty = SheetError("empty_file", "Файл пуст: в нём нет даже строки заголовков.")
    static let notXLSX = SheetError("bad_xlsx", "Файл не читается как таблица Excel (XLSX). Сохраните его заново или выгрузите в CSV.")
    static let tooLarge = SheetError("bad_xlsx", "Файл XLSX распаковывается в слишком большой объём: это не список школы.")
    static let notText = SheetError("bad_csv", "Файл не читается как CSV: это не текст в UTF-8 или Windows-1251.")
}
