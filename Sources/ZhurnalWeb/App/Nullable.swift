/// An optional field of a JSON answer that is spelled `null` when absent instead of being left out: the API's
/// document promises the key (`"warning": null`), and synthesised encoding would drop it.
@propertyWrapper
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
