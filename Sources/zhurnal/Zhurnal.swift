import ArgumentParser

@main
struct Zhurnal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhurnal",
        abstract: "Zhurnal — электронный классный журнал и дневник школы.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, AdminCommand.self, DigestCommand.self, RemarksCommand.self, ImportCommand.self,
            ExportCommand.self,
            BenchCommand.self,
        ]
    )
}
