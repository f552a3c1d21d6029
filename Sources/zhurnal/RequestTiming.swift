import ZhurnalStore

/// One kind of request timed on a live server: five warm-up calls, then `count` timed ones, with the statements the
/// database ran for each.
enum RequestTiming {
    static func measure(
        _ name: String,
        _ count: Int,
        database: Database,
        _ request: (Int) async throws -> Void
    ) async throws -> AccessBenchCommand.Figure {
        for warm in 0..<5 { try await request(warm) }
        var timings: [Double] = []
        let before = database.statements.value
        for index in 0..<count {
            let start = ContinuousClock.now
            try await request(index)
            timings.append(AccessBenchCommand.seconds(ContinuousClock.now - start))
        }
        timings.sort()
        return AccessBenchCommand.Figure(
            name: name,
            median: timings[timings.count / 2],
            p90: timings[timings.count * 9 / 10],
            statements: (database.statements.value - before) / count
        )
    }
}
