/// Whether a change to the journal may be made now (DOMAIN.md §3, "Edit window and corrections"): closed periods
/// are locked for everyone; no lesson is kept on a holiday or when it was cancelled; a pupil's cell exists only
/// while he is enrolled; a teacher changes marks and attendance for `editWindowDays` after the lesson, and later only
/// the deputy or the administrator may, with a written reason.
public enum JournalEditRules {
    /// What is being changed: a pupil's cell (a mark, an absence), the lesson's own record (topic, homework, the
    /// control work's type), a pupil's part of that record (homework for him alone: the record's rules, and he must be
    /// enrolled that day), or who taught the lesson (a substitution).
    public enum Target: Sendable, Hashable {
        case pupilCell
        case lessonRecord
        case pupilRecord
        /// Asked with the rights on the course, not on the lesson: a substitute does not hand his lesson on.
        case substitution
    }

    /// What the person changing it may do, as the access policy answered: keep this course's journal, and correct
    /// after the window.
    public struct Rights: Sendable, Hashable {
        public let keepsJournal: Bool
        public let corrects: Bool

        public init(keepsJournal: Bool, corrects: Bool) {
            self.keepsJournal = keepsJournal
            self.corrects = corrects
        }
    }

    /// The facts of the lesson and the cell the rules look at.
    public struct Situation: Sendable, Hashable {
        public let lessonDate: LocalDate
        public let today: LocalDate
        /// nil: the school set no limit.
        public let editWindowDays: Int?
        public let periodClosed: Bool
        public let holiday: Bool
        public let lessonCancelled: Bool
        /// For a pupil's cell: whether he was enrolled on the lesson's day.
        public let pupilEnrolled: Bool

        public init(
            lessonDate: LocalDate,
            today: LocalDate,
            editWindowDays: Int?,
            periodClosed: Bool = false,
            holiday: Bool = false,
            lessonCancelled: Bool = false,
            pupilEnrolled: Bool = true
        ) {
            self.lessonDate = lessonDate
            self.today = today
            self.editWindowDays = editWindowDays
            self.periodClosed = periodClosed
            self.holiday = holiday
            self.lessonCancelled = lessonCancelled
            self.pupilEnrolled = pupilEnrolled
        }

        /// Whether the edit window has passed: with a 7-day window a lesson of the 1st is open through the 8th.
        public var windowPassed: Bool {
            guard let days = editWindowDays else { return false }
            return lessonDate.distance(to: today) > days
        }
    }

    /// nil when the change may be made; otherwise why not. The reason is trimmed; an empty one counts as none.
    public static func refusal(
        _ target: Target,
        _ situation: Situation,
        rights: Rights,
        reason: String?
    ) -> JournalEditRefusal? {
        guard rights.keepsJournal || rights.corrects else { return target == .substitution ? .substitutionNotYours : .notYourJournal }
        if situation.periodClosed { return .periodClosed }
        if situation.holiday { return .holiday }
        if situation.lessonCancelled { return .lessonCancelled }
        switch target {
        case .lessonRecord:
            return nil
        case .pupilRecord:
            return situation.pupilEnrolled ? nil : .pupilNotEnrolled
        case .substitution:
            // Planned ahead (the deputy arranges tomorrow's substitutions) or entered within the window; later only the
            // deputy or the administrator, whose name and time the lesson keeps.
            if situation.windowPassed, !rights.corrects { return .substitutionWindowPassed(days: situation.editWindowDays ?? 0) }
            return nil
        case .pupilCell:
            break
        }
        if situation.lessonDate > situation.today { return .lessonNotYetHeld }
        if !situation.pupilEnrolled { return .pupilNotEnrolled }
        let hasReason = !(reason ?? "").allSatisfy(\.isWhitespace)
        if situation.windowPassed {
            guard rights.corrects else { return .editWindowPassed(days: situation.editWindowDays ?? 0) }
            return hasReason ? nil : .reasonRequired
        }
        // Within the window the teacher needs no reason; a correction of someone else's journal always states one.
        if !rights.keepsJournal, !hasReason { return .reasonRequired }
        return nil
    }
}

/// Why a change to the journal was refused, in words for the page and a code for the API.
public enum JournalEditRefusal: Error, Sendable, Hashable {
    case notYourJournal
    case periodClosed
    case holiday
    case lessonCancelled
    case lessonNotYetHeld
    case pupilNotEnrolled
    case editWindowPassed(days: Int)
    case reasonRequired
    case substitutionNotYours
    case substitutionWindowPassed(days: Int)

    public var code: String {
        switch self {
        case .notYourJournal: "not_your_journal"
        case .periodClosed: "period_closed"
        case .holiday: "holiday"
        case .lessonCancelled: "lesson_cancelled"
        case .lessonNotYetHeld: "lesson_not_yet_held"
        case .pupilNotEnrolled: "pupil_not_enrolled"
        case .editWindowPassed: "edit_window_passed"
        case .substitutionWindowPassed: "substitution_window_passed"
        case .reasonRequired: "reason_required"
        case .substitutionNotYours: "substitution_not_yours"
        }
    }

    public var message: String {
        switch self {
        case .notYourJournal: "Это журнал другого учителя: вносить в него записи вы не можете."
        case .periodClosed: "Период закрыт: изменить записи можно, только когда заместитель директора его откроет."
        case .holiday: "Этот день — каникулы или праздник: урока в журнале быть не может."
        case .lessonCancelled: "Урок отменён: отметки и посещаемость к нему не ставятся."
        case .lessonNotYetHeld: "Урок ещё не прошёл: отметки и пропуски ставятся в день урока или позже."
        case .pupilNotEnrolled: "В день урока этот ученик не числился в классе или группе."
        case .editWindowPassed(let days):
            "Прошло больше \(days) дн. после урока: исправить запись может только заместитель директора или администратор, указав причину."
        case .reasonRequired: "Укажите причину исправления: она сохранится в истории изменений."
        case .substitutionNotYours: "Замену на уроке записывает учитель курса, заместитель директора или администратор."
        case .substitutionWindowPassed(let days):
            "Прошло больше \(days) дн. после урока: замену теперь записывает только заместитель директора или администратор."
        }
    }
}
