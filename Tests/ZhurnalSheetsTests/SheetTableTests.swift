import Foundation
import Testing
import ZhurnalCore

@testable import ZhurnalSheets

@Suite struct SheetTableTests {
    let table = SheetTable(
        header: ["Фамилия", "Имя", "Класс"],
        rows: [
            .init(line: 2, cells: ["Ёлкина", "Анна", "5А"]),
            .init(line: 3, cells: ["О'Нил; \"младший\"", "Пётр <b>&", "11Б"]),
        ]
    )

    @Test(arguments: SheetFormat.allCases)
    func aWrittenTableReadsBackTheSame(format: SheetFormat) throws {
        let data = try format.write(table, sheetName: "Ученики")
        #expect(SheetFormat.of(data) == format)
        #expect(try format.read(data) == table)
    }

    @Test func csvFromRussianExcelInWindows1251WithSemicolons() throws {
        let text = "Фамилия;Имя;Класс\r\nИванов;Пётр;5А\r\n;;\r\nСидорова;Мария;6Б\r\n"
        let table = try SheetFormat.csv.read(text.data(using: .windowsCP1251)!)
        #expect(table.header == ["Фамилия", "Имя", "Класс"])
        #expect(table.rows == [.init(line: 2, cells: ["Иванов", "Пётр", "5А"]), .init(line: 4, cells: ["Сидорова", "Мария", "6Б"])])
    }

    @Test func csvWithCommasAndAByteOrderMark() throws {
        let table = try SheetFormat.csv.read(Data([0xEF, 0xBB, 0xBF]) + Data("Фамилия,Имя\n\"Петров, мл.\",Олег\n".utf8))
        #expect(table.header == ["Фамилия", "Имя"])
        #expect(table.rows.first?.cells == ["Петров, мл.", "Олег"])
    }

    @Test func aFormulaTypedAsTextStaysTextInExcel() throws {
        let table = SheetTable(
            header: ["Кем приходится"],
            rows: [.init(line: 2, cells: ["=HYPERLINK(\"http://x\")"]), .init(line: 3, cells: ["мать"])]
        )
        let data = try SheetFormat.csv.write(table, sheetName: "")
        #expect(String(decoding: data, as: UTF8.self).contains("'=HYPERLINK"))
        #expect(try SheetFormat.csv.read(data) == table)
    }

    @Test func emptyAndBrokenFilesAreRefusedWithAReason() {
        #expect(throws: SheetError.empty) { try SheetFormat.csv.read(Data()) }
        #expect(throws: SheetError.notXLSX) { try SheetFormat.xlsx.read(Data("PK\u{3}\u{4}garbage".utf8)) }
        #expect(throws: SheetError.self) { try SheetFormat.csv.read(Data("a;b\n\"unterminated;x\n".utf8)) }
    }

    @Test func columnReferences() {
        #expect(XLSXSheet.columnIndex("A1") == 0)
        #expect(XLSXSheet.columnIndex("Z9") == 25)
        #expect(XLSXSheet.columnIndex("AB12") == 27)
        #expect(XLSXSheet.columnName(0) == "A")
        #expect(XLSXSheet.columnName(27) == "AB")
        #expect(XLSXSheet.columnName(701) == "ZZ")
        #expect(XLSXSheet.columnName(702) == "AAA")
        #expect(XLSXSheet.columnIndex("ab12") == 27)
        // Beyond three letters, or not Latin: no column of a spreadsheet, and no arithmetic overflow either.
        #expect(XLSXSheet.columnIndex("AAAAAAAAAAAAAAA1") == nil)
        #expect(XLSXSheet.columnIndex("ЖЖ1") == nil)
        #expect(XLSXSheet.columnIndex("12") == nil)
    }
}
