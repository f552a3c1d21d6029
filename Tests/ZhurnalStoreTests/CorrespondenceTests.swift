import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// Messages, announcements and the family's events as the store keeps and reads them (issue 5).
struct CorrespondenceTests {
    static let today = LocalDate(iso: "2026-10-12")!
    static let now = "2026-10-12T09:00:00Z"

    static func seeded(_ flavor: SQLFlavor, _ body: @escaping @Sendable (Database) async throws -> Void) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            try await DiaryWeekSeed.write(into: database)
            try await body(database)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aMessageIsReadOnceAndItsSenderSeesWhen(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let id = try await database.write { sql in
                try await Messages.send(
                    school: 1,
                    sender: AccessSchool.parent,
                    to: TinySchool.teacher,
                    subject: "Справка",
                    body: "Маша болела.",
                    at: Self.now,
                    in: sql
                )
            }
            try await database.read { sql in
                let inbox = try await Messages.inbox(school: 1, person: TinySchool.teacher, in: sql)
                #expect(inbox.map(\.id) == [id] && inbox[0].readAt == nil && inbox[0].senderName == "Аксёнов Иван Петрович")
                #expect(try await Messages.unreadCount(school: 1, person: TinySchool.teacher, in: sql) == 1)
                #expect(try await Messages.inbox(school: 1, person: AccessSchool.otherTeacher, in: sql).isEmpty)
            }
            // Someone else opening it finds nothing; the recipient marks it read, and a second opening keeps the first time.
            let stranger = try await database.write {
                try await Messages.open(school: 1, id: id, person: AccessSchool.otherParent, at: Self.now, in: $0)
            }
            #expect(stranger == nil)
            let first = try await database.write {
                try await Messages.open(school: 1, id: id, person: TinySchool.teacher, at: "2026-10-12T10:00:00Z", in: $0)
            }
            let again = try await database.write {
                try await Messages.open(school: 1, id: id, person: TinySchool.teacher, at: "2026-10-12T11:00:00Z", in: $0)
            }
            #expect(first?.readAt == "2026-10-12T10:00:00Z" && again?.readAt == "2026-10-12T10:00:00Z")
            try await database.read { sql in
                let sent = try await Messages.sent(school: 1, person: AccessSchool.parent, in: sql)
                #expect(sent.map(\.readers) == [1] && sent.map(\.recipients) == [1])
                let recipients = try await Messages.recipients(school: 1, message: id, in: sql)
                #expect(recipients.map(\.fullName) == ["Смирнова Ольга Петровна"] && recipients[0].readAt == "2026-10-12T10:00:00Z")
                #expect(try await Messages.unreadCount(school: 1, person: TinySchool.teacher, in: sql) == 0)
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aMessageToAClassReachesItsPupilsOrTheirParentsOnTheDay(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let (pupils, parents) = try await database.write { sql in
                (
                    try await Messages.sendToClass(
                        school: 1,
                        sender: TinySchool.teacher,
                        classID: 1,
                        audience: .classPupils,
                        subject: "",
                        body: "Завтра экскурсия.",
                        today: Self.today,
                        at: Self.now,
                        in: sql
                    ),
                    try await Messages.sendToClass(
                        school: 1,
                        sender: TinySchool.teacher,
                        classID: 1,
                        audience: .classParents,
                        subject: "Собрание",
                        body: "В четверг в 18:00.",
                        today: Self.today,
                        at: Self.now,
                        in: sql
                    )
                )
            }
            // Борисов left 5А on 01.10: not a recipient. Only Аксёнова has a parent on record.
            #expect(pupils.recipients == 2 && parents.recipients == 1)
            try await database.read { sql in
                #expect(try await Messages.inbox(school: 1, person: TinySchool.volkov, in: sql).map(\.id) == [pupils.id])
                #expect(try await Messages.inbox(school: 1, person: TinySchool.borisov, in: sql).isEmpty)
                let parent = try await Messages.inbox(school: 1, person: AccessSchool.parent, in: sql)
                #expect(parent.map(\.id) == [parents.id] && parent[0].className == "5А" && parent[0].audience == .classParents)
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aTeachingTieJoinsAFamilyToItsChildsTeachersOnly(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            try await database.read { sql in
                let teacher = try #require(
                    try await Correspondents.facts(school: 1, sender: AccessSchool.parent, recipient: TinySchool.teacher, today: Self.today, in: sql)
                )
                #expect(teacher.teachingTie && teacher.roles.contains(.teacher))
                // Орлов taught Аксёнова's group until she left it on 08.10 (DiaryWeekSeed): no tie today.
                let orlov = try #require(
                    try await Correspondents.facts(
                        school: 1,
                        sender: AccessSchool.parent,
                        recipient: AccessSchool.otherTeacher,
                        today: Self.today,
                        in: sql
                    )
                )
                #expect(!orlov.teachingTie)
                let otherParent = try #require(
                    try await Correspondents.facts(
                        school: 1,
                        sender: AccessSchool.parent,
                        recipient: AccessSchool.otherParent,
                        today: Self.today,
                        in: sql
                    )
                )
                #expect(!otherParent.teachingTie && otherParent.roles == [.parent])
                // Seen from the teacher's side, the same tie.
                let parent = try #require(
                    try await Correspondents.facts(school: 1, sender: TinySchool.teacher, recipient: AccessSchool.parent, today: Self.today, in: sql)
                )
                #expect(parent.teachingTie)
                #expect(
                    try await Correspondents.facts(
                        school: 1,
                        sender: TinySchool.teacher,
                        recipient: AccessSchool.otherSchoolAdmin,
                        today: Self.today,
                        in: sql
                    ) == nil
                )
                let book = try await Correspondents.addressBook(school: 1, actor: AccessSchool.parent, today: Self.today, in: sql)
                #expect(book.map(\.fullName).contains("Лебедева Нина Сергеевна"))
                #expect(!book.contains { $0.correspondent.roles.contains(.parent) || $0.correspondent.roles.contains(.student) })
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func announcementsReachTheirAudienceUntilTheyExpire(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            let (school, parents, expired) = try await database.write { sql in
                (
                    try await Announcements.publish(
                        school: 1,
                        author: AccessSchool.director,
                        audience: .school,
                        classID: 1,
                        title: "Каникулы",
                        body: "С 26.10.",
                        expiresOn: LocalDate(iso: "2026-10-25")!,
                        at: Self.now,
                        in: sql
                    ),
                    try await Announcements.publish(
                        school: 1,
                        author: TinySchool.teacher,
                        audience: .classParents,
                        classID: 1,
                        title: "Собрание",
                        body: "В четверг.",
                        expiresOn: Self.today,
                        at: Self.now,
                        in: sql
                    ),
                    try await Announcements.publish(
                        school: 1,
                        author: TinySchool.teacher,
                        audience: .classFamilies,
                        classID: 1,
                        title: "Экскурсия",
                        body: "Была в пятницу.",
                        expiresOn: Self.today.adding(days: -1),
                        at: "2026-10-05T09:00:00Z",
                        in: sql
                    )
                )
            }
            try await database.read { sql in
                func current(_ person: Int, administration: Bool = false) async throws -> [Int] {
                    try await Announcements.current(school: 1, person: person, administration: administration, today: Self.today, in: sql).map(\.id)
                }
                #expect(try await current(AccessSchool.parent) == [parents, school])
                #expect(try await current(TinySchool.aksyonova) == [school])
                #expect(try await current(AccessSchool.otherParent) == [school])
                #expect(try await current(AccessSchool.admin, administration: true) == [parents, school])
                // The school-wide one keeps no class, whatever the form sent.
                let one = try #require(
                    try await Announcements.one(
                        school: 1,
                        id: school,
                        person: AccessSchool.otherParent,
                        administration: false,
                        today: Self.today,
                        in: sql
                    )
                )
                #expect(one.classID == nil && one.audience == .school)
                // An expired one is still found by id (the caller answers it as gone), but only by its audience.
                let old = try await Announcements.one(
                    school: 1,
                    id: expired,
                    person: TinySchool.aksyonova,
                    administration: false,
                    today: Self.today,
                    in: sql
                )
                #expect(old?.expiresOn == Self.today.adding(days: -1))
                #expect(
                    try await Announcements.one(
                        school: 1,
                        id: parents,
                        person: TinySchool.aksyonova,
                        administration: false,
                        today: Self.today,
                        in: sql
                    ) == nil
                )
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theFamilysEventsAreWhatWasWrittenAfterAMoment(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            try await database.write { sql in
                try await sql.raw("UPDATE marks SET updated_at = '2026-10-12T08:00:00Z' WHERE id = 5").run()
                try await sql.raw(
                    "UPDATE attendance SET updated_at = '2026-10-12T08:30:00Z' WHERE lesson_id = 4 AND student_id = \(bind: TinySchool.aksyonova)"
                ).run()
                try await sql.raw(
                    """
                    INSERT INTO term_marks (school_id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at)
                    VALUES (1, 1, \(bind: TinySchool.aksyonova), 'period', 1, '5', 1, '2026-10-12T08:40:00Z', '2026-10-12T08:40:00Z')
                    """
                ).run()
                try await sql.raw("UPDATE homework SET updated_at = '2026-10-12T08:50:00Z' WHERE id = \(bind: DiaryWeekSeed.volkovsHomework)").run()
                try await sql.raw("UPDATE homework SET updated_at = '2026-10-12T08:55:00Z' WHERE id = \(bind: DiaryWeekSeed.ownHomework)").run()
            }
            let (events, statements) = try await database.statements.measure {
                try await database.read { sql in
                    try await FamilyEvents.since("2026-10-12T00:00:00Z", school: 1, students: [TinySchool.aksyonova], today: Self.today, in: sql)
                }
            }
            #expect(statements == 1)
            // Newest first; Волков's own homework is not hers.
            #expect(events.map(\.kind) == [.homework, .termMark, .absence, .mark])
            #expect(events[0].value == "Доклад о дробях" && events[0].date == LocalDate(iso: "2026-10-05"))
            #expect(events[1].value == "5" && events[1].detail == "за 1-й период")
            #expect(events[2].value == "н" && events[2].subject == "Математика")
            #expect(events[3].value == "5" && events[3].detail == "Ответ на уроке, вес 1")
            let feed = try await database.read { sql in
                try await NotificationFeed.read(
                    school: 1,
                    person: AccessSchool.parent,
                    administration: false,
                    family: [
                        FamilyStudent(
                            id: TinySchool.aksyonova,
                            fullName: "Аксёнова Мария Ивановна",
                            className: "5А",
                            familyConsent: true,
                            schoolID: 1
                        )
                    ],
                    since: "2026-10-12T00:00:00Z",
                    muted: [.homework],
                    today: Self.today,
                    in: sql
                )
            }
            #expect(feed.map(\.kind) == [.termMark, .absence, .mark])
            #expect(feed[2].title == "Математика: 5" && feed[2].target == .diary(student: TinySchool.aksyonova, date: LocalDate(iso: "2026-10-05")))
            // Without the consent on record nothing of the pupil's journal goes to his family.
            let closed = try await database.read { sql in
                try await NotificationFeed.read(
                    school: 1,
                    person: AccessSchool.parent,
                    administration: false,
                    family: [
                        FamilyStudent(
                            id: TinySchool.aksyonova,
                            fullName: "Аксёнова Мария Ивановна",
                            className: "5А",
                            familyConsent: false,
                            schoolID: 1
                        )
                    ],
                    since: "2026-10-12T00:00:00Z",
                    muted: [],
                    today: Self.today,
                    in: sql
                )
            }
            #expect(closed.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func settingsAndVisitsAreKeptPerPerson(flavor: SQLFlavor) async throws {
        try await Self.seeded(flavor) { database in
            try await database.write { sql in
                #expect(try await NotificationPreferences.visit(school: 1, person: AccessSchool.parent, at: "2026-10-12T09:00:00Z", in: sql) == nil)
                #expect(
                    try await NotificationPreferences.visit(school: 1, person: AccessSchool.parent, at: "2026-10-12T10:00:00Z", in: sql)
                        == "2026-10-12T09:00:00Z"
                )
                try await NotificationPreferences.save(
                    school: 1,
                    person: AccessSchool.parent,
                    muted: [.homework, .timetable],
                    digestEmail: "aksyonov@example.ru",
                    in: sql
                )
                let settings = try await NotificationPreferences.of(school: 1, person: AccessSchool.parent, in: sql)
                #expect(settings.muted == [.homework, .timetable] && settings.digestEmail == "aksyonov@example.ru")
                #expect(settings.seenUntil == "2026-10-12T10:00:00Z")
                #expect(try await NotificationPreferences.digestReaders(school: 1, in: sql).map(\.person) == [AccessSchool.parent])
                try await NotificationPreferences.digestSent(school: 1, person: AccessSchool.parent, until: "2026-10-12T18:00:00Z", in: sql)
                #expect(
                    try await NotificationPreferences.of(school: 1, person: AccessSchool.parent, in: sql).digestSentUntil == "2026-10-12T18:00:00Z"
                )
            }
        }
    }
}
