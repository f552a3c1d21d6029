/// Why a term mark can no longer be changed by anyone, not even the deputy (DOMAIN.md §3: term marks are locked
/// with the period; §8: the archived year is read only).
///
/// Decisions where DOMAIN.md is silent:
/// - a period mark is locked with its period;
/// - the year mark is locked with the year's last period: the deputy closes the last quarter once its marks and the
///   year marks are in, and reopens it (with a reason) to change either;
/// - exam and final marks come after the last period (exams are in June), so only the year's archive locks them;
/// - the archive locks every term mark of the year.
public enum TermMarkLock: Error, Sendable, Hashable {
    case periodClosed
    case lastPeriodClosed
    case yearArchived

    /// The lock on a mark of `kind`, or nil when it may be changed. `periodClosed` is the mark's own period (period
    /// marks only); `lastPeriodClosed` the last period of the course's year.
    public static func of(_ kind: TermMarkKind, periodClosed: Bool, lastPeriodClosed: Bool, yearArchived: Bool) -> TermMarkLock? {
        if yearArchived { return .yearArchived }
        switch kind {
        case .period: return periodClosed ? .periodClosed : nil
        case .year: return lastPeriodClosed ? .lastPeriodClosed : nil
        case .exam, .final: return nil
        }
    }

    public var code: String {
        switch self {
        case .periodClosed: JournalEditRefusal.periodClosed.code
        case .lastPeriodClosed: "last_period_closed"
        case .yearArchived: "year_archived"
        }
    }

    public var message: String {
        switch self {
        case .periodClosed: JournalEditRefusal.periodClosed.message
        case .lastPeriodClosed:
            "Последний период года закрыт: годовую отметку можно изменить, только когда заместитель директора его откроет."
        case .yearArchived: "Учебный год сдан в архив: его отметки больше не меняются."
        }
    }
}
