import ZhurnalCore

/// Logins and roles: one account for every person.
enum DemoAccounts {
    struct Planned: Sendable {
        let person: Int
        let login: String
        let roles: [Role]
    }

    /// Every person in id order. The administration gets the fixed logins «admin», «director», «deputy»; everyone
    /// else «фамилия.ио» romanised ("ivanova.ma"), with a number added on a clash ("ivanova.ma2").
    static func plan(people: DemoPeople, staff: DemoStaff, classes: [DemoClass], pupils: DemoPupils) -> [Planned] {
        var roles: [Int: Set<Role>] = [:]
        roles[staff.admin, default: []].insert(.admin)
        roles[staff.director, default: []].insert(.director)
        roles[staff.deputy, default: []].insert(.deputy)
        for teacher in staff.teachers { roles[teacher.person, default: []].insert(.teacher) }
        for schoolClass in classes {
            if let homeroom = schoolClass.homeroomTeacher { roles[homeroom, default: []].insert(.homeroom) }
        }
        for pupil in pupils.pupils { roles[pupil.person, default: []].insert(.student) }
        for guardianship in pupils.guardianships { roles[guardianship.guardian, default: []].insert(.parent) }

        let fixed = [staff.admin: "admin", staff.director: "director", staff.deputy: "deputy"]
        var taken = Set(fixed.values)
        var planned: [Planned] = []
        for person in people.all {
            let login: String
            if let name = fixed[person.id] {
                login = name
            } else {
                let base = loginBase(person)
                var candidate = base
                var number = 2
                while taken.contains(candidate) {
                    candidate = base + String(number)
                    number += 1
                }
                login = candidate
            }
            taken.insert(login)
            let held = roles[person.id] ?? []
            planned.append(Planned(person: person.id, login: login, roles: Role.allCases.filter(held.contains)))
        }
        return planned
    }

    static func loginBase(_ person: DemoPerson) -> String {
        LoginName.base(lastName: person.lastName, firstName: person.firstName, patronymic: person.patronymic)
    }

    /// The CSV of RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or a line break, quotes
    /// doubled inside.
    static func csv(_ accounts: [DemoAccount]) -> String {
        var lines = ["login,password,roles,fullName"]
        for account in accounts {
            lines.append(
                [
                    account.login, account.password, account.roles.map(\.rawValue).joined(separator: " "),
                    account.fullName,
                ]
                .map(field)
                .joined(separator: ",")
            )
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }
}
