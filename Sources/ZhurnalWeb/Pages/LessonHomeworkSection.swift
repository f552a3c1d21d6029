import ZhurnalCore
import ZhurnalStore

/// The homework part of a lesson's page: the class's homework with its due date and files, each pupil's own
/// homework, and — for someone who may keep the journal — the forms to give a pupil his own, change or remove it,
/// and to attach and remove files.
struct LessonHomeworkSection: Sendable {
    struct Homework: Sendable {
        let id: Int
        let studentID: Int?
        let pupil: String
        let text: String
        /// ISO, for the date field.
        let dueOn: String
        /// «сдать к 20.10.2026» or «к следующему уроку».
        let due: String
        let version: Int
        let files: [File]
        let hasFiles: Bool
        let roomForFiles: Bool
    }

    struct File: Sendable {
        let homeworkID: Int
        let id: Int
        let name: String
        let size: String
        let href: String
    }

    struct Choice: Sendable {
        let value: Int
        let label: String
    }

    let classHomework: Homework?
    /// Pupils' own homework, by name.
    let individual: [Homework]
    let hasIndividual: Bool
    let choices: [Choice]
    let hasChoices: Bool
    let editable: Bool
    /// For the file field's `accept`: `.pdf,.jpg,…`.
    let accept: String
    /// «PDF, изображения, документы…; до 10 МБ, не больше 10 файлов к заданию».
    let limitsText: String

    init(
        records: [HomeworkRecord],
        pupils enrolled: [JournalGrid.Pupil],
        editable: Bool,
        limits: HomeworkFileLimits
    ) {
        let names = Dictionary(enrolled.map { ($0.id, $0.fullName) }) { first, _ in first }
        func view(_ record: HomeworkRecord) -> Homework {
            Homework(
                id: record.id,
                studentID: record.studentId,
                pupil: record.studentId.map { names[$0] ?? "Ученик \($0)" } ?? "",
                text: record.text,
                dueOn: record.dueOn?.iso ?? "",
                due: record.dueOn.map { "сдать к \($0.russian)" } ?? "к следующему уроку",
                version: record.version,
                files: record.files.map { file in
                    File(
                        homeworkID: record.id,
                        id: file.id,
                        name: file.fileName,
                        size: HomeworkFileRules.sizeText(file.byteSize),
                        href: "/homework/\(record.id)/files/\(file.id)"
                    )
                },
                hasFiles: !record.files.isEmpty,
                roomForFiles: record.files.count < limits.maxFiles
            )
        }
        classHomework = records.first { $0.studentId == nil }.map(view)
        individual = records.filter { $0.studentId != nil }.map(view).sorted { $0.pupil < $1.pupil }
        hasIndividual = !individual.isEmpty
        let given = Set(records.compactMap(\.studentId))
        choices = enrolled.filter { !given.contains($0.id) }.map { Choice(value: $0.id, label: $0.fullName) }
        hasChoices = !choices.isEmpty
        self.editable = editable
        accept = HomeworkFileRules.kinds.map { "." + $0.fileExtension }.joined(separator: ",")
        limitsText =
            "\(HomeworkFileRules.allowedList); до \(HomeworkFileRules.sizeText(limits.maxBytes)) каждый, "
            + "не больше \(limits.maxFiles) файлов к заданию"
    }
}
