import SQLKit
import ZhurnalCore

/// The school's pupils with their classes and guardians as a list: what an import is matched against, how a checked
/// import is written, and the list an export writes out.
public enum PupilRoll {
    // A pupil's class (see the note at the top) is that of his enrolment not yet ended that began first: the one he is in today,
    // or the one he joins later this year. The state an import matches and the list an export writes agree on it.
    /// Three statements: the classes of the year, every pupil the school has known with his class (see the note at the top), and
    /// every guardian with the surname of each child.
    public static func state(school: Int, year: Int, span: DateSpan, today: LocalDate, in sql: any SQLDatabase) async throws -> PupilRollState {
        var classes: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT id, parallel, letter FROM classes WHERE school_id = \(bind: school) AND year_id = \(bind: year)"
        ).all() {
            classes["\(try row.decode(column: "parallel", as: Int.self))\(try row.decode(column: "letter", as: String.self))"] =
                try row.decode(column: "id", as: Int.self)
        }
        var pupils: [String: PupilRollState.KnownPupil] = [:]
        for row in try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, p.birth_date,
                   (SELECT k.parallel || k.letter FROM enrolments e JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
                    WHERE e.school_id = p.school_id AND e.student_id = p.id AND k.year_id = \(bind: year)
                      AND (e.ends_on IS NULL OR e.ends_on >= \(bind: today.iso))
                    ORDER BY e.starts_on LIMIT 1) AS class_name
            FROM people p
            WHERE p.school_id = \(bind: school) AND p.birth_date IS NOT NULL
              AND EXISTS (SELECT 1 FROM enrolments e WHERE e.school_id = p.school_id AND e.student_id = p.id)
            """
        ).all() {
            guard let birth = LocalDate(iso: try row.decode(column: "birth_date", as: String.self)) else { continue }
            let name = try personalName(row)
            pupils[name.key + "|" + birth.iso] = .init(
                id: try row.decode(column: "id", as: Int.self),
                className: try row.decode(column: "class_name", as: String?.self)
            )
        }
        let (guardians, links) = try await knownGuardians(school: school, in: sql)
        return PupilRollState(year: span, classes: classes, pupils: pupils, guardians: guardians, links: links)
    }

    /// Every guardian of the school by ``PupilRollState/guardianKey(_:childLastName:)``, and who is whose. One
    /// statement.
    public static func knownGuardians(
        school: Int,
        in sql: any SQLDatabase
    ) async throws -> (guardians: [String: Int], links: Set<PupilRollState.Link>) {
        var guardians: [String: Int] = [:]
        var links = Set<PupilRollState.Link>()
        for row in try await sql.raw(
            """
            SELECT g.guardian_id, g.student_id, p.last_name, p.first_name, p.patronymic, c.last_name AS child_last_name
            FROM guardianships g
            JOIN people p ON p.school_id = g.school_id AND p.id = g.guardian_id
            JOIN people c ON c.school_id = g.school_id AND c.id = g.student_id
            WHERE g.school_id = \(bind: school)
            """
        ).all() {
            let guardian = try row.decode(column: "guardian_id", as: Int.self)
            let key = PupilRollState.guardianKey(try personalName(row), childLastName: try row.decode(column: "child_last_name", as: String.self))
            guardians[key] = guardian
            links.insert(.init(guardian: guardian, pupil: try row.decode(column: "student_id", as: Int.self)))
        }
        return (guardians, links)
    }

    /// Writes a plan without refusals: the new people with ids reserved first, then enrolments and guardianships,
    /// each a multi-row INSERT, so two thousand pupils take a handful of statements.
    public static func apply(_ plan: PupilImportPlan, school: Int, now: String, in sql: any SQLDatabase) async throws {
        precondition(plan.refusals.isEmpty, "a plan with refused rows is never written")
        let ids = try await IdentitySequences.reserve(plan.newPeople.count, in: "people", sql)
        func id(_ ref: PupilImportPlan.PersonRef) -> Int {
            switch ref {
            case .existing(let id): id
            case .new(let index): ids[index]
            }
        }
        var people = RowBatch(table: "people", columns: ["school_id", "id", "last_name", "first_name", "patronymic", "birth_date", "created_at"])
        for (index, person) in plan.newPeople.enumerated() {
            people.append([school, ids[index], person.name.lastName, person.name.firstName, person.name.patronymic, person.birthDate?.iso, now])
        }
        var enrolments = RowBatch(table: "enrolments", columns: ["school_id", "student_id", "class_id", "starts_on", "reason"])
        for enrolment in plan.enrolments {
            enrolments.append([school, id(enrolment.pupil), enrolment.classID, enrolment.startsOn.iso, "импорт списка"])
        }
        var guardianships = RowBatch(table: "guardianships", columns: ["school_id", "guardian_id", "student_id", "relation"])
        for link in plan.guardianships {
            guardianships.append([school, id(link.guardian), id(link.pupil), link.relation])
        }
        try await people.flush(into: sql)
        try await enrolments.flush(into: sql)
        try await guardianships.flush(into: sql)
    }

    /// The pupils enrolled on `today` or joining later this year, each once in his class (see the note at the top), by class and
    /// name, with his first two guardians: the list in the columns an import reads, so that an exported file imports
    /// back without a change. Two statements.
    public static func list(school: Int, year: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> [[String]] {
        let pupils = try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, p.birth_date, k.parallel, k.letter, e.starts_on
            FROM enrolments e
            JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
            WHERE e.school_id = \(bind: school) AND k.year_id = \(bind: year)
              AND (e.ends_on IS NULL OR e.ends_on >= \(bind: today.iso))
            ORDER BY e.student_id, e.starts_on
            """
        ).all()
        var guardians: [Int: [(name: String, relation: String)]] = [:]
        for row in try await sql.raw(
            """
            SELECT g.student_id, g.relation, p.id, p.last_name, p.first_name, p.patronymic
            FROM guardianships g JOIN people p ON p.school_id = g.school_id AND p.id = g.guardian_id
            WHERE g.school_id = \(bind: school)
            ORDER BY g.student_id, p.id
            """
        ).all() {
            guardians[try row.decode(column: "student_id", as: Int.self), default: []].append(
                (try personalName(row).full, try row.decode(column: "relation", as: String.self))
            )
        }
        var lines: [(order: [UInt32], cells: [String])] = []
        var listed = Set<Int>()
        for row in pupils {
            let id = try row.decode(column: "id", as: Int.self)
            guard listed.insert(id).inserted else { continue }
            let name = try personalName(row)
            let parallel = try row.decode(column: "parallel", as: Int.self)
            let letter = try row.decode(column: "letter", as: String.self)
            let birth = try row.decode(column: "birth_date", as: String?.self).flatMap { LocalDate(iso: $0) }
            let enrolled = LocalDate(iso: try row.decode(column: "starts_on", as: String.self))
            var cells = [name.lastName, name.firstName, name.patronymic ?? "", birth?.russian ?? "", "\(parallel)\(letter)", enrolled?.russian ?? ""]
            for index in 0..<PupilList.guardianColumns.count {
                let guardian = guardians[id].flatMap { index < $0.count ? $0[index] : nil }
                cells += [guardian?.name ?? "", guardian?.relation ?? ""]
            }
            lines.append(
                ([UInt32(parallel)] + RussianOrder.key([letter, name.lastName, name.firstName, name.patronymic ?? ""], foldingYo: true), cells)
            )
        }
        return lines.sorted { $0.order.lexicographicallyPrecedes($1.order) }.map(\.cells)
    }

    static func personalName(_ row: any SQLRow) throws -> PersonalName {
        PersonalName(
            lastName: try row.decode(column: "last_name", as: String.self),
            firstName: try row.decode(column: "first_name", as: String.self),
            patronymic: try row.decode(column: "patronymic", as: String?.self)
        )
    }
}
