/// What an actor wants to do (DOMAIN.md §1). Each action makes sense for some kinds of resource; asked about any
/// other, the policy refuses.
public enum AccessAction: String, Sendable, Hashable, CaseIterable {
    /// See it: a course's journal, a class's lists, a student's diary, an account's card, a session.
    case read
    /// See a pupil's diary: his lessons, homework, marks and attendance. His family sees it only once the consent of
    /// his legal representative is on record (DOMAIN.md §7); staff who may read the pupil see it regardless.
    case readDiary
    /// Confirm, as a pupil's parent, that one has seen his week («Ознакомлен»).
    case acknowledgeDiary
    /// Keep a course's journal within the edit window: lessons, topics, homework, marks, attendance, term marks. Asked
    /// of one lesson: that lesson's topic, homework, attendance and marks (what a substitute may keep).
    case keepJournal
    /// Change marks and attendance after the edit window, with a written reason.
    case correctAfterWindow
    /// Read the history of a course's cells.
    case readHistory
    /// Turn «н» into «б» or «у» for a student or a whole class.
    case classifyAbsence
    /// Close and reopen periods.
    case closePeriod
    /// The school's year, classes, curriculum, timetable and settings.
    case manageStructure
    /// Move, cancel or add a lesson on a date (the timetable's changes, DOMAIN.md §2), as substitutions are arranged.
    case changeSchedule
    /// Create accounts, issue credentials, reset passwords, deactivate.
    case manageAccounts
    /// One's own password, second factor and sessions.
    case manageOwnCredentials
    /// Read the log of sign-ins, refusals and account changes.
    case readSecurityLog
    /// Read aggregated reports (metrics, journal-keeping control) of a school.
    case readAggregates
    /// End a session.
    case endSession
    /// Write a message to a person, or to a whole class (its pupils or its parents).
    case writeMessage
    /// Publish an announcement to the whole school, or to a class or its parents.
    case announce
}

/// The answer, with why a refusal happened: a resource of another school is answered as if it did not exist, so
/// that ids cannot be probed across schools; within the school a refusal is a plain "forbidden".
public enum AccessDecision: Sendable, Hashable {
    case allowed
    case denied(AccessDenial)

    public var isAllowed: Bool { self == .allowed }
}

public enum AccessDenial: String, Sendable, Hashable {
    case otherSchool
    case notPermitted
}
