extension Migration {
    /// Why an enrolment ended (issue 6's pupils' movement): `reason` says why it began, and a departure's or a
    /// transfer's reason is history of its own.
    static let movementSchema = Migration(version: 10, name: "enrolment end reasons") { _ in
        ["ALTER TABLE enrolments ADD COLUMN end_reason TEXT"]
    }
}
