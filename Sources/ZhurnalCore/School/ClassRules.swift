/// The rules of a school's classes (DOMAIN.md §2): a parallel from 1 to 11, a letter of the Russian alphabet, one class
/// of a name a year, and a homeroom teacher who is a teacher and leads no other class.
public enum ClassRules {
    public typealias Refusal = RuleRefusal

    /// The class's letter as typed, made canonical: «а» → «А». Latin look-alikes are refused, since «5A» and «5А» would
    /// look the same in every list and sort apart.
    public static func letter(_ text: String) throws(Refusal) -> String {
        let letter = text.trimmingWhitespace().uppercased()
        let russian = letter.unicodeScalars.allSatisfy { ("А"..."Я").contains($0) || $0 == "Ё" }
        guard (1...2).contains(letter.count), russian else {
            throw Refusal(code: "bad_letter", russianMessage: "Буква класса — одна или две русские буквы, например «А».")
        }
        return letter
    }

    public static func check(parallel: Int, letter: String, among existing: [(parallel: Int, letter: String)]) throws(Refusal) {
        guard (1...11).contains(parallel) else {
            throw Refusal(code: "bad_parallel", russianMessage: "Параллель — от 1 до 11.")
        }
        if existing.contains(where: { $0.parallel == parallel && $0.letter == letter }) {
            throw Refusal(code: "duplicate_class", russianMessage: "Класс \(parallel)\(letter) в этом году уже есть.")
        }
    }

    /// A homeroom teacher: he holds the teacher's role, and `leads` (the class he already leads this year) is none.
    public static func check(homeroom roles: Set<Role>, leads: String?) throws(Refusal) {
        guard roles.contains(.teacher) else {
            throw Refusal(code: "not_a_teacher", russianMessage: "Классным руководителем назначают учителя школы.")
        }
        if let leads {
            throw Refusal(code: "already_homeroom", russianMessage: "Этот учитель уже классный руководитель \(leads).")
        }
    }
}
