import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates in `Resources/templates`. Every page extends `layout`, so there is one layout and
/// one stylesheet; `{{ }}` escapes HTML, and templates never use the unescaped form for user data.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources") else {
            throw PageError.missingTemplates
        }
        return PageRenderer(library: try await MustacheLibrary(directory: folder.path))
    }

    /// A full HTML page. `status` lets error pages reuse the layout.
    func page(_ template: String, _ context: some PageContext, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(context, withTemplate: template) ?? "<!doctype html><title>Zhurnal</title>"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    func errorPage(_ problem: Problem, requestID: String, chrome: Chrome? = nil) -> Response {
        page(
            "error",
            ErrorPage(
                title: "Ошибка \(problem.status.code)",
                chrome: chrome,
                status: problem.status.code,
                message: problem.message,
                requestID: requestID
            ),
            status: problem.status
        )
    }

    enum PageError: Error {
        case missingTemplates
    }
}

/// What every page gives the layout: its title and the chrome (navigation, user, sign-out form).
protocol PageContext: Sendable {
    var title: String { get }
    var chrome: Chrome? { get }
}

struct ErrorPage: PageContext {
    let title: String
    let chrome: Chrome?
    let status: Int
    let message: String
    let requestID: String
}
