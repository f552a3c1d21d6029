extension WorkType {
    /// The short label a journal column shows for a control lesson's work type, as teachers abbreviate it on paper:
    /// the first letters of its first two words («Контрольная работа» → «К/р», «Ответ на уроке» → «О/у»), a short
    /// one-word name whole («Зачёт»), a long one cut («Тестирование» → «Тест.»). Prepositions and conjunctions of one
    /// or two letters do not count as words. The column's title carries the full name.
    public static func shortLabel(for name: String) -> String {
        let words = name.split { !$0.isLetter && !$0.isNumber }.filter { $0.count > 2 }
        guard let first = words.first else { return name.trimmingWhitespace() }
        if words.count > 1, let head = first.first, let next = words[1].first {
            return head.uppercased() + "/" + next.lowercased()
        }
        return first.count <= 6 ? String(first) : String(first.prefix(4)) + "."
    }
}
