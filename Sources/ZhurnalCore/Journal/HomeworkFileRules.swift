/// How large and how many files a homework may carry. A constant for now (10 MB a file, 10 files a homework); the
/// web layer takes it from its dependencies, so a server option or a school setting can change it later.
public struct HomeworkFileLimits: Sendable, Hashable {
    public var maxBytes: Int
    public var maxFiles: Int

    public init(maxBytes: Int, maxFiles: Int) {
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
    }

    public static let standard = HomeworkFileLimits(maxBytes: 10 * 1024 * 1024, maxFiles: 10)
}

/// A kind of file a school attaches to homework: worksheets, scans, presentations, plain text. The type a download
/// is served with comes from here, never from what the uploader's browser claimed.
public struct HomeworkFileKind: Sendable, Hashable {
    public let fileExtension: String
    public let contentType: String
    /// What the kind is called in a message: «PDF», «документ Word».
    public let label: String
    let signature: Signature

    enum Signature: Sendable, Hashable {
        /// The file starts with one of these byte strings.
        case prefix([[UInt8]])
        /// RIFF container of WebP: `RIFF`, four bytes of length, `WEBP`.
        case webp
        /// Plain text in any encoding (Windows-1251 included): no NUL byte in what was looked at.
        case text
    }
}

/// The allow-list of homework files (SECURITY.md, Uploads: type by content and extension): common school formats,
/// each checked by its extension and, cheaply, by its first bytes. HTML, SVG, scripts and programs are not on it:
/// whatever the list lets in is served only as an attachment.
public enum HomeworkFileRules {
    static let zip: [[UInt8]] = [Array("PK\u{3}\u{4}".utf8)]
    /// The Compound File of Office 97–2003 documents.
    static let ole: [[UInt8]] = [[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]]

    public static let kinds: [HomeworkFileKind] = [
        .init(fileExtension: "pdf", contentType: "application/pdf", label: "PDF", signature: .prefix([Array("%PDF-".utf8)])),
        .init(fileExtension: "jpg", contentType: "image/jpeg", label: "изображение JPEG", signature: .prefix([[0xFF, 0xD8, 0xFF]])),
        .init(fileExtension: "jpeg", contentType: "image/jpeg", label: "изображение JPEG", signature: .prefix([[0xFF, 0xD8, 0xFF]])),
        .init(
            fileExtension: "png",
            contentType: "image/png",
            label: "изображение PNG",
            signature: .prefix([[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]])
        ),
        .init(
            fileExtension: "gif",
            contentType: "image/gif",
            label: "изображение GIF",
            signature: .prefix([Array("GIF87a".utf8), Array("GIF89a".utf8)])
        ),
        .init(fileExtension: "webp", contentType: "image/webp", label: "изображение WebP", signature: .webp),
        .init(fileExtension: "txt", contentType: "text/plain", label: "текст", signature: .text),
        .init(fileExtension: "rtf", contentType: "application/rtf", label: "документ RTF", signature: .prefix([Array("{\\rtf".utf8)])),
        .init(fileExtension: "doc", contentType: "application/msword", label: "документ Word", signature: .prefix(ole)),
        .init(
            fileExtension: "docx",
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            label: "документ Word",
            signature: .prefix(zip)
        ),
        .init(fileExtension: "xls", contentType: "application/vnd.ms-excel", label: "таблицу Excel", signature: .prefix(ole)),
        .init(
            fileExtension: "xlsx",
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            label: "таблицу Excel",
            signature: .prefix(zip)
        ),
        .init(fileExtension: "ppt", contentType: "application/vnd.ms-powerpoint", label: "презентацию PowerPoint", signature: .prefix(ole)),
        .init(
            fileExtension: "pptx",
            contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            label: "презентацию PowerPoint",
            signature: .prefix(zip)
        ),
        .init(fileExtension: "odt", contentType: "application/vnd.oasis.opendocument.text", label: "документ ODF", signature: .prefix(zip)),
        .init(
            fileExtension: "ods",
            contentType: "application/vnd.oasis.opendocument.spreadsheet",
            label: "таблицу ODF",
            signature: .prefix(zip)
        ),
        .init(
            fileExtension: "odp",
            contentType: "application/vnd.oasis.opendocument.presentation",
            label: "презентацию ODF",
            signature: .prefix(zip)
        ),
        .init(
            fileExtension: "mp3",
            contentType: "audio/mpeg",
            label: "запись MP3",
            signature: .prefix([Array("ID3".utf8), [0xFF, 0xFB], [0xFF, 0xF3], [0xFF, 0xF2]])
        ),
    ]

    /// How many first bytes ``check(name:size:head:limits:)`` looks at.
    public static let sniffedBytes = 512

    /// The extensions of the list, for a message and the upload field's `accept`.
    public static let allowedList = kinds.map(\.fileExtension).joined(separator: ", ")

    /// The kind of an allowed file, or why it is refused: empty, too large, of a type not on the list, or with
    /// content that does not match its extension. `name` is the already made-safe name (see ``safeName(_:)``),
    /// `head` the file's first bytes (at least ``sniffedBytes`` of them when it has that many).
    public static func check(name: String, size: Int, head: [UInt8], limits: HomeworkFileLimits) -> Result<HomeworkFileKind, HomeworkRefusal> {
        if size == 0 { return .failure(.fileEmpty(name: name)) }
        if size > limits.maxBytes { return .failure(.fileTooLarge(name: name, limitBytes: limits.maxBytes)) }
        guard let kind = kind(of: name) else { return .failure(.fileTypeNotAllowed(name: name)) }
        guard matches(kind.signature, head) else { return .failure(.fileContentMismatch(name: name, kind: kind.label)) }
        return .success(kind)
    }

    /// The allowed kind for a file name's extension, whatever its case.
    public static func kind(of name: String) -> HomeworkFileKind? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = String(name[name.index(after: dot)...]).lowercased()
        return kinds.first { $0.fileExtension == suffix }
    }

    static func matches(_ signature: HomeworkFileKind.Signature, _ head: [UInt8]) -> Bool {
        switch signature {
        case .prefix(let options):
            return options.contains { head.starts(with: $0) }
        case .webp:
            return head.count >= 12 && head.starts(with: Array("RIFF".utf8)) && Array(head[8..<12]) == Array("WEBP".utf8)
        case .text:
            return !head.prefix(sniffedBytes).contains(0)
        }
    }

    // MARK: Names

    /// The longest name kept, in characters; a longer stem is cut, the extension stays.
    public static let maxNameLength = 120

    /// A file name safe to store and to send back: the last part of whatever path the browser sent, without control
    /// and direction-changing characters (the «фото‮fdp.exe» trick), without the characters Windows forbids, without
    /// leading or trailing spaces and dots, no longer than ``maxNameLength``; never empty.
    public static func safeName(_ raw: String) -> String {
        let last = raw.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in last.unicodeScalars {
            // Tabs and line breaks are spaces here; other controls go.
            let space = scalar.properties.isWhitespace
            if !space, dropped(scalar) { continue }
            if space, lastWasSpace { continue }
            scalars.append(space ? " " : scalar)
            lastWasSpace = space
        }
        var name = String(scalars)
        while let first = name.first, first == " " || first == "." { name.removeFirst() }
        while let last = name.last, last == " " || last == "." { name.removeLast() }
        var stem = name
        var suffix = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
            suffix = String(name[dot...])
        }
        if stem.isEmpty { stem = "файл" }
        if reservedOnWindows.contains(stem.uppercased()) { stem = "_" + stem }
        if suffix.count >= maxNameLength { suffix = "" }
        let room = maxNameLength - suffix.count
        if stem.count > room { stem = String(stem.prefix(room)).trimmingWhitespace() }
        return stem + suffix
    }

    static let forbidden: Set<Unicode.Scalar> = ["<", ">", ":", "\"", "/", "\\", "|", "?", "*"]
    static let reservedOnWindows = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    static func dropped(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        // Direction marks, embeddings, overrides and isolates; zero-width characters and the byte-order mark.
        if [0x200E, 0x200F, 0x061C, 0xFEFF].contains(value) || (0x200B...0x200D).contains(value) { return true }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }
        return forbidden.contains(scalar)
    }

    // MARK: Sizes

    /// A size as a Russian reader expects it: «900 байт», «12 КБ», «3,4 МБ».
    public static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) байт" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) КБ" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) МБ" : "\(tenths / 10),\(tenths % 10) МБ"
    }
}
