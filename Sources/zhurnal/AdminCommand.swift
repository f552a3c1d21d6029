import ArgumentParser
import Foundation
import Logging
import ZhurnalStore

struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Учётные записи администраторов.",
        subcommands: [AdminCreateCommand.self, AdminObserveCommand.self, AdminFamilyCommand.self]
    )
}

/// The first administrator of a fresh installation: Zhurnal has no default accounts.
struct AdminCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Создать первого администратора школы и выдать ему одноразовый пароль.",
        discussion: """
            Работает, только пока в школе нет действующего администратора. Пароль печатается один раз; при первом \
            входе его нужно сменить и подключить второй фактор (приложение-аутентификатор).
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Логин: латинские буквы, цифры, точка, дефис.") var login: String
    @Option(help: "Фамилия.") var lastName: String
    @Option(help: "Имя.") var firstName: String
    @Option(help: "Отчество.") var patronymic: String?
    @Option(help: "Название школы, если база пуста.") var school: String?

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let db = try await CommandFailure.guarding {
            try await Database.open(DatabaseLocation(url: database.url), logger: Logs.logger())
        }
        do {
            _ = try await Migrator(database: db).migrate()
            let password = InitialPassword.generate()
            let hash = PasswordHasher().hash(password)
            let request = FirstAdministrator.Request(
                login: login.lowercased(),
                lastName: lastName,
                firstName: firstName,
                patronymic: patronymic,
                schoolName: school
            )
            let created = try await db.write { try await FirstAdministrator.create(request, initialPasswordHash: hash, now: Date(), in: $0) }
            await db.close()
            say("Администратор школы «\(created.schoolName)» создан.")
            say("Логин: \(request.login)")
            say("Одноразовый пароль: \(password)")
            say("Пароль действует 14 дней и один вход; затем нужно придумать свой и подключить второй фактор.")
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }
}

/// Which schools an observer reads: a region's decision, so it is made by whoever runs the installation.
struct AdminObserveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Задать школы, сводные отчёты которых читает наблюдатель (заменяет прежний список)."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Логин учётной записи с ролью «наблюдатель».") var login: String
    @Option(name: .customLong("school"), help: "Номер школы; можно повторять.") var schools: [Int]

    func validate() throws {
        guard !schools.isEmpty else { throw ValidationError("--school: хотя бы одна школа") }
    }

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let db = try await database.openMigrated(logger: Logs.logger())
        do {
            let login = login.lowercased()
            _ = try await db.write { try await ObserverSchools.grant(login: login, schools: Set(schools), in: $0) }
            await db.close()
            say("Наблюдатель «\(login)» читает школы: \(schools.sorted().map(String.init).joined(separator: ", ")).")
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }
}

/// A parent whose child goes to another school of the installation: his account is linked to the child there, and he
/// reads that diary from his own account. Like an observer's schools, this is the operator's to grant.
struct AdminFamilyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "family",
        abstract: "Открыть родителю дневник его ребёнка из другой школы (или закрыть с --unlink)."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Логин учётной записи родителя (в его школе).") var login: String
    @Option(help: "Номер школы ребёнка.") var school: Int
    @Option(help: "Номер ребёнка в его школе.") var student: Int
    @Flag(help: "Убрать связь.") var unlink = false

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let db = try await database.openMigrated(logger: Logs.logger())
        do {
            if unlink {
                let removed = try await db.write { try await FamilyLinks.unlink(login: login, school: school, student: student, in: $0) }
                say(removed ? "Связь убрана: «\(login)» больше не видит дневник ученика \(student) школы \(school)." : "Такой связи не было.")
            } else {
                let name = try await db.write { try await FamilyLinks.link(login: login, school: school, student: student, at: Date(), in: $0) }
                say("«\(login)» видит дневник: \(name), школа \(school) (при записанном в школе согласии).")
            }
            await db.close()
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }
}
