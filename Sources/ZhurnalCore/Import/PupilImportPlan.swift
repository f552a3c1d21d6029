/// What importing a pupils' list will do, worked out before anything is written: new pupils and their enrolments,
/// new guardians and links, the rows that change nothing, and every refused row with its reason. The import writes
/// only a plan without refusals, so a file goes in whole or not at all.
public struct PupilImportPlan: Sendable {
    /// A person already in the school, or the n-th of ``newPeople``.
    public enum PersonRef: Sendable, Hashable {
        case existing(Int)
        case new(Int)
    }

    public struct NewPerson: Sendable, Hashable {
        public let name: PersonalName
        public let birthDate: LocalDate?
    }

    public struct Enrolment: Sendable, Hashable {
        public let pupil: PersonRef
        public let classID: Int
        public let startsOn: LocalDate
    }

    public struct Guardianship: Sendable, Hashable {
        public let guardian: PersonRef
        public let pupil: PersonRef
        public let relation: String
    }

    public private(set) var newPeople: [NewPerson] = []
    public private(set) var enrolments: [Enrolment] = []
    public private(set) var guardianships: [Guardianship] = []
    public private(set) var refusals: [ImportRefusal]
    public private(set) var rows = 0
    public private(set) var newPupils = 0
    public private(set) var knownPupils = 0
    public private(set) var newGuardians = 0

    /// A re-import of the same file: nothing to write.
    public var changesNothing: Bool { newPeople.isEmpty && enrolments.isEmpty && guardianships.isEmpty }

    /// Pupils are between 5 and 21 years old on the first day of the year; anything else is a typo in the year.
    public static let ages = 5...21

    public init(entries: [PupilListEntry], refusals: [ImportRefusal], state: PupilRollState) {
        self.refusals = refusals
        rows = entries.count + refusals.count
        var seen: [String: Int] = [:]
        var newGuardianIndex: [String: Int] = [:]
        var links = Set<[PersonRef]>()
        for entry in entries {
            do throws(RuleRefusal) {
                if let line = seen[entry.key] {
                    throw RuleRefusal(code: "duplicate_row", russianMessage: "Этот ученик уже есть в строке \(line).")
                }
                seen[entry.key] = entry.line
                let pupil = try plan(entry, state: state)
                for guardian in entry.guardians {
                    let key = PupilRollState.guardianKey(guardian.name, childLastName: entry.name.lastName)
                    let ref: PersonRef
                    if let id = state.guardians[key] {
                        ref = .existing(id)
                    } else if let index = newGuardianIndex[key] {
                        ref = .new(index)
                    } else {
                        newGuardianIndex[key] = newPeople.count
                        ref = .new(newPeople.count)
                        newPeople.append(NewPerson(name: guardian.name, birthDate: nil))
                        newGuardians += 1
                    }
                    if case .existing(let g) = ref, case .existing(let p) = pupil, state.links.contains(.init(guardian: g, pupil: p)) {
                        continue
                    }
                    if links.insert([ref, pupil]).inserted {
                        guardianships.append(Guardianship(guardian: ref, pupil: pupil, relation: guardian.relation))
                    }
                }
            } catch {
                self.refusals.append(ImportRefusal(line: entry.line, error))
            }
        }
        self.refusals.sort { $0.line < $1.line }
    }

    /// The pupil of a row: known and already in that class, known and joining it, or new.
    private mutating func plan(_ entry: PupilListEntry, state: PupilRollState) throws(RuleRefusal) -> PersonRef {
        guard let classID = state.classes[entry.className] else {
            throw RuleRefusal(code: "unknown_class", russianMessage: "Класса \(entry.className) в этом учебном году нет.")
        }
        let startsOn = entry.enrolledOn ?? state.year.start
        guard state.year.contains(startsOn) else {
            throw RuleRefusal(
                code: "bad_date",
                russianMessage: "«Дата зачисления» \(startsOn.russian) — вне учебного года \(state.year.start.russian)–\(state.year.end.russian)."
            )
        }
        let age = entry.birthDate.age(on: state.year.start)
        guard Self.ages.contains(age) else {
            throw RuleRefusal(
                code: "bad_birth_date",
                russianMessage: "«Дата рождения» \(entry.birthDate.russian): к 1 сентября ученику \(age) — проверьте год."
            )
        }
        if let known = state.pupils[entry.key] {
            if let current = known.className {
                guard current == entry.className else {
                    throw RuleRefusal(
                        code: "other_class",
                        russianMessage: "Ученик уже учится в \(current); перевод в \(entry.className) оформляется движением учащихся."
                    )
                }
                knownPupils += 1
                return .existing(known.id)
            }
            enrolments.append(Enrolment(pupil: .existing(known.id), classID: classID, startsOn: startsOn))
            knownPupils += 1
            return .existing(known.id)
        }
        let ref = PersonRef.new(newPeople.count)
        newPeople.append(NewPerson(name: entry.name, birthDate: entry.birthDate))
        enrolments.append(Enrolment(pupil: ref, classID: classID, startsOn: startsOn))
        newPupils += 1
        return ref
    }
}

extension LocalDate {
    /// Full years on `date`.
    public func age(on date: LocalDate) -> Int {
        let (year, month, day) = components
        let (onYear, onMonth, onDay) = date.components
        return onYear - year - ((onMonth, onDay) < (month, day) ? 1 : 0)
    }
}
