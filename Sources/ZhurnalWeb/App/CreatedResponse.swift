import Hummingbird

/// The answer to a POST that made a row: 201 with its id (and, for a message, how many it reached).
struct CreatedResponse: Encodable {
    let id: Int
    var recipients: Int? = nil

    static func response(_ id: Int, recipients: Int? = nil) throws -> Response {
        try JournalAPIController.json(CreatedResponse(id: id, recipients: recipients), status: .created)
    }
}
