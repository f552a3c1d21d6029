import Foundation
import Hummingbird
import Logging
import ZhurnalStore

/// Builds the application: the one place where the router, the pages and the database meet.
public func buildApplication(
    _ configuration: AppConfiguration,
    dependencies: AppDependencies,
    logger: Logger
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(dependencies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Zhurnal"),
        logger: logger
    )
}

/// The router with every route and middleware; tests drive it in process through `app.test(.router)`.
public func buildRouter(_ dependencies: AppDependencies) async throws -> Router<BasicRequestContext> {
    let pages = try await PageRenderer.load()
    let router = Router(context: BasicRequestContext.self)
    router.addMiddleware {
        RequestLogMiddleware()
        SecurityHeadersMiddleware()
        ErrorMiddleware(pages: pages)
    }
    HealthController(database: dependencies.database).addRoutes(to: router)
    StaticController().addRoutes(to: router)
    HomeController(database: dependencies.database, pages: pages, clock: dependencies.clock).addRoutes(to: router)
    return router
}
