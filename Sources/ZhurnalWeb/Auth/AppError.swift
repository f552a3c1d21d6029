import HTTPTypes
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A refusal the user can act on: a status, a stable code for programs and a Russian message for people.
/// `ErrorMiddleware` turns it into a page or `{"error": {"code", "message"}}`.
struct AppError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var retryAfter: Int? = nil

    static let signInRequired = AppError(
        status: .unauthorized,
        code: "sign_in_required",
        message: "Войдите в систему, чтобы открыть эту страницу."
    )
    static let forbidden = AppError(status: .forbidden, code: "forbidden", message: "У вас нет прав на это действие.")
    static let notFound = AppError(status: .notFound, code: "not_found", message: "Такой страницы нет. Проверьте адрес.")
    static let csrf = AppError(
        status: .forbidden,
        code: "csrf_failed",
        message: "Форма устарела или отправлена с другого сайта. Обновите страницу и отправьте её ещё раз."
    )
    static let invalidCredentials = AppError(
        status: .unauthorized,
        code: "invalid_credentials",
        message: "Неверный логин или пароль."
    )
    static let initialPasswordUsed = AppError(
        status: .unauthorized,
        code: "initial_password_used",
        message: "Этот одноразовый пароль уже использован. Попросите администратора выдать новый."
    )
    static let initialPasswordExpired = AppError(
        status: .unauthorized,
        code: "initial_password_expired",
        message: "Срок действия одноразового пароля истёк. Попросите администратора выдать новый."
    )
    static let otpRequired = AppError(
        status: .unauthorized,
        code: "otp_required",
        message: "Нужен код из приложения-аутентификатора (поле otp)."
    )
    static let otpInvalid = AppError(
        status: .unauthorized,
        code: "otp_invalid",
        message: "Код неверный или уже использован. Введите новый код из приложения или резервный код."
    )
    static let passwordChangeRequired = AppError(
        status: .forbidden,
        code: "password_change_required",
        message: "Сначала войдите на сайт и смените одноразовый пароль на свой."
    )
    static let secondFactorEnrolmentRequired = AppError(
        status: .forbidden,
        code: "second_factor_enrolment_required",
        message: "Администратору нужен второй фактор: войдите на сайт и подключите его."
    )
    static let signInIncomplete = AppError(
        status: .forbidden,
        code: "sign_in_incomplete",
        message: "Вход не завершён: пройдите его шаги на сайте."
    )
    static let invalidToken = AppError(
        status: .unauthorized,
        code: "invalid_token",
        message: "Токен недействителен или срок сеанса истёк. Войдите снова."
    )

    static func throttled(seconds: Int) -> AppError {
        AppError(
            status: .tooManyRequests,
            code: "too_many_attempts",
            message: "Слишком много неудачных попыток входа. Повторите через \(seconds) \(RussianPlural.seconds(seconds)).",
            retryAfter: seconds
        )
    }

    static func badRequest(_ code: String, _ message: String) -> AppError {
        AppError(status: .badRequest, code: code, message: message)
    }

    static func invalid(_ code: String, _ message: String) -> AppError {
        AppError(status: .unprocessableContent, code: code, message: message)
    }

    /// A set-up or correspondence rule's refusal, as the 422 the pages and the API answer.
    static func invalid(_ refusal: RuleRefusal) -> AppError { invalid(refusal.code, refusal.russianMessage) }
}

/// Russian plural forms: 1 секунду, 2 секунды, 5 секунд.
enum RussianPlural {
    static func form(_ number: Int, _ one: String, _ few: String, _ many: String) -> String {
        let tens = number % 100
        let units = number % 10
        if (11...14).contains(tens) { return many }
        if units == 1 { return one }
        if (2...4).contains(units) { return few }
        return many
    }

    static func seconds(_ number: Int) -> String { form(number, "секунду", "секунды", "секунд") }
}

extension AppError {
    /// A refusal of the journal's rules: 403 for another teacher's journal, 422 for the rest.
    init(_ refusal: JournalEditRefusal) {
        let forbidden = refusal == .notYourJournal || refusal == .substitutionNotYours
        self.init(status: forbidden ? .forbidden : .unprocessableContent, code: refusal.code, message: refusal.message)
    }

    /// A refused homework or file: 413 for a file over the size limit, 422 for the rest.
    init(_ refusal: HomeworkRefusal) {
        self.init(status: refusal.isTooLarge ? .contentTooLarge : .unprocessableContent, code: refusal.code, message: refusal.message)
    }

    /// A journal write the store could not make: a stale version is a conflict.
    init(_ error: JournalWriteError) {
        switch error {
        case .staleVersion(let current):
            self.init(
                status: .conflict,
                code: "conflict",
                message: "Эту запись уже изменили (теперь версия \(current)): обновите журнал и внесите изменение ещё раз."
            )
        case .unknownWorkType:
            self = .invalid("unknown_work_type", "Такого вида работы в школе нет.")
        case .notFound:
            self = .notFound
        }
    }
}
