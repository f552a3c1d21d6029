import Foundation

/// The CSV of demo accounts. It is staged beside its target before any work, so that an unwritable path fails at
/// once, and renamed into place only when the school has been committed: a failed run leaves an earlier file alone.
struct AccountsFile {
    let path: String
    let staging: String

    static func reserve(_ path: String) throws -> AccountsFile {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        let staging = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
        // Passwords inside: readable by the owner only.
        guard FileManager.default.createFile(atPath: staging, contents: Data(), attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure.report(
                CommandError(message: "не удалось создать файл «\(path)» для учётных записей: проверьте путь и права")
            )
        }
        return AccountsFile(path: path, staging: staging)
    }

    func commit(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: staging))
        guard rename(staging, path) == 0 else {
            throw CommandError(message: "не удалось записать «\(path)»: \(String(cString: strerror(errno)))")
        }
    }

    func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
