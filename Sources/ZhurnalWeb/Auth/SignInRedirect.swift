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

    /// A `next` value that is safe to redirect to: a path on this site, not `//host` or a scheme.
    static func safeDestination(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains(":") else { return "/" }
        return next
    }
}
