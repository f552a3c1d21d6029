import ZhurnalCore

/// The consent of a pupil's legal representative to the electronic diary: a school collects it on entry, and a few
/// forms are always missing — every 40th pupil's here, so that the demo shows a diary closed to its family.
enum DemoConsent {
    static func recordedOn(_ person: DemoPerson, isPupil: Bool) -> LocalDate? {
        guard isPupil, person.id % 40 != 0 else { return nil }
        return person.createdOn
    }
}
