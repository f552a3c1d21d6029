/// A rule of the school's set-up or correspondence said no: a stable code for programs and the reason in Russian for
/// people, passed on as it is by the pages and the API.
public struct RuleRefusal: Error, Sendable, Hashable {
    public let code: String
    public let russianMessage: String

    public init(code: String, russianMessage: String) {
        self.code = code
        self.russianMessage = russianMessage
    }
}
