/// Numbers in Russian progress lines: "3 120 уроков", "1 урок", "2 урока".
enum DemoText {
    static func count(_ value: Int, _ one: String, _ few: String, _ many: String) -> String {
        grouped(value) + " " + plural(value, one, few, many)
    }

    static func plural(_ value: Int, _ one: String, _ few: String, _ many: String) -> String {
        let lastTwo = value % 100
        let last = value % 10
        if (11...14).contains(lastTwo) { return many }
        if last == 1 { return one }
        if (2...4).contains(last) { return few }
        return many
    }

    /// Thousands separated by a space, as Russian typography does.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(" ") }
            result.append(digit)
        }
        return result
    }
}
