/// One option of a page's select (a class, a period, a teacher): its value, its Russian label, whether it is chosen.
struct PageChoice: Sendable {
    let value: String
    let label: String
    let selected: Bool
}
