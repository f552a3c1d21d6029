/// Failures of the storage layer that a person must be able to act on: each message is one line that says what
/// is wrong and what to do.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--db` value cannot be used.
    case badLocation(String)
    /// The database cannot be reached or opened.
    case unavailable(String)
    /// The database was migrated by a newer Zhurnal.
    case schemaTooNew(found: Int, known: Int)
    /// The operation needs an empty database (the demo school) but found data.
    case notEmpty(String)
    /// A row broke a rule of the schema or of the caller.
    case rejected(String)

    public var description: String {
        switch self {
        case .badLocation(let message), .unavailable(let message), .notEmpty(let message), .rejected(let message):
            message
        case .schemaTooNew(let found, let known):
            "схема базы версии \(found) новее, чем знает эта программа (\(known)): обновите Zhurnal, база не изменена"
        }
    }
}
