import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `GET /api/v1/students/{studentId}/diary`: the week's school days (Monday to Friday, and Saturday when it has
/// lessons), each with its lessons. Absent values are `null`, never missing keys.
struct DiaryWeekJSON: ResponseEncodable {
    struct Week: Encodable {
        let start: String
        let end: String
        let previous: String
        let next: String
    }

    struct Day: Encodable {
        let date: String
        let lessons: [Lesson]
    }

    struct Lesson: Encodable {
        let lesson: StudentWeek.Lesson
        let student: Int

        enum CodingKeys: String, CodingKey {
            case id, number, startsAt, endsAt, subject, teacher, substitution, cancelled, movedFrom, topic, controlWork
            case homework, homeworkDueOn, personalHomework, files, marks, attendance
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lesson.id, forKey: .id)
            try container.encode(lesson.number, forKey: .number)
            try container.encode(lesson.startsAt, forKey: .startsAt)
            try container.encode(lesson.endsAt, forKey: .endsAt)
            try container.encode(lesson.subject, forKey: .subject)
            try container.encode(lesson.teacher, forKey: .teacher)
            try container.encode(lesson.substitution, forKey: .substitution)
            try container.encode(lesson.cancelled, forKey: .cancelled)
            try container.encode(lesson.movedFrom?.iso, forKey: .movedFrom)
            try container.encode(lesson.topic, forKey: .topic)
            try container.encode(lesson.controlWork, forKey: .controlWork)
            let forClass = lesson.homework.first { !$0.personal }
            try container.encode(forClass?.body, forKey: .homework)
            try container.encode(forClass?.dueOn?.iso, forKey: .homeworkDueOn)
            try container.encode(lesson.homework.first { $0.personal }?.body, forKey: .personalHomework)
            try container.encode(
                lesson.homework.flatMap { homework in
                    homework.files.map { File(id: $0.id, name: $0.name, size: $0.byteSize, href: DiaryLinks.file(student: student, file: $0.id)) }
                },
                forKey: .files
            )
            try container.encode(lesson.marks.map(Mark.init), forKey: .marks)
            try container.encode(lesson.attendance, forKey: .attendance)
        }
    }

    struct File: Encodable {
        let id: Int
        let name: String
        let size: Int
        let href: String
    }

    struct Mark: Encodable {
        let value: String
        let workType: String
        let weight: Int
        let comment: String?

        init(_ mark: StudentWeek.Mark) {
            (value, workType, weight, comment) = (mark.value, mark.workType, mark.weight, mark.comment)
        }

        enum CodingKeys: String, CodingKey { case value, workType, weight, comment }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encode(workType, forKey: .workType)
            try container.encode(weight, forKey: .weight)
            try container.encode(comment, forKey: .comment)
        }
    }

    let studentId: Int
    let week: Week
    let days: [Day]

    init(student: Int, _ loaded: StudentWeek) {
        studentId = student
        week = Week(
            start: loaded.week.span.start.iso,
            end: loaded.week.span.end.iso,
            previous: loaded.week.previous.monday.iso,
            next: loaded.week.next.monday.iso
        )
        days = DiaryDays.of(loaded).map { day in
            Day(date: day.date.iso, lessons: day.lessons.map { Lesson(lesson: $0, student: student) })
        }
    }
}

/// The school days a week shows: Monday to Friday always, Saturday when it has lessons.
enum DiaryDays {
    static func of(_ week: StudentWeek) -> [(date: LocalDate, lessons: [StudentWeek.Lesson])] {
        let byDay = Dictionary(grouping: week.lessons, by: \.date)
        return week.week.schoolDays.enumerated().compactMap { index, date in
            let lessons = byDay[date] ?? []
            return index < 5 || !lessons.isEmpty ? (date, lessons) : nil
        }
    }
}

/// The diary's addresses, shared by its pages and its API.
enum DiaryLinks {
    static func week(student: Int, _ week: SchoolWeek) -> String { "/students/\(student)/diary?week=\(week.monday.iso)" }
    static func file(student: Int, file: Int) -> String { "/students/\(student)/homework-files/\(file)" }
}
