import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The journal itself: lessons day by day from 1 September, with topics, homework, attendance and marks, then
/// the term marks of the periods already over. Rows are flushed week by week, so memory stays bounded whatever the
/// school's size; what the term marks need (each pupil's marks and absences per course and period) is kept in
/// compact records.
struct DemoJournal {
    struct Counts {
        var lessons = 0
        var marks = 0
        var termMarks = 0
    }

    private struct RosterEntry {
        let pupil: Int  // index in `pupils.pupils`
        let person: Int
        let span: DemoSpan
        let key: Int
    }

    /// A pupil in a course: lessons held and missed and marks, per period number (index 1…4).
    private struct Record {
        var held = [Int](repeating: 0, count: 5)
        var missed = [Int](repeating: 0, count: 5)
        var marks = [[CountedMark]](repeating: [], count: 5)
    }

    private struct CourseState {
        var lessons = 0
        var nextWritten: Int
        var nextControl: Int
        var controls = 0
    }

    static let school = 1
    /// Lessons taught by someone else (замена).
    static let substitutionShare = 0.02

    private let calendar: DemoCalendar
    private let courses: [DemoCourse]
    private let classes: [DemoClass]
    private let pupils: DemoPupils
    private let staff: DemoStaff
    private let timetable: DemoTimetable
    private let workTypes = DemoMarks.WorkTypes()
    private var random: SeededRandom

    private var rosters: [[RosterEntry]] = []
    /// Class index → weekday − 1 → (lesson, course index), by lesson.
    private var classDays: [[[(lesson: Int, course: Int)]]] = []
    /// Courses without a class (the elective): weekday − 1 → (lesson, course index).
    private var groupDays: [[(lesson: Int, course: Int)]] = Array(repeating: [], count: 5)
    /// Pupil index → day number → the code of a day he missed.
    private var absences: [[Int: AttendanceCode]] = []
    private var records: [Int: Record] = [:]
    private var states: [CourseState] = []
    private var specialismOf: [Int: Specialism] = [:]
    private var teamOf: [Specialism: [Int]] = [:]
    private var everyTeacher: [Int] = []

    private var writtenToday = Set<Int>()
    private var substituting = Set<Int>()
    private var nextLesson = 1
    private var nextHomework = 1
    private var nextMark = 1
    private var counts = Counts()

    private var lessonRows = RowBatch(
        table: "lessons",
        columns: [
            "school_id", "id", "course_id", "lesson_date", "lesson_number", "teacher_id", "status", "topic",
            "topic_entered_at", "created_at", "updated_at", "control_work_type_id", "attendance_taken_at", "attendance_taken_by",
            "substitution_recorded_by", "substitution_recorded_at",
        ]
    )
    private var homeworkRows = RowBatch(
        table: "homework",
        columns: ["school_id", "id", "lesson_id", "body", "entered_by", "entered_at", "updated_at"]
    )
    private var markRows = RowBatch(
        table: "marks",
        columns: [
            "school_id", "id", "lesson_id", "student_id", "work_type_id", "value", "comment", "work_date", "author_id",
            "entered_at", "updated_at",
        ]
    )
    private var attendanceRows = RowBatch(
        table: "attendance",
        columns: ["school_id", "lesson_id", "student_id", "code", "entered_by", "entered_at", "updated_at"]
    )

    init(
        calendar: DemoCalendar,
        classes: [DemoClass],
        courses: [DemoCourse],
        pupils: DemoPupils,
        staff: DemoStaff,
        timetable: DemoTimetable,
        seed: UInt64
    ) {
        self.calendar = calendar
        self.classes = classes
        self.courses = courses
        self.pupils = pupils
        self.staff = staff
        self.timetable = timetable
        self.random = SeededRandom(seed: seed, stream: "journal")
        var illness = SeededRandom(seed: seed, stream: "illness")
        prepareRosters()
        prepareDays()
        prepareAbsences(random: &illness)
        for course in courses {
            let hours = max(1, course.hours)
            let written = max(3, 3 * hours)
            let control = hours >= 2 ? 4 * hours : 8
            states.append(
                CourseState(
                    nextWritten: random.int(written / 2...written),
                    nextControl: control * 3 / 4 + random.int(0...control / 2)
                )
            )
        }
        for teacher in staff.teachers {
            specialismOf[teacher.person] = teacher.specialism
            teamOf[teacher.specialism, default: []].append(teacher.person)
            everyTeacher.append(teacher.person)
        }
    }

    // MARK: - Preparation

    private mutating func prepareRosters() {
        var byClass: [Int: [(Int, DemoSpan)]] = [:]
        for enrolment in pupils.enrolments {
            byClass[enrolment.classId, default: []].append((enrolment.pupil, enrolment.span))
        }
        var byGroup: [Int: [(Int, DemoSpan)]] = [:]
        for member in pupils.memberships { byGroup[member.groupId, default: []].append((member.pupil, member.span)) }
        for (courseIndex, course) in courses.enumerated() {
            let members = (course.groupId.flatMap { byGroup[$0] } ?? course.classId.flatMap { byClass[$0] } ?? [])
                .sorted { ($0.0, $0.1.start) < ($1.0, $1.1.start) }
            rosters.append(
                members.map { person, span in
                    let pupil = pupils.index[person]!
                    return RosterEntry(pupil: pupil, person: person, span: span, key: courseIndex << 20 | pupil)
                }
            )
        }
    }

    private mutating func prepareDays() {
        classDays = Array(repeating: Array(repeating: [], count: 5), count: classes.count)
        for (courseIndex, course) in courses.enumerated() {
            for slot in timetable.slotsOfCourse[course.id] ?? [] {
                if let classId = course.classId {
                    classDays[classId - 1][slot.weekday - 1].append((slot.lesson, courseIndex))
                } else {
                    groupDays[slot.weekday - 1].append((slot.lesson, courseIndex))
                }
            }
        }
        for classIndex in classDays.indices {
            for day in 0..<5 { classDays[classIndex][day].sort { ($0.lesson, $0.course) < ($1.lesson, $1.course) } }
        }
        for day in 0..<5 { groupDays[day].sort { ($0.lesson, $0.course) < ($1.lesson, $1.course) } }
    }

    /// Illness comes in spells of a few school days (the whole day missed, «б» once the homeroom teacher knows,
    /// «н» while he does not); the often-ill are ill more often. About 3 % of pupil-lessons are missed.
    private mutating func prepareAbsences(random: inout SeededRandom) {
        let last = calendar.lastLessonDay
        let byPupil = Dictionary(grouping: pupils.enrolments, by: \.pupil)
        for pupil in pupils.pupils {
            var missed: [Int: AttendanceCode] = [:]
            let chance = 0.03 * pupil.sickliness / 3.5
            for enrolment in (byPupil[pupil.person] ?? []).sorted(by: { $0.span.start < $1.span.start }) {
                let end = min(enrolment.span.end ?? last, last)
                guard enrolment.span.start <= end else { continue }
                let parallel = classes[enrolment.classId - 1].parallel
                let days = calendar.teachingDays(in: DateSpan(enrolment.span.start, end), parallel: parallel)
                func spell(from start: Int, length: Int, code: AttendanceCode) {
                    for day in days[start..<min(start + length, days.count)] { missed[day.dayNumber] = code }
                }
                if pupil.longIllness && enrolment.span.start == calendar.yearStart && days.count > 10 {
                    let start = random.int(8...min(14, days.count - 1))
                    spell(from: start, length: random.int(12...18), code: .ill)
                }
                var index = 0
                while index < days.count {
                    guard missed[days[index].dayNumber] == nil, random.chance(chance) else {
                        index += 1
                        continue
                    }
                    let length = random.chance(0.2) ? 1 : random.int(2...5)
                    let lastDay = days[min(index + length, days.count) - 1]
                    let code: AttendanceCode =
                        lastDay.adding(days: 4) > calendar.until
                        ? (random.chance(0.65) ? .absent : .ill)
                        : [.ill, .excused, .absent][random.weighted([0.83, 0.14, 0.03])]
                    spell(from: index, length: length, code: code)
                    index += length + 3
                }
            }
            absences.append(missed)
        }
    }

    // MARK: - Generation

    mutating func write(into sql: any SQLDatabase, progress: @Sendable (String) -> Void) async throws -> Counts {
        let last = calendar.lastLessonDay
        var date = calendar.yearStart
        var weeks = 0
        while date <= last {
            let weekday = date.weekday
            if weekday <= 5 {
                writtenToday.removeAll(keepingCapacity: true)
                substituting.removeAll(keepingCapacity: true)
                let quarter = calendar.period(.quarter, containing: date)?.number ?? 0
                let half = calendar.period(.halfYear, containing: date)?.number ?? 0
                for classIndex in classes.indices
                where calendar.isTeachingDay(date, parallel: classes[classIndex].parallel) {
                    let day = classDays[classIndex][weekday - 1]
                    guard let first = day.first?.lesson, let lastLesson = day.last?.lesson else { continue }
                    for (lesson, course) in day {
                        let period = courses[course].periodKind == .quarter ? quarter : half
                        makeLesson(course, date: date, lesson: lesson, period: period, dayBounds: (first, lastLesson))
                    }
                }
                for (lesson, course) in groupDays[weekday - 1]
                where calendar.isTeachingDay(date, parallel: courses[course].parallel) {
                    let period = courses[course].periodKind == .quarter ? quarter : half
                    makeLesson(course, date: date, lesson: lesson, period: period, dayBounds: (lesson, lesson))
                }
            }
            if weekday == 7 || date == last {
                try await flush(into: sql)
                weeks += 1
                if weeks % 4 == 0 || date == last {
                    progress("Уроки: \(date.iso) (\(DemoText.count(counts.lessons, "урок", "урока", "уроков")))")
                }
            }
            date = date.adding(days: 1)
        }
        try await writeTermMarks(into: sql)
        return counts
    }

    private mutating func flush(into sql: any SQLDatabase) async throws {
        try await lessonRows.flush(into: sql)
        try await homeworkRows.flush(into: sql)
        try await markRows.flush(into: sql)
        try await attendanceRows.flush(into: sql)
    }

    private mutating func makeLesson(
        _ courseIndex: Int,
        date: LocalDate,
        lesson: Int,
        period: Int,
        dayBounds: (first: Int, last: Int)
    ) {
        let course = courses[courseIndex]
        let subject = DemoCurriculum.subject(course.subject)
        let bell = DemoCurriculum.bells[lesson - 1]
        let slot = DemoTimetable.slot(weekday: date.weekday, lesson: lesson)
        var teacher = course.teacher
        var substituted = false
        if random.chance(Self.substitutionShare), let substitute = substitute(for: teacher, slot: slot) {
            teacher = substitute
            substituting.insert(substitute * 64 + slot)
            substituted = true
        }
        let lessonId = nextLesson
        nextLesson += 1
        counts.lessons += 1
        let index = states[courseIndex].lessons
        states[courseIndex].lessons += 1

        var topic = DemoTopics.topic(course.subject, parallel: course.parallel, hours: course.hours, index: index)
        let work = plannedWork(courseIndex, index: index, lesson: lesson, dayBounds: dayBounds, date: date)
        if let work {
            topic = Self.topic(topic, for: work, subject: subject, number: states[courseIndex].controls, date: date)
        }

        let created = bell.start - random.int(0...10)
        let topicMinutes = random.chance(0.85) ? bell.start + random.int(5...40) : random.int(16 * 60...22 * 60)
        let topicAt = DemoClock.instant(date, minutes: topicMinutes)
        let createdAt = DemoClock.instant(date, minutes: created)
        // Attendance is taken at the lesson's start; the deputy records a substitution when the lesson is set up.
        lessonRows.append([
            Self.school, lessonId, course.id, date.iso, lesson, teacher, "held", topic, topicAt, createdAt, topicAt,
            work.map { workTypes.id($0) }, DemoClock.instant(date, minutes: bell.start + 2), teacher,
            substituted ? staff.deputy : nil, substituted ? createdAt : nil,
        ])

        if let body = DemoHomework.text(
            course.subject,
            parallel: course.parallel,
            hours: course.hours,
            index: index,
            random: &random
        ) {
            // Homework is due an hour after the class's last lesson: most teachers set it in class, some right
            // after, a few only in the evening.
            let lastEnd = DemoCurriculum.bells[dayBounds.last - 1].end
            let minutes =
                switch random.weighted([0.55, 0.37, 0.08]) {
                case 0: random.int(bell.start + 30...bell.end)
                case 1: random.int(max(lastEnd, bell.end)...max(lastEnd, bell.end) + 55)
                default: random.int(17 * 60...22 * 60 + 30)
                }
            let at = DemoClock.instant(date, minutes: minutes)
            homeworkRows.append([Self.school, nextHomework, lessonId, body, teacher, at, at])
            nextHomework += 1
        }

        var present: [RosterEntry] = []
        let recent = date.adding(days: 7) > calendar.until
        let attendanceAt = DemoClock.instant(date, minutes: bell.start + random.int(2...15))
        for entry in rosters[courseIndex] where entry.span.contains(date) {
            var code = absences[entry.pupil][date.dayNumber]
            if code == nil && random.chance(0.0025) {
                code = recent ? .absent : [.excused, .absent, .ill][random.weighted([0.55, 0.2, 0.25])]
            }
            if code == nil && lesson == dayBounds.first && random.chance(0.012) { code = .late }
            records[entry.key, default: Record()].held[period] += 1
            if let code {
                attendanceRows.append([
                    Self.school, lessonId, entry.person, code.rawValue, teacher, attendanceAt, attendanceAt,
                ])
                if code.isAbsence {
                    records[entry.key]!.missed[period] += 1
                    continue
                }
            }
            present.append(entry)
        }

        guard course.isMarked, !present.isEmpty else { return }
        if course.subject == .physicalEducation { present.removeAll { pupils.pupils[$0.pupil].exemptFromPE } }
        if let work {
            markWrittenWork(
                work,
                present: present,
                course: course,
                subject: subject,
                lessonId: lessonId,
                teacher: teacher,
                date: date,
                bellEnd: bell.end,
                period: period
            )
        } else {
            markAnswers(
                present: present,
                course: course,
                subject: subject,
                lessonId: lessonId,
                teacher: teacher,
                date: date,
                bellEnd: bell.end,
                period: period
            )
        }
    }

    /// A controlled work about once a month (every two months with one hour a week), a shorter written work
    /// every three weeks, never two in one class on one day, nor on its first or last lesson unless the subject
    /// has a single weekly hour (DOMAIN.md §4).
    private mutating func plannedWork(
        _ courseIndex: Int,
        index: Int,
        lesson: Int,
        dayBounds: (first: Int, last: Int),
        date: LocalDate
    ) -> DemoMarks.Work? {
        let course = courses[courseIndex]
        let subject = DemoCurriculum.subject(course.subject)
        guard course.isMarked, subject.style != .activity else { return nil }
        let classKey = course.classId ?? -(courseIndex + 1)
        let hours = max(1, course.hours)
        guard !writtenToday.contains(classKey),
            hours <= 1 || (lesson != dayBounds.first && lesson != dayBounds.last)
        else { return nil }
        var state = states[courseIndex]
        defer { states[courseIndex] = state }
        if index >= state.nextControl {
            state.controls += 1
            state.nextControl = index + (hours >= 2 ? 4 * hours : 8) + random.int(-hours...hours)
            state.nextWritten = max(state.nextWritten, index + max(2, hours))
            writtenToday.insert(classKey)
            return .control
        }
        if index >= state.nextWritten,
            let work = DemoMarks.writtenWork(
                subject: course.subject,
                style: subject.style,
                parallel: course.parallel,
                random: &random
            )
        {
            state.nextWritten = index + max(2, 3 * hours + random.int(-hours...hours))
            writtenToday.insert(classKey)
            return work
        }
        return nil
    }

    private static func topic(
        _ topic: String,
        for work: DemoMarks.Work,
        subject: DemoSubject,
        number: Int,
        date: LocalDate
    ) -> String {
        let entrance = number == 1 && date.month == 9
        switch work {
        case .control where subject.key == .russian:
            return entrance
                ? "Входной контрольный диктант" : "Контрольный диктант № \(number) с грамматическим заданием"
        case .control:
            return entrance ? "Входная контрольная работа" : "Контрольная работа № \(number). \(topic)"
        case .dictation where subject.key == .literature:
            return "Классное сочинение. \(topic)"
        case .dictation:
            return "Диктант. \(topic)"
        case .practical:
            return
                ([.physics, .chemistry, .biology].contains(subject.key)
                ? "Лабораторная работа. " : "Практическая работа. ")
                + topic
        default:
            return topic
        }
    }

    /// Everyone present writes; the marks are entered when the teacher has checked the work, which for a work
    /// written in the last days may not have happened yet.
    private mutating func markWrittenWork(
        _ work: DemoMarks.Work,
        present: [RosterEntry],
        course: DemoCourse,
        subject: DemoSubject,
        lessonId: Int,
        teacher: Int,
        date: LocalDate,
        bellEnd: Int,
        period: Int
    ) {
        let delay = DemoMarks.entryDelay(random: &random)
        let entered = date.adding(days: delay)
        guard entered <= calendar.until else { return }
        let minutes =
            delay == 0 ? min(bellEnd + random.int(60...300), 22 * 60 + 30) : random.int(15 * 60...21 * 60 + 59)
        let at = DemoClock.instant(entered, minutes: minutes)
        let shift = DemoMarks.shift(for: work, style: subject.style)
        let double = DemoMarks.isDoubleCandidate(subject, work: work)
        for entry in present {
            let pupil = pupils.pupils[entry.pupil]
            let value: MarkValue
            if double && random.chance(0.65) {
                // Literacy and content of one text go together, literacy usually a little lower.
                let common = 0.6 * random.normal()
                value = .double(
                    DemoMarks.grade(pupil, course.subject, shift: shift + common - 0.25, spread: 0.4, random: &random),
                    DemoMarks.grade(pupil, course.subject, shift: shift + common + 0.1, spread: 0.4, random: &random)
                )
            } else {
                value = .grade(DemoMarks.grade(pupil, course.subject, shift: shift, random: &random))
            }
            addMark(
                value,
                work: work,
                entry: entry,
                lessonId: lessonId,
                teacher: teacher,
                date: date,
                at: at,
                period: period,
                written: true
            )
        }
    }

    /// Two to six pupils answer, those with the fewest marks this period first, as teachers do to keep up the
    /// accumulation.
    private mutating func markAnswers(
        present: [RosterEntry],
        course: DemoCourse,
        subject: DemoSubject,
        lessonId: Int,
        teacher: Int,
        date: LocalDate,
        bellEnd: Int,
        period: Int
    ) {
        // Art, music, technology and PE mark a good part of the class each lesson (a drawing, a norm); a subject
        // with one hour a week questions more pupils, or nobody would reach the accumulation minimum.
        let wanted =
            subject.style == .activity
            ? max(2, present.count * random.int(35...65) / 100)
            : min(present.count, course.hours <= 1 ? random.int(4...8) : random.int(2...6))
        let order = present.map { entry in
            (entry, Double(records[entry.key]?.marks[period].count ?? 0) + random.unit() * 2.5)
        }
        .sorted { ($0.1, $0.0.person) < ($1.1, $1.0.person) }
        for (entry, _) in order.prefix(wanted) {
            let work = DemoMarks.dailyWork(style: subject.style, random: &random)
            let value = DemoMarks.grade(
                pupils.pupils[entry.pupil],
                course.subject,
                shift: DemoMarks.shift(for: work, style: subject.style),
                random: &random
            )
            let at = DemoClock.instant(date, minutes: min(bellEnd + random.int(0...240), 22 * 60 + 30))
            addMark(
                .grade(value),
                work: work,
                entry: entry,
                lessonId: lessonId,
                teacher: teacher,
                date: date,
                at: at,
                period: period,
                written: false
            )
        }
    }

    private mutating func addMark(
        _ value: MarkValue,
        work: DemoMarks.Work,
        entry: RosterEntry,
        lessonId: Int,
        teacher: Int,
        date: LocalDate,
        at: String,
        period: Int,
        written: Bool
    ) {
        let comment = DemoMarks.comment(for: value.lowestGrade ?? 5, written: written, random: &random)
        markRows.append([
            Self.school, nextMark, lessonId, entry.person, workTypes.id(work), value.canonical, comment, date.iso,
            teacher, at, at,
        ])
        nextMark += 1
        counts.marks += 1
        records[entry.key, default: Record()].marks[period].append(
            CountedMark(value: value, weight: workTypes.weight(work))
        )
    }

    /// Another teacher of the same subject free at that bell, or failing that any free teacher.
    private mutating func substitute(for teacher: Int, slot: Int) -> Int? {
        let busy = timetable.busyTeacherSlots
        let substituting = self.substituting
        func isFree(_ person: Int) -> Bool {
            person != teacher && !(busy[person]?.contains(slot) ?? false) && !substituting.contains(person * 64 + slot)
        }
        let colleagues = (specialismOf[teacher].flatMap { teamOf[$0] } ?? []).filter(isFree)
        if !colleagues.isEmpty { return colleagues[random.below(colleagues.count)] }
        let anyone = everyTeacher.filter(isFree)
        return anyone.isEmpty ? nil : anyone[random.below(anyone.count)]
    }

    // MARK: - Term marks

    /// The period marks of every period that ended before `until`, for each pupil on the course at its end.
    private mutating func writeTermMarks(into sql: any SQLDatabase) async throws {
        var rows = RowBatch(
            table: "term_marks",
            columns: [
                "school_id", "id", "course_id", "student_id", "kind", "period_id", "value", "author_id", "entered_at",
                "updated_at",
            ]
        )
        for period in calendar.finishedPeriods {
            for (courseIndex, course) in courses.enumerated()
            where course.isMarked && course.parallel >= 2 && course.periodKind == period.kind {
                for entry in rosters[courseIndex] where entry.span.contains(period.span.end) {
                    let record = records[entry.key] ?? Record()
                    let value: MarkValue =
                        course.subject == .physicalEducation && pupils.pupils[entry.pupil].exemptFromPE
                        ? .exempt
                        : DemoMarks.termMark(
                            marks: record.marks[period.number],
                            periodKind: period.kind,
                            weeklyHours: course.hours,
                            missed: record.missed[period.number],
                            held: record.held[period.number]
                        )
                    let day = min(period.span.end.adding(days: random.int(1...2)), calendar.until)
                    let at = DemoClock.instant(day, minutes: random.int(15 * 60...21 * 60))
                    counts.termMarks += 1
                    rows.append([
                        Self.school, counts.termMarks, course.id, entry.person, "period", period.id, value.canonical,
                        course.teacher, at, at,
                    ])
                }
            }
        }
        try await rows.flush(into: sql)
    }
}
