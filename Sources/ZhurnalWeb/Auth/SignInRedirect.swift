import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// Sends a person to the sign-in page and back to where he was going afterwards. Only a local path is ever a
/// destination, so the `next` parameter cannot send anyone to another site.
enum SignInRedirect {
    static func response(returningTo uri: URI) -> Response {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/-_"))
        let next = uri.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
        let target = uri.path == "/" ? "/login" : "/login?next=" + next
        return .redirect(to: target, type: .normal)
    }

    /// A `next` value that is safe to redirect to: a path on this site made of letters, digits and `/ _ - .` only.
    /// Anything else — `//host`, a scheme, a backslash, and the tabs and line breaks browsers strip before reading
    /// `/\t/host` as `//host` — sends the person to the start page instead.
    static func safeDestination(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
            next.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/_-.".unicodeScalars.contains($0)) })
        else { return "/" }
        return next
    }
}
