import ArgumentParser
import Foundation
import Logging
import ZhurnalStore
import ZhurnalWeb

/// The e-mail digest: run it once a day from cron (or a systemd timer). Each person who gave an address gets what
/// was written since his previous digest, through the system's sendmail.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Разослать ежедневную сводку уведомлений по почте через sendmail.",
        discussion: "Запускайте раз в день (cron, таймер systemd). Письмо получает тот, кто указал адрес на странице «Уведомления»."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Программа sendmail: письмо на входе, адрес получателя аргументом.")
    var sendmail = "/usr/sbin/sendmail"

    @Option(help: "Адрес отправителя, например zhurnal@school1.example.ru.")
    var from: String

    @Option(name: .customLong("base-url"), help: "Адрес сайта для ссылок в письмах, например https://school1.example.ru.")
    var baseURL: String

    func run() async throws {
        Logs.bootstrap(level: .warning)
        guard FileManager.default.isExecutableFile(atPath: sendmail) else {
            throw CommandFailure.report(CommandError(message: "sendmail не найден или не запускается: \(sendmail). Укажите путь в --sendmail."))
        }
        guard let url = URL(string: baseURL), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw CommandFailure.report(CommandError(message: "--base-url должен быть адресом сайта, например https://school1.example.ru."))
        }
        let db = try await CommandFailure.guarding {
            try await Database.open(DatabaseLocation(url: database.url), logger: Logs.logger())
        }
        do {
            let outcome = try await DigestRun(database: db, sendmail: sendmail, from: from, baseURL: baseURL, clock: { Date() }).run()
            say("Отправлено писем: \(outcome.sent); без новостей: \(outcome.nothingNew); не принято: \(outcome.failed.count).")
            for failure in outcome.failed { say("  не принято: \(failure)") }
            await db.close()
            if !outcome.failed.isEmpty { throw ExitCode.failure }
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }
}
