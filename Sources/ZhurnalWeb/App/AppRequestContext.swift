import Hummingbird
import Logging
import NIOCore
import ZhurnalCore
import ZhurnalStore

/// The request context of every route: Hummingbird's core storage plus who is asking. `SessionMiddleware` fills in
/// the session; routes read `actor` through ``requireActor()`` and ask ``AccessPolicy`` through `Access`.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's address as the socket saw it; nil in in-process tests.
    let peerAddress: String?
    /// The open session of this request, whatever its stage.
    var session: SessionRecord?
    /// The token of the anonymous pre-session, for the CSRF check of the sign-in form.
    var anonymousToken: String?
    /// The client's address as logged and throttled (the proxy's `X-Forwarded-For` when it is trusted).
    var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// A session past all its sign-in stages.
    var actor: Actor? {
        guard let session, session.stage == .active else { return nil }
        return session.actor
    }

    /// Pages and API routes that need a signed-in person call this first.
    func requireActor() throws -> Actor {
        guard let actor else { throw AppError.signInRequired }
        return actor
    }

    /// The form limit: pages post short forms; uploads come with the journal's files and set their own.
    public var maxUploadSize: Int { 64 * 1024 }

    /// JSON bodies that do not fit are answered in Russian, naming the field.
    public var requestDecoder: RussianJSONDecoder { RussianJSONDecoder() }
}
