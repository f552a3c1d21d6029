import Foundation
import Hummingbird

extension Request {
    /// The fields of a page's form. Fields are optional in the form types, so that a missing one gets the route's
    /// own Russian message rather than a decoding error.
    func form<Form: Decodable>(_ type: Form.Type, context: AppRequestContext) async throws -> Form {
        try await URLEncodedFormDecoder().decode(type, from: self, context: context)
    }
}

extension Optional where Wrapped == String {
    /// The value with surrounding spaces removed, or nil when nothing is left.
    var trimmed: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
