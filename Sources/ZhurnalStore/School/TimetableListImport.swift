import SQLKit
import ZhurnalCore

/// The school's weekly timetable imported from a file and exported to one, the same for the page, the API and the
/// command line. Every class the file names gets its week from the given date, as the class's page would save it:
/// first all those classes' old weeks end, then each new week is checked against the school as it then stands (the
/// file's other classes included) and written, then the lessons are laid — all in one transaction, rolled back
/// whole on any refusal or for a dry run.
public enum TimetableListImport {
    public struct Outcome: Sendable {
        /// The classes whose week the file changes; those it gives the week they already have are left alone.
        public let weeks: [TimetableList.Week]
        public var unchanged = 0
        public let refusals: [ImportRefusal]
        public let lessonsCreated: Int
        public let written: Bool
    }

    /// Carries an outcome out of a transaction that must not commit.
    private struct RolledBack: Error {
        let outcome: Outcome
    }

    public static func run(
        header: [String],
        rows: [ImportRow],
        school: Int,
        from: LocalDate,
        today: LocalDate,
        now: String,
        write: Bool,
        in database: Database
    ) async throws -> Outcome {
        do {
            return try await database.write { sql in
                try await SetUpLock.hold(school: school, in: sql)
                guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw PupilListImport.noYear }
                guard calendar.span.contains(from) else {
                    throw RuleRefusal(code: "bad_date", russianMessage: "Дата \(from.russian) — вне учебного года \(calendar.title).")
                }
                let classes = try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql)
                var courses: [Int: [Timetables.ClassCourse]] = [:]
                for schoolClass in classes {
                    courses[schoolClass.id] = try await Timetables.courses(school: school, of: .schoolClass(schoolClass.id), in: sql)
                }
                let bells = Set(try await SchoolRulebook.book(school: school, in: sql).bells.map(\.number))
                let read = try TimetableList.read(
                    header: header,
                    rows: rows,
                    classes: Dictionary(classes.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first }),
                    courses: courses.flatMap { classID, list in
                        list.map { TimetableList.Course(id: $0.id, classID: classID, subject: $0.subjectName, group: $0.groupTitle) }
                    },
                    bells: bells
                )
                guard read.refusals.isEmpty, !read.weeks.isEmpty else {
                    return Outcome(weeks: read.weeks, refusals: read.refusals, lessonsCreated: 0, written: false)
                }
                // The same file twice changes nothing: a class already on this week keeps its entries and lessons.
                var changed: [TimetableList.Week] = []
                for week in read.weeks {
                    let current = try await Timetables.week(school: school, of: .schoolClass(week.classID), on: from, in: sql)
                    if Set(current) != Set(week.cells) { changed.append(week) }
                }
                let unchanged = read.weeks.count - changed.count
                guard !changed.isEmpty else {
                    return Outcome(weeks: [], unchanged: unchanged, refusals: [], lessonsCreated: 0, written: false)
                }
                // Today's lessons may be held and not yet written down: they stay.
                let firstLesson = max(from, today.adding(days: 1))
                for week in changed {
                    try await Timetables.replace(
                        school: school,
                        owner: .schoolClass(week.classID),
                        cells: [],
                        from: from,
                        firstLesson: firstLesson,
                        in: sql
                    )
                }
                var refusals: [ImportRefusal] = []
                for week in changed {
                    let list = courses[week.classID] ?? []
                    do {
                        let checked = try TimetableRules.check(
                            cells: week.cells,
                            teachers: Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0.teacherIDs) }),
                            groups: list.reduce(into: [:]) { groups, course in groups[course.id] = course.groupID },
                            bells: bells,
                            busy: try await Timetables.busy(
                                school: school,
                                year: calendar.yearID,
                                except: .schoolClass(week.classID),
                                on: from,
                                in: sql
                            )
                        )
                        try await Timetables.replace(
                            school: school,
                            owner: .schoolClass(week.classID),
                            cells: checked,
                            from: from,
                            firstLesson: firstLesson,
                            in: sql
                        )
                    } catch let refusal as RuleRefusal {
                        refusals.append(
                            ImportRefusal(
                                line: week.lines.first ?? 0,
                                RuleRefusal(code: refusal.code, russianMessage: "\(week.name): \(refusal.russianMessage)")
                            )
                        )
                    }
                }
                guard refusals.isEmpty else {
                    throw RolledBack(outcome: Outcome(weeks: changed, unchanged: unchanged, refusals: refusals, lessonsCreated: 0, written: false))
                }
                var created = 0
                if let last = calendar.periods.map(\.span.end).max(), firstLesson <= last {
                    created = try await TimetableLessons.generate(
                        school: school,
                        calendar: calendar,
                        span: DateSpan(firstLesson, last),
                        now: now,
                        in: sql
                    )
                    .new.count
                }
                let outcome = Outcome(weeks: changed, unchanged: unchanged, refusals: [], lessonsCreated: created, written: write)
                if !write { throw RolledBack(outcome: outcome) }
                return outcome
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.outcome
        }
    }

    /// Every class's week as it stands on `date`, in the list's columns, header first.
    public static func export(school: Int, on date: LocalDate, today: LocalDate, in database: Database) async throws -> [[String]] {
        try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw PupilListImport.noYear }
            var lines = [TimetableList.headings]
            for schoolClass in try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql) {
                let courses = Dictionary(
                    uniqueKeysWithValues: try await Timetables.courses(school: school, of: .schoolClass(schoolClass.id), in: sql).map { ($0.id, $0) }
                )
                for cell in try await Timetables.week(school: school, of: .schoolClass(schoolClass.id), on: date, in: sql) {
                    guard let course = courses[cell.courseID] else { continue }
                    lines.append([
                        schoolClass.name, TimetableRules.weekdayNames[cell.weekday - 1], String(cell.lessonNumber), course.subjectName,
                        course.groupTitle ?? "", cell.room ?? "",
                    ])
                }
            }
            return lines
        }
    }
}
