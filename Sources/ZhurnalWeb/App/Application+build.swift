import Foundation
import Hummingbird
import Logging
import ZhurnalCore
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
///
/// Middleware, outermost first: the request log, the security headers, errors as pages or JSON, then the session
/// (who is asking, checked against the database on every request) and the CSRF check that needs it.
public func buildRouter(_ dependencies: AppDependencies) async throws -> Router<AppRequestContext> {
    let pages = try await PageRenderer.load()
    let database = dependencies.database
    let clock = dependencies.clock
    let cookie = SessionCookie(secure: dependencies.security.servedOverTLS)
    let access = Access(database: database, clock: clock)
    let signIn = SignInService(database: database, clock: clock, hasher: dependencies.hasher)

    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestLogMiddleware()
        SecurityHeadersMiddleware()
        ErrorMiddleware(pages: pages)
        SessionMiddleware(database: database, clock: clock, cookie: cookie, trustProxy: dependencies.security.trustProxy)
        CSRFMiddleware()
        // Again inside: an error of a route then renders with the person's navigation.
        ErrorMiddleware(pages: pages)
    }
    HealthController(database: database).addRoutes(to: router)
    StaticController().addRoutes(to: router)
    HomeController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    SignInController(service: signIn, database: database, pages: pages, cookie: cookie, clock: clock).addRoutes(to: router)
    PasswordController(service: signIn, database: database, access: access, pages: pages, cookie: cookie, clock: clock)
        .addRoutes(to: router)
    SessionsController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    AuthAPIController(service: signIn, database: database, access: access, clock: clock).addRoutes(to: router)
    SchoolAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    JournalAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    CourseJournalAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    TermMarkAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    YearMarksAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    AbsenceAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    try OpenAPIController.load().addRoutes(to: router)
    let lessons = JournalPageController(database: database, pages: pages, access: access, clock: clock, homeworkFiles: dependencies.homeworkFiles)
    lessons.addRoutes(to: router)
    CellHistoryController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    let homework = HomeworkKeeper(database: database, access: access, clock: clock, limits: dependencies.homeworkFiles)
    HomeworkAPIController(keeper: homework).addRoutes(to: router)
    HomeworkPageController(keeper: homework, lessons: lessons).addRoutes(to: router)
    YearMarksPageController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    DiaryAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    DiaryPageController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    DiaryMarksPageController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    ClassAcknowledgementsController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    DiaryPrintController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    MessagesPageController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    AnnouncementsPageController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    NotificationsPageController(database: database, pages: pages, clock: clock).addRoutes(to: router)
    CorrespondenceAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    SecondFactorController(service: signIn, database: database, access: access, pages: pages, cookie: cookie, clock: clock)
        .addRoutes(to: router)
    let issuer = CredentialIssuer(database: database, hasher: dependencies.hasher, clock: clock, publicURL: dependencies.security.publicURL)
    let people = AdminPeopleController(database: database, pages: pages, access: access, issuer: issuer, clock: clock)
    people.addRoutes(to: router)
    StaffListController(database: database, pages: pages, access: access, issuer: issuer, people: people).addRoutes(to: router)
    SecurityLogController(database: database, pages: pages, access: access).addRoutes(to: router)
    AdminCalendarController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    CalendarAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    AdminClassesController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    ClassesAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    AdminImportController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    ImportsAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    AdminMovementController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    MovementAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    AdminRolloverController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    RolloverAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    AdminSchoolController(database: database, pages: pages, access: access).addRoutes(to: router)
    AdminTimetableController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    TimetableAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    ScheduleChangeController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    ScheduleChangeAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    TeacherWeekController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    AdminGroupsController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    GroupsAPIController(database: database, access: access, clock: clock).addRoutes(to: router)
    CoursePlanController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    AdminCurriculumController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    MonthlyCheckController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    ReportsController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    MetricsController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    JournalControlController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    SummarySheetController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    RemarksController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    AssessmentScheduleController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    AttendanceReportController(database: database, pages: pages, access: access, clock: clock).addRoutes(to: router)
    RulebookAPIController(database: database, access: access).addRoutes(to: router)
    return router
}
