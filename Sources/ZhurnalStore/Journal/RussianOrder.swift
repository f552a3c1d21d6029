/// Alphabetical order of names as a Russian class list has it. Unicode puts Ё (U+0401) before А, so code-point
/// order would list Ёлкин first; here ё sorts with е, and the letters themselves break ties.
enum RussianOrder {
    /// The pupils by last name, first name and patronymic. Keys are computed once per pupil and compared as
    /// scalars: comparing Strings normalises them on every comparison, which dominated the grid's time.
    static func sorted(_ pupils: some Sequence<JournalGrid.Pupil>) -> [JournalGrid.Pupil] {
        pupils
            .map { pupil in
                let names = [pupil.lastName, pupil.firstName, pupil.patronymic ?? ""]
                return (alphabetical: key(names, foldingYo: true), exact: key(names, foldingYo: false), pupil: pupil)
            }
            .sorted { a, b in
                if a.alphabetical != b.alphabetical { return a.alphabetical.lexicographicallyPrecedes(b.alphabetical) }
                if a.exact != b.exact { return a.exact.lexicographicallyPrecedes(b.exact) }
                return a.pupil.id < b.pupil.id
            }
            .map(\.pupil)
    }

    /// The lowercased scalars of the names, each name ended by 0 so that a shorter name sorts before a longer one
    /// that begins with it (Иванов before Иванова).
    static func key(_ names: [String], foldingYo: Bool) -> [UInt32] {
        var key: [UInt32] = []
        for name in names {
            for scalar in name.lowercased().unicodeScalars {
                key.append(foldingYo && scalar == "ё" ? 0x0435 : scalar.value)
            }
            key.append(0)
        }
        return key
    }
}
