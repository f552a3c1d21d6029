import Foundation
import ZhurnalCore
import ZhurnalStore

/// The e-mail digest of a person's notifications: a plain-text UTF-8 message in RFC 5322 form, handed to the system's
/// `sendmail` (DOMAIN.md §5). Addresses are checked before they are stored and again here, so that no header can be
/// injected through them.
public struct DigestMail: Sendable, Hashable {
    public let to: String
    public let text: String

    /// name@domain, with no spaces, line breaks or angle brackets.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.count <= 254, let domain = parts.last, let local = parts.first else { return false }
        let forbidden = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "<>()[],;:\"\\"))
        guard !local.isEmpty, domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { !forbidden.contains($0) && $0.isASCII }
    }

    /// Nil when there is nothing to tell or the address is not one.
    static func compose(to: String, from: String, schoolName: String, items: [FeedItem], baseURL: String, now: Date) -> DigestMail? {
        guard !items.isEmpty, isAddress(to), isAddress(from) else { return nil }
        let subject = "Дневник: \(items.count) \(RussianPlural.form(items.count, "новость", "новости", "новостей")) — \(schoolName)"
        var lines = ["Здравствуйте!", "", "Новое в электронном журнале школы «\(schoolName)»:", ""]
        for kind in NotificationKind.allCases {
            let ofKind = items.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            lines.append("\(kind.russianTitle):")
            for item in ofKind {
                let pupil = item.pupil.map { "\($0) — " } ?? ""
                lines.append("  • \(pupil)\(item.title). \(item.detail)")
                lines.append("    \(baseURL)\(NotificationReader.href(item.target))")
            }
            lines.append("")
        }
        lines.append("Отключить письма или выбрать, о чём сообщать: \(baseURL)/notifications")
        let date = Self.rfc5322Date(now)
        let header = [
            "From: \(from)",
            "To: \(to)",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(date)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        return DigestMail(to: to, text: (header + [""] + lines).joined(separator: "\r\n") + "\r\n")
    }

    private static func rfc5322Date(_ date: Date) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return format.string(from: date)
    }
}
