import Foundation
import Hummingbird
import ZhurnalStore

/// `GET /healthz` for load balancers and monitoring: 200 when the database answers and its schema is the one this
/// build knows, 503 otherwise.
struct HealthController: Sendable {
    let database: Database

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/healthz") { _, _ in try await check() }
    }

    struct Health: ResponseEncodable {
        let status: String
        let database: String
        let schemaVersion: Int?
        let knownSchemaVersion: Int
    }

    func check() async throws -> EditedResponse<Health> {
        let migrator = Migrator(database: database)
        do {
            let version = try await migrator.currentVersion()
            let ok = version == migrator.knownVersion
            return EditedResponse(
                status: ok ? .ok : .serviceUnavailable,
                response: Health(
                    status: ok ? "ok" : "schema_mismatch",
                    database: database.flavor.rawValue,
                    schemaVersion: version,
                    knownSchemaVersion: migrator.knownVersion
                )
            )
        } catch {
            return EditedResponse(
                status: .serviceUnavailable,
                response: Health(
                    status: "database_unavailable",
                    database: database.flavor.rawValue,
                    schemaVersion: nil,
                    knownSchemaVersion: migrator.knownVersion
                )
            )
        }
    }
}
