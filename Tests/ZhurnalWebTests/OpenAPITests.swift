import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// `GET /api/openapi.json` kept true: the document is OpenAPI 3.1 whose references all resolve, its operations are
/// exactly the router's `/api/` routes, its security says which of them answer without a sign-in, and real answers
/// of the running application fit the schemas it documents.
struct OpenAPITests {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The document as the application serves it.
    static func document() async throws -> JSONValue {
        let served = Captured<TestResponse>()
        try await TestApp.with(.sqlite) { client in
            served.value = try await client.execute(uri: "/api/openapi.json", method: .get)
        }
        let response = try #require(served.value)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        return try JSONValue.parse(response.body)
    }

    /// Every operation of the document as `"get /api/v1/me"`.
    static func operations(_ document: JSONValue) -> Set<String> {
        var operations: Set<String> = []
        for (path, item) in document["paths"]?.object ?? [:] {
            for method in methods where item[method] != nil { operations.insert("\(method) \(path)") }
        }
        return operations
    }

    /// The path of a Hummingbird route in OpenAPI's spelling: a capture `:lessonId` becomes `{lessonId}`.
    static func openAPIPath(_ path: RouterPath) -> String {
        "/" + path.components.map(\.description).joined(separator: "/")
    }

    @Test func hummingbirdSpellsCapturesAsOpenAPIDoes() {
        #expect(Self.openAPIPath("/api/v1/lessons/:lessonId/attendance/:studentId") == "/api/v1/lessons/{lessonId}/attendance/{studentId}")
        #expect(Self.openAPIPath("/api/v1/me") == "/api/v1/me")
    }

    @Test func theDocumentIsOpenAPI31AndEveryReferenceResolves() async throws {
        let document = try await Self.document()
        #expect(document["openapi"]?.string == "3.1.0")
        #expect(document["info"]?["title"]?.string == "Zhurnal API")
        #expect(document["info"]?["version"]?.string == "1")
        #expect(document["components"]?["securitySchemes"]?["bearer"]?["scheme"]?.string == "bearer")

        let references = document.references()
        #expect(references.count > 20)
        for reference in references {
            #expect(document.resolve(reference) != nil, "unresolved \(reference)")
        }

        // Every `{name}` of a path is declared as a path parameter of each of its operations, and nothing more.
        for (path, item) in document["paths"]?.object ?? [:] {
            let captures = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            for method in Self.methods {
                guard let operation = item[method] else { continue }
                let declared = (operation["parameters"]?.array ?? []).compactMap { document.dereference($0) }
                    .filter { $0["in"]?.string == "path" }.compactMap { $0["name"]?.string }
                #expect(Set(declared) == captures, "\(method) \(path)")
                #expect(operation["responses"]?.object?.isEmpty == false, "\(method) \(path) has no responses")
            }
        }
    }

    @Test func everyAPIRouteIsDocumentedAndEveryOperationIsARoute() async throws {
        let routes = try await TestDatabases.with(.sqlite) { database in
            let router = try await buildRouter(AppDependencies(database: database, hasher: PasswordHasher(cost: 4)))
            return router.routes.map { "\($0.method.rawValue.lowercased()) \(Self.openAPIPath($0.path))" }
        }
        let api = Set(routes.filter { $0.split(separator: " ")[1].hasPrefix("/api/") })
        #expect(api.count >= 12)
        #expect(api.allSatisfy { !$0.contains("*") }, "a wildcard route cannot be documented")
        let documented = Self.operations(try await Self.document())
        #expect(api.subtracting(documented).sorted() == [], "routes missing from openapi.json")
        #expect(documented.subtracting(api).sorted() == [], "operations in openapi.json that no route serves")
    }

    /// An operation documented without security answers without a sign-in; every other one answers 401 with the
    /// error body, and documents that 401. Secured operations get a body made of their schema's required fields,
    /// since the journal's writes read the body before they ask who is signed in.
    @Test(arguments: TestDatabases.flavors)
    func securityAsDocumented(flavor: SQLFlavor) async throws {
        let document = try await Self.document()
        try await TestApp.withSchool(flavor) { client, _ in
            for operation in Self.operations(document).sorted() {
                let parts = operation.split(separator: " ")
                let (method, path) = (String(parts[0]), String(parts[1]))
                let spec = try #require(document["paths"]?[path]?[method])
                let open = spec["security"]?.array?.isEmpty == true
                let uri = path.replacing(#/\{[A-Za-z]+\}/#, with: "1")
                let body = spec["requestBody"]?["content"]?["application/json"]?["schema"].map { SchemaCheck(document: document).sample($0) }
                let answer = try await APIClient(client: client).call(
                    try #require(HTTPRequest.Method(method.uppercased())),
                    uri,
                    json: open ? nil : body?.json
                )
                if open {
                    #expect(answer.status != .unauthorized, "\(operation)")
                } else {
                    #expect(answer.status == .unauthorized, "\(operation)")
                    let code = try errorCode(answer)
                    #expect(code == "sign_in_required" || code == "invalid_token", "\(operation)")
                    #expect(spec["responses"]?["401"] != nil, "\(operation) does not document its 401")
                }
                try Self.conforms(answer, to: operation, in: document)
            }
        }
    }

    /// Real answers, good and refused, of most operations against their documented statuses and schemas.
    @Test(arguments: TestDatabases.flavors)
    func answersFitTheirSchemas(flavor: SQLFlavor) async throws {
        let document = try await Self.document()
        try await TestApp.withSchool(flavor) { client, _ in
            var teacher = APIClient(client: client)
            try Self.conforms(try await teacher.signIn(AccessSchool.Login.teacher), to: "post /api/v1/auth/token", in: document)
            var stranger = APIClient(client: client)
            try Self.conforms(try await stranger.signIn("nobody"), to: "post /api/v1/auth/token", in: document)
            try Self.conforms(try await teacher.call(.get, "/api/v1/me"), to: "get /api/v1/me", in: document)

            let courses = try await teacher.call(.get, "/api/v1/courses")
            try Self.conforms(courses, to: "get /api/v1/courses", in: document)
            let course = try #require((try json(courses)["courses"] as? [[String: Any]])?.first?["id"] as? Int)
            try Self.conforms(try await teacher.call(.get, "/api/v1/courses/\(course)"), to: "get /api/v1/courses/{courseId}", in: document)
            try Self.conforms(try await teacher.call(.get, "/api/v1/courses/999"), to: "get /api/v1/courses/{courseId}", in: document)
            let student = "/api/v1/students/\(TinySchool.volkov)"
            try Self.conforms(try await teacher.call(.get, student), to: "get /api/v1/students/{studentId}", in: document)

            let marks = "post /api/v1/lessons/{lessonId}/marks"
            let created = try await teacher.call(
                .post,
                "/api/v1/lessons/4/marks",
                json: "{\"studentId\": \(TinySchool.volkov), \"value\": \"4\", \"workType\": 2, \"comment\": \"у доски\"}"
            )
            #expect(created.status == .created)
            try Self.conforms(created, to: marks, in: document)
            let refused = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: JournalAPITests.mark(TinySchool.volkov, "6"))
            try Self.conforms(refused, to: marks, in: document)
            let malformed = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: "{\"studentId\": \"x\"}")
            try Self.conforms(malformed, to: marks, in: document)

            let id = try #require(try json(created)["id"] as? Int)
            let patch = "patch /api/v1/marks/{markId}"
            let changed = try await teacher.call(.patch, "/api/v1/marks/\(id)", json: "{\"comment\": null, \"version\": 1}")
            #expect(changed.status == .ok)
            try Self.conforms(changed, to: patch, in: document)
            let stale = try await teacher.call(.patch, "/api/v1/marks/\(id)", json: "{\"value\": \"5\", \"version\": 1}")
            #expect(stale.status == .conflict)
            try Self.conforms(stale, to: patch, in: document)

            let attendance = "put /api/v1/lessons/{lessonId}/attendance/{studentId}"
            let cell = "/api/v1/lessons/4/attendance/\(TinySchool.volkov)"
            try Self.conforms(try await teacher.call(.put, cell, json: "{\"code\": \"н\"}"), to: attendance, in: document)
            try Self.conforms(try await teacher.call(.put, cell, json: "{\"code\": null}"), to: attendance, in: document)

            let removed = try await teacher.call(.delete, "/api/v1/marks/\(id)", json: "{\"version\": 2}")
            #expect(removed.status == .noContent)
            try Self.conforms(removed, to: "delete /api/v1/marks/{markId}", in: document)
            try Self.conforms(try await teacher.call(.get, "/api/v1/marks/\(id)/history"), to: "get /api/v1/marks/{markId}/history", in: document)
            try Self.conforms(try await teacher.call(.get, "/api/v1/marks/abc/history"), to: "get /api/v1/marks/{markId}/history", in: document)
            let cellHistory = "get /api/v1/lessons/{lessonId}/students/{studentId}/history"
            try Self.conforms(try await teacher.call(.get, "/api/v1/lessons/4/students/\(TinySchool.volkov)/history"), to: cellHistory, in: document)
            try Self.conforms(try await teacher.call(.get, "/api/v1/lessons/4/students/999/history"), to: cellHistory, in: document)

            try await Self.homeworkAnswersFit(teacher, document)

            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            try Self.conforms(try await parent.call(.get, "/api/v1/courses"), to: "get /api/v1/courses", in: document)
            try Self.conforms(try await teacher.call(.delete, "/api/v1/auth/token"), to: "delete /api/v1/auth/token", in: document)
        }
    }

    /// The homework operations' answers: the lesson's due date, a pupil's own homework, a file up, down and away.
    static func homeworkAnswersFit(_ teacher: APIClient, _ document: JSONValue) async throws {
        let patch = "patch /api/v1/lessons/{lessonId}"
        let lesson = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homework\": \"§ 5\", \"homeworkDueOn\": \"2026-10-19\"}")
        try conforms(lesson, to: patch, in: document)
        try conforms(try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homeworkDueOn\": \"2026-10-01\"}"), to: patch, in: document)
        let homework = try #require(try json(lesson)["homeworkId"] as? Int)

        let pupil = "put /api/v1/lessons/{lessonId}/homework/students/{studentId}"
        let own = "/api/v1/lessons/4/homework/students/\(TinySchool.volkov)"
        try conforms(try await teacher.call(.put, own, json: "{\"text\": \"Своё\", \"dueOn\": \"2026-10-26\"}"), to: pupil, in: document)
        try conforms(try await teacher.call(.put, own, json: "{\"text\": \"Своё, иначе\", \"version\": 1}"), to: pupil, in: document)
        try conforms(try await teacher.call(.put, own, json: "{\"text\": \"x\", \"version\": 1}"), to: pupil, in: document)
        try conforms(try await teacher.call(.put, own, json: "{\"text\": \"\"}"), to: pupil, in: document)

        let upload = "post /api/v1/homework/{homeworkId}/files"
        let uri = "/api/v1/homework/\(homework)/files"
        let added = try await teacher.upload(uri, Multipart([Multipart.pdfFile("лист.pdf")]))
        #expect(added.status == .created)
        try conforms(added, to: upload, in: document)
        try conforms(try await teacher.upload(uri, Multipart([Multipart.pdfFile("лист.html")])), to: upload, in: document)
        try conforms(try await teacher.call(.post, uri, json: "{}"), to: upload, in: document)
        try conforms(try await teacher.call(.get, "/api/v1/lessons/4/homework"), to: "get /api/v1/lessons/{lessonId}/homework", in: document)

        let file = try #require((try json(added)["files"] as? [[String: Any]])?.first?["href"] as? String)
        let download = "get /api/v1/homework/{homeworkId}/files/{fileId}"
        try conforms(try await teacher.call(.get, file), to: download, in: document)
        try conforms(try await teacher.call(.get, uri + "/999"), to: download, in: document)
        let remove = "delete /api/v1/homework/{homeworkId}/files/{fileId}"
        try conforms(try await teacher.call(.delete, file), to: remove, in: document)
        try conforms(try await teacher.call(.delete, file), to: remove, in: document)
        try conforms(try await teacher.call(.delete, own), to: "delete /api/v1/lessons/{lessonId}/homework/students/{studentId}", in: document)
    }

    /// The answer's status is documented for `operation`, and its body fits the documented schema.
    static func conforms(
        _ response: TestResponse,
        to operation: String,
        in document: JSONValue,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let parts = operation.split(separator: " ").map(String.init)
        let spec = try #require(document["paths"]?[parts[1]]?[parts[0]], "\(operation) is not documented", sourceLocation: sourceLocation)
        let status = String(response.status.code)
        guard let documented = spec["responses"]?[status].flatMap(document.dereference) else {
            Issue.record("\(operation) answered \(status), which it does not document", sourceLocation: sourceLocation)
            return
        }
        for (name, _) in documented["headers"]?.object ?? [:] {
            #expect(response.headers[HTTPField.Name(name)!] != nil, "\(operation) \(status) lacks \(name)", sourceLocation: sourceLocation)
        }
        guard let schema = documented["content"]?["application/json"]?["schema"] else {
            if let types = documented["content"]?.object, !types.isEmpty {
                // A file: `application/octet-stream` stands for any type; the body is the file.
                let type = response.headers[.contentType] ?? ""
                #expect(
                    types["application/octet-stream"] != nil || types[type] != nil,
                    "\(operation) \(status) sent \(type)",
                    sourceLocation: sourceLocation
                )
                #expect(response.body.readableBytes > 0, "\(operation) \(status) sent no file", sourceLocation: sourceLocation)
                return
            }
            #expect(response.body.readableBytes == 0, "\(operation) \(status) documents no body", sourceLocation: sourceLocation)
            return
        }
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        let body = try JSONValue.parse(response.body)
        let problems = SchemaCheck(document: document).problems(body, schema, at: "body")
        #expect(problems == [], "\(operation) \(status)", sourceLocation: sourceLocation)
    }
}

/// A tiny subset of JSON Schema, as this document uses it: `$ref`, `type` (one name or several, `"null"` among
/// them for a nullable value), `enum`, `required`, `properties`, `items`. Stricter than JSON Schema on one point:
/// a property that the schema does not list is reported (unless it says `additionalProperties: true`), so that
/// the document cannot fall behind a response that grew a field.
struct SchemaCheck {
    let document: JSONValue

    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        guard let schema = document.dereference(schema) else { return ["\(path): unresolved schema \(schema)"] }
        let types = Self.types(schema)
        if !types.isEmpty, !types.contains(where: value.isA) {
            return ["\(path): \(value.typeName), documented as \(types.joined(separator: " or "))"]
        }
        var problems: [String] = []
        if let choices = schema["enum"]?.array, !choices.contains(value) {
            problems.append("\(path): \(value) is not one of \(choices)")
        }
        if case .object(let fields) = value {
            let properties = schema["properties"]?.object ?? [:]
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where fields[name] == nil {
                problems.append("\(path): required \(name) is missing")
            }
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] {
                    problems += self.problems(field, property, at: "\(path).\(name)")
                } else if schema["properties"] != nil, schema["additionalProperties"] != .bool(true) {
                    problems.append("\(path): \(name) is not documented")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { problems += self.problems(item, itemSchema, at: "\(path)[\(index)]") }
        }
        return problems
    }

    /// The smallest value the schema accepts: its required properties, each with a plain value of its type.
    func sample(_ schema: JSONValue) -> JSONValue {
        guard let schema = document.dereference(schema) else { return .null }
        if let first = schema["enum"]?.array?.first { return first }
        let types = Self.types(schema)
        if types.contains("null") { return .null }
        switch types.first {
        case "object":
            let properties = schema["properties"]?.object ?? [:]
            let required = schema["required"]?.array?.compactMap(\.string) ?? []
            return .object(Dictionary(uniqueKeysWithValues: required.map { ($0, properties[$0].map(sample) ?? .null) }))
        case "array": return .array([])
        case "integer", "number": return .integer(1)
        case "boolean": return .bool(false)
        case "string": return .string("5")
        default: return .null
        }
    }

    /// `type` as a list: `"string"` or `["string", "null"]`.
    static func types(_ schema: JSONValue) -> [String] {
        switch schema["type"] {
        case .string(let name)?: [name]
        case .array(let names)?: names.compactMap(\.string)
        default: []
        }
    }
}

/// A value a `@Sendable` test body hands back.
final class Captured<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)

    var value: Value? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

/// A JSON value that keeps integers apart from other numbers, for reading the document and checking answers.
enum JSONValue: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ buffer: ByteBuffer) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(String(buffer: buffer).utf8))
    }

    /// The value as JSON text.
    var json: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): String(decoding: (try? JSONEncoder().encode(value)) ?? Data("\"\"".utf8), as: UTF8.self)
        case .array(let values): "[" + values.map(\.json).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.map { JSONValue.string($0.key).json + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    subscript(key: String) -> JSONValue? { object?[key] }

    var object: [String: JSONValue]? {
        if case .object(let value) = self { value } else { nil }
    }

    var array: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// Whether the value is of the JSON Schema type `name`; an integer is also a `number`.
    func isA(_ name: String) -> Bool {
        switch (self, name) {
        case (.null, "null"), (.bool, "boolean"), (.integer, "integer"), (.integer, "number"), (.number, "number"),
            (.string, "string"), (.array, "array"), (.object, "object"):
            true
        default:
            false
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ", "))]"
        case .object(let fields): "{\(fields.keys.sorted().joined(separator: ", "))}"
        }
    }

    /// Every `$ref` in the document.
    func references() -> [String] {
        switch self {
        case .object(let fields):
            fields.flatMap { key, value in key == "$ref" ? [value.string].compactMap { $0 } : value.references() }
        case .array(let values):
            values.flatMap { $0.references() }
        default:
            []
        }
    }

    /// The value a local reference (`#/components/schemas/Error`) points to, as a JSON Pointer.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var value: JSONValue? = self
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = String(token).replacing("~1", with: "/").replacing("~0", with: "~")
            if case .array(let values) = value, let index = Int(key), values.indices.contains(index) {
                value = values[index]
            } else {
                value = value?[key]
            }
        }
        return value
    }

    /// `value` itself, or what its `$ref` points to (followed until a value without one).
    func dereference(_ value: JSONValue) -> JSONValue? {
        var current = value
        for _ in 0..<16 {
            guard let reference = current["$ref"]?.string else { return current }
            guard let target = resolve(reference) else { return nil }
            current = target
        }
        return nil
    }
}
