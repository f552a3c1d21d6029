import Hummingbird
import MultipartKit
import NIOCore

/// The CSRF token of a page's upload form, which a browser can only send in the form itself. Our upload forms put
/// the hidden `_csrf` field first, and browsers send fields in the form's order, so the check reads the body only
/// up to the end of that first part — a few hundred bytes, never the files — and hands the route the whole body
/// again: those bytes replayed, then the rest of the same stream.
enum MultipartCSRF {
    /// The most bytes read while looking for the first part's end; a form whose first field is not the token, or
    /// whose token part is longer, fails the check.
    static let searchLimit = 8 * 1024

    /// The value of the body's first part if it is named `field`, and the body to pass on in any case.
    static func leadingField(_ field: String, of body: RequestBody, boundary: String) async throws -> (value: String?, body: RequestBody) {
        let parser = MultipartParser(boundary: boundary)
        let first = FirstPart()
        parser.onHeader = { name, value in
            if !first.complete, name.lowercased() == "content-disposition" { first.name = HeaderParameters(value)["name"] }
        }
        parser.onBody = { buffer in
            if !first.complete { first.content.writeBuffer(&buffer) }
        }
        parser.onPartComplete = { first.complete = true }

        var iterator = body.makeAsyncIterator()
        var head: [ByteBuffer] = []
        var read = 0
        var failed = false
        while !first.complete, !failed, read <= searchLimit, let chunk = try await iterator.next() {
            head.append(chunk)
            read += chunk.readableBytes
            do { try parser.execute(chunk) } catch { failed = true }
        }
        let value = first.complete && !failed && first.name == field ? String(buffer: first.content) : nil
        return (value, RequestBody(asyncSequence: ReplayedBody(head: head, rest: BodyRemainder(iterator))))
    }

    private final class FirstPart {
        var name: String?
        var content = ByteBuffer()
        var complete = false
    }
}

/// A request body whose first chunks were already read: they come again, then the rest of the original stream.
struct ReplayedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let head: [ByteBuffer]
    let rest: BodyRemainder

    struct AsyncIterator: AsyncIteratorProtocol {
        var head: ArraySlice<ByteBuffer>
        let rest: BodyRemainder

        mutating func next() async throws -> ByteBuffer? {
            if let chunk = head.popFirst() { return chunk }
            return try await rest.next()
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(head: head[...], rest: rest) }
}

/// The rest of a request body's stream, for the one reader a request body has.
///
/// `@unchecked Sendable` because a request body's iterator is not Sendable: the body is a single-pass stream read by
/// one task at a time (Hummingbird's own body keeps its iterator the same way), and this box only carries it from
/// the CSRF check, which has stopped reading, to the route, which goes on.
final class BodyRemainder: @unchecked Sendable {
    private var iterator: RequestBody.AsyncIterator

    init(_ iterator: RequestBody.AsyncIterator) { self.iterator = iterator }

    func next() async throws -> ByteBuffer? { try await iterator.next() }
}
