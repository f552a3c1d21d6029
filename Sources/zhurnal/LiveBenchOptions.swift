import ArgumentParser
import Foundation

/// The options of the benches that measure requests on a live server with the demo school.
struct LiveBenchOptions: ParsableArguments {
    @Option(help: "Размер демо-школы в учениках.")
    var students: Int = 600

    @Option(help: "Сколько запросов каждого вида.")
    var runs: Int = 300

    @Option(help: "Папка для файла SQLite (база демо-школы переиспользуется, если уже есть).")
    var workDir: String = FileManager.default.temporaryDirectory.path

    @Flag(help: "Ещё и нагрузить главную страницу замера программой wrk (4 соединения, 2 потока) из отдельного процесса.")
    var wrk = false

    @Option(help: "Сколько секунд нагружать wrk.")
    var wrkSeconds: Int = 10
}
