import ZhurnalCore

/// The academic year containing `until`: its periods, holidays and the days each parallel is taught.
struct DemoCalendar: Sendable {
    struct Period: Sendable {
        let id: Int
        let kind: PeriodKind
        let number: Int
        let span: DateSpan
        var title: String { "\(number) \(kind.russianTitle)" }
    }

    struct Holiday: Sendable {
        let id: Int
        let title: String
        let span: DateSpan
        let onlyParallel: Int?
    }

    let yearStart: LocalDate
    let yearEnd: LocalDate
    let title: String
    let until: LocalDate
    let periods: [Period]
    let holidays: [Holiday]
    /// Per parallel (index 1…11), per day of the year (index 0 = 1 September): whether lessons are held.
    private let teachingDays: [[Bool]]

    init(until: LocalDate) {
        let year = until.month >= 9 ? until.year : until.year - 1
        func day(_ month: Int, _ day: Int) -> LocalDate {
            LocalDate(year: month >= 9 ? year : year + 1, month: month, day: day)!
        }
        yearStart = day(9, 1)
        yearEnd = day(8, 31)
        title = "\(year)/\(String((year + 1) % 100).leftPaddedToTwo)"
        self.until = until

        var periods: [Period] = []
        let quarters = [
            (day(9, 1), day(10, 23)), (day(11, 2), day(12, 29)), (day(1, 12), day(3, 20)),
            (day(3, 30), day(5, 25)),
        ]
        let halves = [(day(9, 1), day(12, 29)), (day(1, 12), day(5, 25))]
        for (index, bounds) in quarters.enumerated() {
            periods.append(
                Period(id: periods.count + 1, kind: .quarter, number: index + 1, span: DateSpan(bounds.0, bounds.1))
            )
        }
        for (index, bounds) in halves.enumerated() {
            periods.append(
                Period(id: periods.count + 1, kind: .halfYear, number: index + 1, span: DateSpan(bounds.0, bounds.1))
            )
        }
        self.periods = periods

        // The first grade's extra week falls in mid-February, Monday to Sunday.
        let february15 = day(2, 15)
        let februaryMonday = february15.adding(days: 1 - february15.weekday)
        var holidays: [(String, LocalDate, LocalDate, Int?)] = [
            ("Осенние каникулы", day(10, 24), day(11, 1), nil),
            ("Зимние каникулы", day(12, 30), day(1, 11), nil),
            ("Дополнительные каникулы для первоклассников", februaryMonday, februaryMonday.adding(days: 6), 1),
            ("Весенние каникулы", day(3, 21), day(3, 29), nil),
            ("Летние каникулы", day(5, 26), day(8, 31), nil),
        ]
        // Public holidays are days off too; only those on a weekday matter to the timetable.
        for (title, date) in [
            ("День народного единства", day(11, 4)), ("День защитника Отечества", day(2, 23)),
            ("Международный женский день", day(3, 8)), ("Праздник Весны и Труда", day(5, 1)),
            ("День Победы", day(5, 9)),
        ] where date.weekday <= 5 {
            holidays.append((title, date, date, nil))
        }
        holidays.sort { $0.1 < $1.1 }
        self.holidays = holidays.enumerated().map { index, holiday in
            Holiday(id: index + 1, title: holiday.0, span: DateSpan(holiday.1, holiday.2), onlyParallel: holiday.3)
        }

        let first = yearStart
        let length = first.distance(to: yearEnd) + 1
        let allHolidays = self.holidays
        var teachingDays = [[Bool]](repeating: [], count: 12)
        for parallel in 1...11 {
            let kind = Self.periodKind(parallel: parallel)
            let own = periods.filter { $0.kind == kind }
            let off = allHolidays.filter { $0.onlyParallel == nil || $0.onlyParallel == parallel }
            teachingDays[parallel] = (0..<length).map { offset in
                let date = first.adding(days: offset)
                return date.weekday <= 5 && own.contains { $0.span.contains(date) }
                    && !off.contains { $0.span.contains(date) }
            }
        }
        self.teachingDays = teachingDays
    }

    /// Quarters for the 1st–9th grades, half-years for the 10th and 11th.
    static func periodKind(parallel: Int) -> PeriodKind {
        parallel >= 10 ? .halfYear : .quarter
    }

    /// The last day lessons are generated for.
    var lastLessonDay: LocalDate { min(until, yearEnd) }

    func isTeachingDay(_ date: LocalDate, parallel: Int) -> Bool {
        let offset = yearStart.distance(to: date)
        guard offset >= 0, offset < teachingDays[parallel].count else { return false }
        return teachingDays[parallel][offset]
    }

    /// The teaching days of a parallel within `span`, in order.
    func teachingDays(in span: DateSpan, parallel: Int) -> [LocalDate] {
        span.days.filter { isTeachingDay($0, parallel: parallel) }
    }

    func period(_ kind: PeriodKind, containing date: LocalDate) -> Period? {
        periods.first { $0.kind == kind && $0.span.contains(date) }
    }

    /// Periods whose term marks are due: those that ended before `until`.
    var finishedPeriods: [Period] {
        periods.filter { $0.span.end < until }
    }
}

/// Instants as the schema stores them: UTC text. The school is in Moscow, UTC+3 all year since 2014.
enum DemoClock {
    static let moscowOffsetMinutes = 180

    /// `2026-09-01T05:30:00Z` for 08:30 school time on 1 September 2026.
    static func instant(_ date: LocalDate, minutes: Int) -> String {
        let total = date.dayNumber * 1440 + minutes - moscowOffsetMinutes
        let day = LocalDate(dayNumber: total >= 0 ? total / 1440 : (total - 1439) / 1440)
        let minuteOfDay = total - day.dayNumber * 1440
        return day.iso + "T" + DemoCurriculum.clock(minuteOfDay) + ":00Z"
    }
}

extension String {
    fileprivate var leftPaddedToTwo: String { count >= 2 ? self : String(repeating: "0", count: 2 - count) + self }
}
