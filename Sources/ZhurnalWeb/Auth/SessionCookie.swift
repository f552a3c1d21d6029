import Foundation
import Hummingbird
import ZhurnalStore

/// The session cookie and the anonymous pre-session cookie of the sign-in form. Over TLS both are `__Host-`
/// prefixed and Secure, so no other site or subdomain can set them; always HttpOnly and SameSite=Lax.
struct SessionCookie: Sendable {
    let secure: Bool

    var sessionName: String { secure ? "__Host-zhurnal" : "zhurnal" }
    var anonymousName: String { secure ? "__Host-zhurnal-pre" : "zhurnal-pre" }

    func session(_ token: SessionToken) -> Cookie {
        Cookie(name: sessionName, value: token.text, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func anonymous(_ value: String) -> Cookie {
        Cookie(name: anonymousName, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Tells the browser to forget the session cookie.
    var cleared: Cookie {
        Cookie(name: sessionName, value: "", expires: Date(timeIntervalSince1970: 0), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
