import XMLCoder

/// The parts of an Office Open XML workbook that a list needs, as XMLCoder reads and writes them (ECMA-376 part 1,
/// §18): the workbook's sheets, their relationships, the shared strings and a worksheet's rows of cells.
enum XLSXParts {
    struct Workbook: Decodable {
        let sheets: Sheets

        struct Sheets: Decodable {
            let sheet: [Sheet]
        }

        struct Sheet: Decodable {
            let name: String
            let relationship: String

            enum CodingKeys: String, CodingKey {
                case name
                case relationship = "r:id"
            }
        }
    }

    struct Relationships: Decodable {
        let relationship: [Relationship]

        enum CodingKeys: String, CodingKey {
            case relationship = "Relationship"
        }

        struct Relationship: Decodable {
            let id: String
            let target: String

            enum CodingKeys: String, CodingKey {
                case id = "Id"
                case target = "Target"
            }
        }
    }

    /// A piece of text: `<t>` holds it directly, or rich text splits it into runs `<r><t>…</t></r>`.
    struct Text: Decodable {
        let t: Value?
        let r: [Run]?

        struct Run: Decodable {
            let t: Value?
        }

        var string: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
    }

    /// An element's text, whatever attributes (`xml:space`) it carries.
    struct Value: Codable {
        let value: String?

        enum CodingKeys: String, CodingKey {
            case value = ""
        }
    }

    struct SharedStrings: Decodable {
        let si: [Text]?
    }

    struct Worksheet: Decodable {
        let sheetData: SheetData

        struct SheetData: Decodable {
            let row: [Row]?
        }

        struct Row: Decodable {
            let r: Int?
            let c: [Cell]?
        }

        struct Cell: Decodable {
            let r: String?
            let t: String?
            let v: String?
            let `is`: Text?
        }
    }

    /// What is written: every cell an inline string, so no shared-strings part is needed and nothing is taken for a
    /// number or a date by the program that opens it.
    struct WrittenSheet: Encodable {
        let sheetData: SheetData

        struct SheetData: Encodable {
            let row: [Row]
        }

        struct Row: Encodable, DynamicNodeEncoding {
            let r: Int
            let c: [Cell]

            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
                key.stringValue == "r" ? .attribute : .element
            }
        }

        struct Cell: Encodable, DynamicNodeEncoding {
            let r: String
            let t = "inlineStr"
            let `is`: InlineString

            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
                key.stringValue == "is" ? .element : .attribute
            }
        }

        struct InlineString: Encodable {
            let t: String
        }
    }
}
