/// A pupil's arrival, departure and transfer between classes on a date (DOMAIN.md §2, Glossary: enrolment). His
/// enrolments are his history: a transfer ends the old one the day before and starts the new one on the day, so the
/// old class's journal keeps what he did there. A refusal says what is wrong in Russian; nothing is written then.
public enum PupilMovement {
    public typealias Refusal = RuleRefusal

    /// One of his enrolments this year, as the rules see it.
    public struct Enrolment: Sendable, Hashable {
        public let id: Int
        public let classID: Int
        public let className: String
        public let startsOn: LocalDate
        /// The last day in the class; nil while he is still there.
        public let endsOn: LocalDate?

        public init(id: Int, classID: Int, className: String, startsOn: LocalDate, endsOn: LocalDate?) {
            self.id = id
            self.classID = classID
            self.className = className
            self.startsOn = startsOn
            self.endsOn = endsOn
        }

        func covers(_ date: LocalDate) -> Bool { startsOn <= date && (endsOn.map { date <= $0 } ?? true) }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case arrival
        case departure
        case transfer
    }

    /// What to write: the enrolment to close (its new last day) and the one to open.
    public struct Change: Sendable, Hashable {
        public let closing: Closing?
        public let opening: Opening?

        public struct Closing: Sendable, Hashable {
            public let enrolmentID: Int
            public let lastDay: LocalDate
        }

        public struct Opening: Sendable, Hashable {
            public let classID: Int
            public let startsOn: LocalDate
        }
    }

    /// `date` is the first day in the new class for an arrival or a transfer, and the last day at school for a
    /// departure. `lastEntry` is the last day he has a mark or an absence in the class he would leave.
    public static func change(
        _ kind: Kind,
        on date: LocalDate,
        to classID: Int?,
        enrolments: [Enrolment],
        year: DateSpan,
        lastEntry: LocalDate?
    ) throws(Refusal) -> Change {
        guard year.contains(date) else {
            throw Refusal(code: "bad_date", russianMessage: "Дата \(date.russian) — вне учебного года \(year.start.russian)–\(year.end.russian).")
        }
        let current = enrolments.first { $0.covers(date) }
        switch kind {
        case .arrival:
            guard let classID else { throw Refusal(code: "no_class", russianMessage: "Выберите класс, в который зачисляется ученик.") }
            if let current {
                throw Refusal(
                    code: "already_enrolled",
                    russianMessage: "На \(date.russian) ученик уже учится в \(current.className): оформите перевод."
                )
            }
            try noLaterEnrolment(after: date, in: enrolments)
            return Change(closing: nil, opening: .init(classID: classID, startsOn: date))
        case .departure, .transfer:
            guard let current else {
                if let first = enrolments.map(\.startsOn).min(), date < first {
                    throw Refusal(
                        code: "before_arrival",
                        russianMessage: "Дата \(date.russian) раньше зачисления ученика (\(first.russian))."
                    )
                }
                throw Refusal(code: "not_enrolled", russianMessage: "На \(date.russian) ученик не числится ни в одном классе.")
            }
            let lastDay = kind == .departure ? date : date.adding(days: -1)
            guard lastDay >= current.startsOn else {
                throw Refusal(
                    code: "before_arrival",
                    russianMessage:
                        "Дата \(date.russian) не позже зачисления в \(current.className) (\(current.startsOn.russian)): переводить нечего."
                )
            }
            if let lastEntry, lastEntry > lastDay {
                throw Refusal(
                    code: "entries_after",
                    russianMessage: "У ученика есть отметки или пропуски в \(current.className) за \(lastEntry.russian) — позже \(lastDay.russian). "
                        + "Выберите дату после них или сначала исправьте журнал."
                )
            }
            guard kind == .transfer else { return Change(closing: .init(enrolmentID: current.id, lastDay: lastDay), opening: nil) }
            guard let classID else { throw Refusal(code: "no_class", russianMessage: "Выберите класс, в который переводится ученик.") }
            guard classID != current.classID else {
                throw Refusal(code: "same_class", russianMessage: "Ученик уже в \(current.className).")
            }
            try noLaterEnrolment(after: date, in: enrolments)
            return Change(closing: .init(enrolmentID: current.id, lastDay: lastDay), opening: .init(classID: classID, startsOn: date))
        }
    }

    /// A new enrolment from `date` runs open-ended, so none of his may begin after it.
    private static func noLaterEnrolment(after date: LocalDate, in enrolments: [Enrolment]) throws(Refusal) {
        if let next = enrolments.filter({ $0.startsOn > date }).min(by: { $0.startsOn < $1.startsOn }) {
            throw Refusal(
                code: "already_enrolled",
                russianMessage: "С \(next.startsOn.russian) ученик уже зачислен в \(next.className): сначала измените то зачисление."
            )
        }
    }
}
