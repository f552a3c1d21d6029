/// A message or an announcement as written, checked before anything is stored (SECURITY.md: a specific error for
/// each bad field).
public enum Correspondence {
    public static let maxSubject = 200
    public static let maxBody = 5000
    /// An announcement hangs for at most a year.
    public static let maxAnnouncementDays = 366

    public typealias Refusal = RuleRefusal

    /// The subject and body with their whitespace trimmed; the subject may be empty for a message.
    public static func message(subject: String, body: String) throws(Refusal) -> (subject: String, body: String) {
        let subject = subject.trimmingWhitespace()
        let body = body.trimmingWhitespace()
        if body.isEmpty { throw Refusal(code: "empty_body", russianMessage: "Напишите текст сообщения.") }
        try limit(subject: subject, body: body)
        return (subject, body)
    }

    /// An announcement needs a title, a text and an expiry from today to a year ahead.
    public static func announcement(
        title: String,
        body: String,
        expiresOn: String,
        today: LocalDate
    ) throws(Refusal)
        -> (title: String, body: String, expiresOn: LocalDate)
    {
        let title = title.trimmingWhitespace()
        let body = body.trimmingWhitespace()
        if title.isEmpty { throw Refusal(code: "empty_title", russianMessage: "Укажите заголовок объявления.") }
        if body.isEmpty { throw Refusal(code: "empty_body", russianMessage: "Напишите текст объявления.") }
        try limit(subject: title, body: body)
        guard let expires = LocalDate(iso: expiresOn.trimmingWhitespace()) else {
            throw Refusal(code: "bad_expiry", russianMessage: "Срок показа — дата в виде ГГГГ-ММ-ДД, например 2026-10-20.")
        }
        if expires < today {
            throw Refusal(code: "expiry_in_past", russianMessage: "Срок показа уже прошёл: укажите сегодняшнюю или более позднюю дату.")
        }
        if expires > today.adding(days: maxAnnouncementDays) {
            throw Refusal(code: "expiry_too_far", russianMessage: "Объявление показывается не дольше года: укажите более раннюю дату.")
        }
        return (title, body, expires)
    }

    private static func limit(subject: String, body: String) throws(Refusal) {
        if subject.count > maxSubject {
            throw Refusal(code: "subject_too_long", russianMessage: "Заголовок длиннее \(maxSubject) знаков: сократите его.")
        }
        if body.count > maxBody {
            throw Refusal(code: "body_too_long", russianMessage: "Текст длиннее \(maxBody) знаков: сократите его.")
        }
    }
}
