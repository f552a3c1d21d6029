/// A class's weekly timetable and its courses as the administrator sets them (DOMAIN.md §2): each cell of the week
/// (Monday–Saturday × the bells' lesson numbers) holds one of the class's courses, or the courses of several of its
/// subgroups side by side; no teacher and no room is in two places at once. A refusal names the cell and who or
/// what clashes.
public enum TimetableRules {
    public typealias Refusal = RuleRefusal

    public static let weekdays = 1...6
    public static let weekdayNames = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]

    public struct Cell: Sendable, Hashable {
        public let weekday: Int
        public let lessonNumber: Int
        public let courseID: Int
        public let room: String?

        public init(weekday: Int, lessonNumber: Int, courseID: Int, room: String?) {
            self.weekday = weekday
            self.lessonNumber = lessonNumber
            self.courseID = courseID
            self.room = room
        }

        var place: String { "\(TimetableRules.weekdayNames[weekday - 1]), \(lessonNumber) урок" }
    }

    /// Another class's lesson in the week: who teaches it, where, and for which class.
    public struct Busy: Sendable, Hashable {
        public let weekday: Int
        public let lessonNumber: Int
        public let teacherID: Int
        public let teacherName: String
        public let room: String?
        public let className: String

        public init(weekday: Int, lessonNumber: Int, teacherID: Int, teacherName: String, room: String?, className: String) {
            self.weekday = weekday
            self.lessonNumber = lessonNumber
            self.teacherID = teacherID
            self.teacherName = teacherName
            self.room = room
            self.className = className
        }
    }

    /// `teachers` are each of the class's courses' teachers (a course not among them is not the class's), `groups` the
    /// subgroup of each course that is taught to one.
    public static func check(cells: [Cell], teachers: [Int: [Int]], groups: [Int: Int] = [:], bells: Set<Int>, busy: [Busy]) throws(Refusal) -> [Cell]
    {
        var seen: [[Int]: [Cell]] = [:]
        for cell in cells {
            guard weekdays.contains(cell.weekday) else {
                throw Refusal(code: "bad_weekday", russianMessage: "День недели — от понедельника (1) до субботы (6).")
            }
            guard bells.contains(cell.lessonNumber) else {
                throw Refusal(code: "no_bell", russianMessage: "\(cell.place): для этого урока нет звонка.")
            }
            guard let courseTeachers = teachers[cell.courseID] else {
                throw Refusal(code: "unknown_course", russianMessage: "\(cell.place): это не курс класса.")
            }
            let together = seen[[cell.weekday, cell.lessonNumber], default: []]
            if !together.isEmpty {
                // Only subgroups share a lesson, each its own group, each teacher and room once.
                let sharing = together + [cell]
                let groupsThere = sharing.compactMap { groups[$0.courseID] }
                guard groupsThere.count == sharing.count, Set(groupsThere).count == sharing.count else {
                    throw Refusal(code: "class_clash", russianMessage: "\(cell.place): у класса уже стоит другой урок.")
                }
                let teachersThere = sharing.flatMap { teachers[$0.courseID] ?? [] }
                guard Set(teachersThere).count == teachersThere.count else {
                    throw Refusal(code: "teacher_clash", russianMessage: "\(cell.place): у двух групп один учитель.")
                }
                let roomsThere = sharing.compactMap(\.room).filter { !$0.isEmpty }
                guard Set(roomsThere).count == roomsThere.count else {
                    throw Refusal(code: "room_clash", russianMessage: "\(cell.place): у двух групп один кабинет.")
                }
            }
            seen[[cell.weekday, cell.lessonNumber]] = together + [cell]
            guard (cell.room ?? "").count <= 20 else {
                throw Refusal(code: "bad_room", russianMessage: "\(cell.place): кабинет — не длиннее 20 знаков.")
            }
            for other in busy where other.weekday == cell.weekday && other.lessonNumber == cell.lessonNumber {
                if courseTeachers.contains(other.teacherID) {
                    throw Refusal(
                        code: "teacher_clash",
                        russianMessage: "\(cell.place): \(other.teacherName) в это время ведёт урок в \(other.className)."
                    )
                }
                if let room = cell.room, !room.isEmpty, room == other.room {
                    throw Refusal(code: "room_clash", russianMessage: "\(cell.place): кабинет \(room) в это время занят \(other.className).")
                }
            }
        }
        return cells.sorted { ($0.weekday, $0.lessonNumber) < ($1.weekday, $1.lessonNumber) }
    }

    /// A new course of the class: weekly hours 0–40, a grading its journal kind allows, taught by a teacher, and not
    /// the same subject and kind twice in one class.
    public static func course(
        kind: JournalKind,
        grading: Grading,
        hours: Int,
        teacherRoles: Set<Role>,
        duplicate: Bool
    ) throws(Refusal) {
        guard (0...40).contains(hours) else { throw Refusal(code: "bad_hours", russianMessage: "Часов в неделю — от 0 до 40.") }
        guard kind.allowedGradings.contains(grading) else {
            throw Refusal(code: "bad_grading", russianMessage: "«\(kind.russianTitle)» не ведётся как «\(grading.russianTitle)».")
        }
        guard teacherRoles.contains(.teacher) else { throw Refusal(code: "not_a_teacher", russianMessage: "Курс ведёт учитель школы.") }
        guard !duplicate else {
            throw Refusal(code: "duplicate_course", russianMessage: "У класса уже есть этот предмет с тем же видом журнала.")
        }
    }
}
