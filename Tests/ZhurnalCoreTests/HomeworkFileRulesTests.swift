import Testing
import ZhurnalCore

/// Homework files: the allow-list by extension and first bytes, the limits, safe names and sizes in Russian.
struct HomeworkFileRulesTests {
    static let limits = HomeworkFileLimits(maxBytes: 1000, maxFiles: 3)
    static let pdf = Array("%PDF-1.7\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

    static func check(_ name: String, _ head: [UInt8], size: Int? = nil) -> Result<HomeworkFileKind, HomeworkRefusal> {
        HomeworkFileRules.check(name: name, size: size ?? head.count, head: head, limits: limits)
    }

    @Test func theStandardLimitsAreTenMegabytesAndTenFiles() {
        #expect(HomeworkFileLimits.standard.maxBytes == 10_485_760)
        #expect(HomeworkFileLimits.standard.maxFiles == 10)
    }

    @Test(arguments: [
        ("Задание.pdf", pdf, "application/pdf"), ("СКАН.PNG", png, "image/png"), ("фото.jpg", [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"),
        ("фото.JPEG", [0xFF, 0xD8, 0xFF, 0xDB], "image/jpeg"), ("a.gif", Array("GIF89a..".utf8), "image/gif"),
        ("a.webp", Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "image/webp"), ("текст.txt", Array("Упр. 5".utf8), "text/plain"),
        ("cp1251.txt", [0xD3, 0xEF, 0xF0, 0x2E, 0x20, 0x35], "text/plain"), ("a.rtf", Array("{\\rtf1\\ansi".utf8), "application/rtf"),
        ("a.docx", Array("PK\u{3}\u{4}xx".utf8), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("a.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], "application/msword"),
        ("a.odt", Array("PK\u{3}\u{4}mimetype".utf8), "application/vnd.oasis.opendocument.text"), ("a.mp3", Array("ID3\u{4}".utf8), "audio/mpeg"),
    ])
    func schoolFormatsPass(name: String, head: [UInt8], type: String) throws {
        #expect(try Self.check(name, head).get().contentType == type)
    }

    /// Pages, images that are scripts, programs and archives are not on the list, whatever their content.
    @Test(arguments: ["страница.html", "a.htm", "рисунок.svg", "a.js", "a.exe", "a.zip", "без расширения", ".pdf", "a.php"])
    func otherTypesAreRefusedByName(name: String) {
        #expect(Self.check(name, Self.pdf) == .failure(.fileTypeNotAllowed(name: name)))
    }

    @Test func contentMustMatchTheExtension() {
        #expect(Self.check("задание.pdf", Array("<html><script>".utf8)) == .failure(.fileContentMismatch(name: "задание.pdf", kind: "PDF")))
        #expect(Self.check("фото.png", Self.pdf) == .failure(.fileContentMismatch(name: "фото.png", kind: "изображение PNG")))
        #expect(Self.check("a.docx", Self.pdf) == .failure(.fileContentMismatch(name: "a.docx", kind: "документ Word")))
        #expect(
            Self.check("a.webp", Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8))
                == .failure(.fileContentMismatch(name: "a.webp", kind: "изображение WebP"))
        )
        // A binary renamed to .txt has NUL bytes.
        #expect(Self.check("a.txt", [0x4D, 0x5A, 0x90, 0x00]) == .failure(.fileContentMismatch(name: "a.txt", kind: "текст")))
    }

    @Test func sizeLimitsAreExactAndEmptyFilesAreRefused() {
        #expect((try? Self.check("a.pdf", Self.pdf, size: 1000).get()) != nil)
        #expect(Self.check("a.pdf", Self.pdf, size: 1001) == .failure(.fileTooLarge(name: "a.pdf", limitBytes: 1000)))
        #expect(Self.check("a.pdf", [], size: 0) == .failure(.fileEmpty(name: "a.pdf")))
        #expect(
            HomeworkRefusal.fileTooLarge(name: "a.pdf", limitBytes: 10 * 1024 * 1024).message
                == "Файл «a.pdf» больше 10 МБ: такой к заданию приложить нельзя."
        )
        #expect(HomeworkRefusal.fileTooLarge(name: "a.pdf", limitBytes: 1).isTooLarge)
        #expect(!HomeworkRefusal.tooManyFiles(limit: 10).isTooLarge)
        #expect(HomeworkRefusal.tooManyFiles(limit: 10).message == "К одному заданию можно приложить не больше 10 файлов.")
    }

    @Test(arguments: [
        ("Задание №3.pdf", "Задание №3.pdf"),
        ("C:\\Users\\Ольга\\Desktop\\лист.docx", "лист.docx"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("a\u{0}b\u{7}c.pdf", "abc.pdf"),
        ("фото\u{202E}fdp.exe", "фотоfdp.exe"),
        ("  . скан  1 .jpg. ", "скан 1 .jpg"),
        ("a<b>c:d\"e|f?g*.pdf", "abcdefg.pdf"),
        ("строка\nперевод\tтаб.txt", "строка перевод таб.txt"),
        ("", "файл"),
        (".pdf", "pdf"),
        ("...", "файл"),
        ("CON.txt", "_CON.txt"),
        ("com1.pdf", "_com1.pdf"),
        ("zero\u{200B}width\u{FEFF}.pdf", "zerowidth.pdf"),
    ])
    func namesAreMadeSafe(sent: String, safe: String) {
        #expect(HomeworkFileRules.safeName(sent) == safe)
    }

    @Test func longNamesKeepTheirExtension() {
        let long = String(repeating: "я", count: 300) + ".pdf"
        let safe = HomeworkFileRules.safeName(long)
        #expect(safe.count == HomeworkFileRules.maxNameLength)
        #expect(safe.hasSuffix("я.pdf"))
        #expect(HomeworkFileRules.safeName(safe) == safe)
    }

    @Test(arguments: [
        (0, "0 байт"), (1023, "1023 байт"), (1024, "1 КБ"), (1535, "1 КБ"), (1536, "2 КБ"), (1_048_575, "1024 КБ"),
        (1_048_576, "1 МБ"), (3_565_158, "3,4 МБ"), (10_485_760, "10 МБ"),
    ])
    func sizesReadAsRussiansWriteThem(bytes: Int, text: String) {
        #expect(HomeworkFileRules.sizeText(bytes) == text)
    }

    @Test func theListNamesEveryExtensionOnce() {
        let extensions = HomeworkFileRules.kinds.map(\.fileExtension)
        #expect(Set(extensions).count == extensions.count)
        #expect(HomeworkFileRules.allowedList.hasPrefix("pdf, jpg, jpeg, png"))
        #expect(!extensions.contains("html") && !extensions.contains("svg"))
    }
}
