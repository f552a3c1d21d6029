import Foundation

/// The `Content-Disposition` of a download (RFC 6266): always `attachment`, so that no uploaded file is rendered by
/// the browser in the site's origin; the name twice — an ASCII fallback for old clients, and the exact name in
/// RFC 8187's `filename*=UTF-8''…` that every current browser prefers, so «Задание №3.pdf» arrives as it was.
enum ContentDisposition {
    static func attachment(fileName: String) -> String {
        "attachment; filename=\"\(asciiFallback(fileName))\"; filename*=UTF-8''\(percentEncoded(fileName))"
    }

    /// The name with every character outside printable ASCII — and the quote and backslash a quoted string would
    /// need escaped — replaced by `_`; the extension survives, so the file still opens.
    static func asciiFallback(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar in
                    (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\" ? scalar : "_"
                }
            )
        )
    }

    /// RFC 8187's `attr-char` left as is, every other byte of the UTF-8 as `%XX`.
    static func percentEncoded(_ name: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? asciiFallback(name)
    }
}
