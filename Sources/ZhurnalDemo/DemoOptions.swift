import ZhurnalCore
import ZhurnalStore

/// What the demo school is made of. Everything but the passwords follows from `seed`.
public struct DemoOptions: Sendable {
    /// Pupils in the whole school, 20…20 000.
    public var students: Int = 600
    public var seed: UInt64 = 1
    /// The "today" of the demo: the academic year containing it is created, lessons run up to it.
    public var until: LocalDate
    /// Hashes the initial passwords; tests pass a low cost.
    public var hasher: PasswordHasher = PasswordHasher()

    public init(students: Int = 600, seed: UInt64 = 1, until: LocalDate, hasher: PasswordHasher = PasswordHasher()) {
        self.students = students
        self.seed = seed
        self.until = until
        self.hasher = hasher
    }

    /// The pupils the generator accepts: with fewer than 22 some of the 22 classes stay empty, and past a few
    /// thousand the school is only good for load tests.
    public static let studentRange = 20...20_000
}

/// One issued account with its one-time password, for the printed slips and the CSV.
public struct DemoAccount: Sendable, Hashable {
    public let login: String
    public let password: String
    public let roles: [Role]
    /// «Фамилия Имя Отчество».
    public let fullName: String

    public init(login: String, password: String, roles: [Role], fullName: String) {
        self.login = login
        self.password = password
        self.roles = roles
        self.fullName = fullName
    }
}

/// What `DemoSchool.create` made.
public struct DemoSummary: Sendable {
    /// Every account, staff first, then pupils, then parents.
    public let accounts: [DemoAccount]
    /// Rows per table, in the schema's order.
    public let rowCounts: [(table: String, rows: Int)]
    /// One representative account per role, in the order admin director deputy teacher homeroom parent student:
    /// the pupil is in a fifth class, the parent is his, the teacher and homeroom teacher teach his class.
    public var samples: [(role: Role, account: DemoAccount)]

    public init(
        accounts: [DemoAccount],
        rowCounts: [(table: String, rows: Int)],
        samples: [(role: Role, account: DemoAccount)]
    ) {
        self.accounts = accounts
        self.rowCounts = rowCounts
        self.samples = samples
    }

    /// The rows of one table, 0 when it is not listed.
    public func rows(in table: String) -> Int {
        rowCounts.first { $0.table == table }?.rows ?? 0
    }
}
