import Testing

@testable import ZhurnalCore

/// The fixture school (id 1) of the access tests, with named people; a person's account id is his person id + 1000.
///
/// Classes: 5А (id 5, homeroom teacher `homeroom5A`), 6Б (id 6, `multiRole`), 7В (id 7, still listing `formerHomeroom`).
/// Courses: 10 (5А, `teacherA`), 20 (6Б, `teacherB`), 30 (6Б, `homeroom5A`), 40 (5А, `multiRole`),
/// 50 (7В, still listing `formerTeacher`), 60 (5А, `teacherA`; `teacherB` and `formerTeacher` substituted: lessons 601
/// taught by A, 602 by B, 603 by the former teacher). Pupils: P1 and his classmate in 5А, P2 in 6Б, P3 in 7В, and one
/// who left.
enum AccessFixture {
    static func person(_ id: Int, _ roles: Set<Role>, school: Int = 1, observes: Set<Int> = []) -> Actor {
        Actor(accountID: 1000 + id, personID: id, schoolID: school, roles: roles, observedSchools: observes)
    }

    // MARK: People

    static let admin = person(101, [.admin])
    static let director = person(102, [.director])
    static let deputy = person(103, [.deputy])
    static let teacherA = person(104, [.teacher])
    static let teacherB = person(105, [.teacher])
    /// Homeroom teacher of 5А; teaches course 30 in 6Б.
    static let homeroom5A = person(106, [.teacher, .homeroom])
    static let parentOfP1 = person(107, [.parent])
    static let pupilP1 = person(108, [.student])
    static let classmateOfP1 = person(109, [.student])
    static let pupilP2 = person(110, [.student])
    static let parentOfP2 = person(111, [.parent])
    /// Teaches course 40 in 5А, homeroom teacher of 6Б, parent of P3 (in 7В).
    static let multiRole = person(112, [.teacher, .homeroom, .parent])
    static let pupilP3 = person(113, [.student])
    static let observer = person(114, [.observer], observes: [1, 3])
    /// Lost `.teacher`; course 50 and P3 still list him as a teacher.
    static let formerTeacher = person(115, [])
    /// Lost `.homeroom`; class 7В, course 50 and P3 still list him as the homeroom teacher.
    static let formerHomeroom = person(116, [.teacher])
    /// Lost `.observer`; his grant of school 3 is still stored.
    static let formerObserver = person(117, [], observes: [3])
    /// An observer given school 3 only; his account belongs to school 1.
    static let observerOfSchool3 = person(118, [.observer], observes: [3])
    /// Lost `.parent` and is now only a teacher; P3 still lists him as a guardian.
    static let formerParent = person(130, [.teacher])
    /// Lost `.student` on leaving; his record is still there.
    static let formerPupil = person(131, [])
    static let adminOfSchool2 = person(201, [.admin], school: 2)

    static let people = [
        admin, director, deputy, teacherA, teacherB, homeroom5A, parentOfP1, pupilP1, classmateOfP1, pupilP2, parentOfP2,
        multiRole, pupilP3, observer, formerTeacher, formerHomeroom, formerObserver, observerOfSchool3, formerParent,
        formerPupil, adminOfSchool2,
    ]

    // MARK: Things

    static func course(_ id: Int, school: Int = 1, teachers: [Actor], homerooms: [Actor], substitutes: [Actor] = []) -> CourseFacts {
        CourseFacts(
            schoolID: school,
            courseID: id,
            teacherIDs: Set(teachers.map(\.personID)),
            homeroomTeacherIDs: Set(homerooms.map(\.personID)),
            substituteIDs: Set(substitutes.map(\.personID))
        )
    }

    static func lesson(_ id: Int, of course: CourseFacts, taughtBy teacher: Actor) -> AccessResource {
        .lesson(CourseLessonFacts(course: course, lessonID: id, teacherID: teacher.personID))
    }

    static func schoolClass(_ id: Int, school: Int = 1, homeroom: Actor?, teachers: [Actor] = []) -> AccessResource {
        .schoolClass(ClassFacts(schoolID: school, classID: id, homeroomTeacherID: homeroom?.personID, teacherIDs: Set(teachers.map(\.personID))))
    }

    /// `person` as a recipient; `tie`: a teaching tie joins him to whoever the row's actor is.
    static func correspondent(_ person: Actor, tie: Bool = false, school: Int = 1) -> AccessResource {
        .correspondent(Correspondent(schoolID: school, personID: person.personID, roles: person.roles, teachingTie: tie))
    }

    static func student(
        _ pupil: Actor,
        school: Int = 1,
        homerooms: [Actor],
        teachers: [Actor],
        guardians: [Actor],
        consent: Bool = false
    ) -> AccessResource {
        .student(
            StudentFacts(
                schoolID: school,
                studentID: pupil.personID,
                homeroomTeacherIDs: Set(homerooms.map(\.personID)),
                teacherIDs: Set(teachers.map(\.personID)),
                guardianIDs: Set(guardians.map(\.personID)),
                familyConsent: consent
            )
        )
    }

    static func account(of actor: Actor) -> AccessResource {
        .account(AccountFacts(schoolID: actor.schoolID, accountID: actor.accountID, roles: actor.roles))
    }

    static func session(of actor: Actor) -> AccessResource {
        .session(SessionFacts(schoolID: actor.schoolID, accountID: actor.accountID))
    }

    static let school1 = AccessResource.school(id: 1)
    static let school2 = AccessResource.school(id: 2)
    static let school3 = AccessResource.school(id: 3)

    static let course10 = course(10, teachers: [teacherA], homerooms: [homeroom5A])
    static let course20 = course(20, teachers: [teacherB], homerooms: [multiRole])
    static let course30 = course(30, teachers: [homeroom5A], homerooms: [multiRole])
    static let course40 = course(40, teachers: [multiRole], homerooms: [homeroom5A])
    static let course50 = course(50, teachers: [formerTeacher], homerooms: [formerHomeroom])
    static let course60 = course(60, teachers: [teacherA], homerooms: [homeroom5A], substitutes: [teacherB, formerTeacher])
    static let courses = [course10, course20, course30, course40, course50, course60]

    static let lessonByA = lesson(601, of: course60, taughtBy: teacherA)
    static let lessonByB = lesson(602, of: course60, taughtBy: teacherB)
    static let lessonByFormer = lesson(603, of: course60, taughtBy: formerTeacher)

    static let class5A = schoolClass(5, homeroom: homeroom5A, teachers: [teacherA, multiRole])
    static let class6B = schoolClass(6, homeroom: multiRole, teachers: [teacherB, homeroom5A])
    static let class7V = schoolClass(7, homeroom: formerHomeroom, teachers: [formerTeacher])

    /// No consent of his legal representative is on record: his diary is closed to his family, not to his teachers.
    static let p1 = student(pupilP1, homerooms: [homeroom5A], teachers: [teacherA, multiRole], guardians: [parentOfP1])
    static let p1WithConsent = student(pupilP1, homerooms: [homeroom5A], teachers: [teacherA, multiRole], guardians: [parentOfP1], consent: true)
    static let classmate = student(classmateOfP1, homerooms: [homeroom5A], teachers: [teacherA, multiRole], guardians: [])
    static let p2 = student(pupilP2, homerooms: [multiRole], teachers: [teacherB, homeroom5A], guardians: [parentOfP2], consent: true)
    static let p3 = student(
        pupilP3,
        homerooms: [formerHomeroom],
        teachers: [formerTeacher],
        guardians: [multiRole, formerParent],
        consent: true
    )
    static let leftPupil = student(formerPupil, homerooms: [homeroom5A], teachers: [teacherA], guardians: [parentOfP1])

    // The same ids in other schools, with relations that would allow within the school.
    static let course10OfSchool2 = AccessResource.course(course(10, school: 2, teachers: [teacherA], homerooms: [homeroom5A]))
    static let p1OfSchool2 = student(pupilP1, school: 2, homerooms: [homeroom5A], teachers: [teacherA], guardians: [parentOfP1])
    /// A pupil of school 2 whose family's accounts in school 1 (P1's parent, and teacher A, who is no parent) the
    /// operator linked to him; with and without the consent on record.
    static func linkedPupilOfSchool2(consent: Bool) -> AccessResource {
        .student(
            StudentFacts(
                schoolID: 2,
                studentID: 2001,
                familyConsent: consent,
                linkedFamilyAccounts: [
                    AccountRef(schoolID: 1, accountID: parentOfP1.accountID), AccountRef(schoolID: 1, accountID: teacherA.accountID),
                ]
            )
        )
    }
    static let courseOfSchool3 = AccessResource.course(course(10, school: 3, teachers: [observer], homerooms: [observer]))
    static let lessonOfSchool2 = lesson(
        602,
        of: course(60, school: 2, teachers: [teacherB], homerooms: [], substitutes: [teacherB]),
        taughtBy: teacherB
    )
    static let classOfSchool3 = schoolClass(5, school: 3, homeroom: observer)
    static let pupilOfSchool3 = student(pupilP1, school: 3, homerooms: [observer], teachers: [observer], guardians: [observer])
}

/// One row of the table: an actor asking one action on one resource, and the answer DOMAIN.md §1 expects.
struct AccessCase: Sendable, CustomTestStringConvertible {
    let name: String
    let actor: Actor
    let action: AccessAction
    let resource: AccessResource
    let expected: AccessDecision

    var testDescription: String {
        let answer =
            switch expected {
            case .allowed: "allowed"
            case .denied(let denial): "denied(\(denial.rawValue))"
            }
        return "\(name) · \(action.rawValue) → \(answer)"
    }
}

extension AccessFixture {
    /// Every action of `AccessAction` asked by `actor` on `resource`: those in `allows` are allowed, the rest refused
    /// with `otherwise`. A new action is thus asked everywhere and expected refused until a row allows it.
    static func row(
        _ name: String,
        _ actor: Actor,
        _ resource: AccessResource,
        allows allowed: Set<AccessAction> = [],
        otherwise denial: AccessDenial = .notPermitted
    ) -> [AccessCase] {
        AccessAction.allCases.map { action in
            AccessCase(
                name: name,
                actor: actor,
                action: action,
                resource: resource,
                expected: allowed.contains(action) ? .allowed : .denied(denial)
            )
        }
    }

    static let administration: Set<AccessAction> = [
        .read, .readAggregates, .manageStructure, .changeSchedule, .manageAccounts, .readSecurityLog, .announce,
    ]
    static let ownCourse: Set<AccessAction> = [.read, .keepJournal, .readHistory]
    static let correction: Set<AccessAction> = [.read, .correctAfterWindow, .readHistory]
    static let ownSession: Set<AccessAction> = [.read, .endSession]

    static let table: [AccessCase] = [
        // Administrator: structure, accounts, security log, late corrections and absences; not periods or journals.
        row("admin · school 1", admin, school1, allows: administration),
        row("admin · course 10", admin, .course(course10), allows: correction),
        row("admin · class 5А", admin, class5A, allows: [.read, .classifyAbsence, .writeMessage, .announce]),
        row("admin · pupil P1", admin, p1, allows: [.read, .readDiary, .classifyAbsence]),
        row("admin · teacher A's account", admin, account(of: teacherA), allows: [.read, .manageAccounts]),
        // By design: he changes his own account from "my account", so he cannot lock himself out by accident.
        row("admin · his own account", admin, account(of: admin), allows: [.read, .manageOwnCredentials]),
        // The operator grants an observer his schools; a school's administrator must not take the account over.
        row("admin · the observer's account", admin, account(of: observer), allows: [.read]),
        row("admin · teacher A's session", admin, session(of: teacherA), allows: ownSession),
        row("admin · his own session", admin, session(of: admin), allows: ownSession),

        // Director: reads everything in the school; closes nothing, corrects nothing, administers nothing.
        row("director · school 1", director, school1, allows: [.read, .readAggregates, .announce]),
        row("director · course 10", director, .course(course10), allows: [.read]),
        row("director · course 20", director, .course(course20), allows: [.read]),
        row("director · class 6Б", director, class6B, allows: [.read, .writeMessage, .announce]),
        row("director · pupil P2", director, p2, allows: [.read, .readDiary]),
        row("director · teacher A's account", director, account(of: teacherA)),
        row("director · his own account", director, account(of: director), allows: [.read, .manageOwnCredentials]),
        row("director · teacher A's session", director, session(of: teacherA)),
        row("director · his own session", director, session(of: director), allows: ownSession),

        // Deputy: reads everything, closes periods, corrects after the window, reads the history.
        row("deputy · school 1", deputy, school1, allows: [.read, .readAggregates, .closePeriod, .changeSchedule, .announce]),
        row("deputy · course 20", deputy, .course(course20), allows: correction),
        row("deputy · class 5А", deputy, class5A, allows: [.read, .writeMessage, .announce]),
        row("deputy · pupil P1", deputy, p1, allows: [.read, .readDiary]),
        row("deputy · teacher A's account", deputy, account(of: teacherA)),
        row("deputy · his own account", deputy, account(of: deputy), allows: [.read, .manageOwnCredentials]),
        row("deputy · teacher A's session", deputy, session(of: teacherA)),

        // Teacher: his own courses' journals within the window, and the pupils he teaches.
        row("teacher A · his course 10", teacherA, .course(course10), allows: ownCourse),
        row("teacher A · teacher B's course 20", teacherA, .course(course20)),
        row("teacher A · course 40 of his class 5А, another teacher's", teacherA, .course(course40)),
        row("teacher A · course 50", teacherA, .course(course50)),
        row("teacher A · class 5А, which he teaches", teacherA, class5A, allows: [.writeMessage]),
        row("teacher A · class 6Б, which he does not teach", teacherA, class6B),
        row("teacher A · pupil P1, whom he teaches", teacherA, p1, allows: [.read, .readDiary]),
        row("teacher A · pupil P2, whom he does not teach", teacherA, p2),
        row("teacher A · school 1", teacherA, school1),
        row("teacher A · his own account", teacherA, account(of: teacherA), allows: [.read, .manageOwnCredentials]),
        row("teacher A · teacher B's account", teacherA, account(of: teacherB)),
        row("teacher A · his own session", teacherA, session(of: teacherA), allows: ownSession),
        row("teacher A · his own week", teacherA, .teacherWeek(schoolID: 1, teacherID: teacherA.personID), allows: [.read]),
        row("teacher A · teacher B's week", teacherA, .teacherWeek(schoolID: 1, teacherID: teacherB.personID)),
        row("deputy · teacher B's week", deputy, .teacherWeek(schoolID: 1, teacherID: teacherB.personID), allows: [.read]),
        row("director · teacher B's week", director, .teacherWeek(schoolID: 1, teacherID: teacherB.personID), allows: [.read]),
        row("parent of P1 · teacher A's week", parentOfP1, .teacherWeek(schoolID: 1, teacherID: teacherA.personID)),
        row("admin of school 2 · teacher A's week", adminOfSchool2, .teacherWeek(schoolID: 1, teacherID: teacherA.personID), otherwise: .otherSchool),
        row("teacher A · his own remarks", teacherA, .teacherRemarks(schoolID: 1, teacherID: teacherA.personID), allows: [.read]),
        row("teacher A · teacher B's remarks", teacherA, .teacherRemarks(schoolID: 1, teacherID: teacherB.personID)),
        row("homeroom 5А · his own remarks", homeroom5A, .teacherRemarks(schoolID: 1, teacherID: homeroom5A.personID), allows: [.read]),
        row("deputy · teacher B's remarks", deputy, .teacherRemarks(schoolID: 1, teacherID: teacherB.personID), allows: [.read]),
        row("observer · teacher B's remarks", observer, .teacherRemarks(schoolID: 1, teacherID: teacherB.personID)),
        row("parent of P1 · teacher A's remarks", parentOfP1, .teacherRemarks(schoolID: 1, teacherID: teacherA.personID)),
        row(
            "admin of school 2 · teacher A's remarks",
            adminOfSchool2,
            .teacherRemarks(schoolID: 1, teacherID: teacherA.personID),
            otherwise: .otherSchool
        ),
        row("teacher A · teacher B's session", teacherA, session(of: teacherB)),
        row("teacher B · his course 20", teacherB, .course(course20), allows: ownCourse),
        row("teacher B · teacher A's course 10", teacherB, .course(course10)),
        row("teacher B · pupil P2, whom he teaches", teacherB, p2, allows: [.read, .readDiary]),
        row("teacher B · pupil P1", teacherB, p1),

        // Homeroom teacher of 5А: reads all courses and pupils of his class, classifies their absences.
        row("homeroom 5А · course 10 of his class", homeroom5A, .course(course10), allows: [.read]),
        row("homeroom 5А · course 40 of his class", homeroom5A, .course(course40), allows: [.read]),
        row("homeroom 5А · his own course 30 in 6Б", homeroom5A, .course(course30), allows: ownCourse),
        row("homeroom 5А · course 20 of 6Б", homeroom5A, .course(course20)),
        row("homeroom 5А · class 5А", homeroom5A, class5A, allows: [.read, .classifyAbsence, .writeMessage, .announce]),
        row("homeroom 5А · class 6Б, which he teaches", homeroom5A, class6B, allows: [.writeMessage]),
        row("homeroom 5А · pupil P1 of his class", homeroom5A, p1, allows: [.read, .readDiary, .classifyAbsence]),
        row("homeroom 5А · P1's classmate", homeroom5A, classmate, allows: [.read, .readDiary, .classifyAbsence]),
        row("homeroom 5А · pupil P2 of 6Б, whom he teaches", homeroom5A, p2, allows: [.read, .readDiary]),
        row("homeroom 5А · pupil P3 of 7В", homeroom5A, p3),
        row("homeroom 5А · school 1", homeroom5A, school1),

        // Teacher + homeroom teacher of 6Б + parent of P3: each role for its own people, none for the others.
        row("teacher+homeroom+parent · his course 40", multiRole, .course(course40), allows: ownCourse),
        row("teacher+homeroom+parent · course 20 of his class 6Б", multiRole, .course(course20), allows: [.read]),
        row("teacher+homeroom+parent · course 30 of his class 6Б", multiRole, .course(course30), allows: [.read]),
        row("teacher+homeroom+parent · course 10", multiRole, .course(course10)),
        row("teacher+homeroom+parent · class 6Б", multiRole, class6B, allows: [.read, .classifyAbsence, .writeMessage, .announce]),
        row("teacher+homeroom+parent · class 5А, which he teaches", multiRole, class5A, allows: [.writeMessage]),
        row("teacher+homeroom+parent · pupil P2 of his class", multiRole, p2, allows: [.read, .readDiary, .classifyAbsence]),
        row("teacher+homeroom+parent · pupil P1, whom he teaches", multiRole, p1, allows: [.read, .readDiary]),
        row("teacher+homeroom+parent · his child P3", multiRole, p3, allows: [.read, .readDiary, .acknowledgeDiary]),
        row("teacher+homeroom+parent · school 1", multiRole, school1),

        // Parent: his own child's diary only.
        row("parent of P1 · his child P1, no consent on record", parentOfP1, p1, allows: [.read]),
        row("parent of P1 · his child P1 with the consent", parentOfP1, p1WithConsent, allows: [.read, .readDiary, .acknowledgeDiary]),
        row("parent of P1 · P1's classmate", parentOfP1, classmate),
        row("parent of P1 · pupil P2", parentOfP1, p2),
        row("parent of P1 · course 10", parentOfP1, .course(course10)),
        row("parent of P1 · class 5А", parentOfP1, class5A),
        row("parent of P1 · school 1", parentOfP1, school1),
        row("parent of P1 · his own account", parentOfP1, account(of: parentOfP1), allows: [.read, .manageOwnCredentials]),
        row("parent of P1 · his own session", parentOfP1, session(of: parentOfP1), allows: ownSession),
        row("parent of P1 · the session of P2's parent", parentOfP1, session(of: parentOfP2)),
        row("parent of P2 · his child P2", parentOfP2, p2, allows: [.read, .readDiary, .acknowledgeDiary]),
        row("parent of P2 · pupil P1", parentOfP2, p1),

        // Pupil: his own diary only.
        row("pupil P1 · himself, no consent on record", pupilP1, p1, allows: [.read]),
        row("pupil P1 · himself with the consent", pupilP1, p1WithConsent, allows: [.read, .readDiary]),
        row("pupil P1 · his classmate", pupilP1, classmate),
        row("pupil P1 · pupil P2", pupilP1, p2),
        row("pupil P1 · his course 10", pupilP1, .course(course10)),
        row("pupil P1 · his class 5А", pupilP1, class5A),
        row("pupil P1 · school 1", pupilP1, school1),
        row("pupil P1 · his own account", pupilP1, account(of: pupilP1), allows: [.read, .manageOwnCredentials]),
        row("pupil P1 · his classmate's account", pupilP1, account(of: classmateOfP1)),
        row("pupil P1 · his own session", pupilP1, session(of: pupilP1), allows: ownSession),
        row("pupil P1 · his classmate's session", pupilP1, session(of: classmateOfP1)),
        row("pupil P2 · himself", pupilP2, p2, allows: [.read, .readDiary]),
        row("pupil P2 · pupil P1", pupilP2, p1),

        // Observer of schools 1 and 3: their aggregates and nothing else.
        row("observer · school 1", observer, school1, allows: [.readAggregates]),
        row("observer · observed school 3", observer, school3, allows: [.readAggregates], otherwise: .otherSchool),
        row("observer · school 2, not given", observer, school2, otherwise: .otherSchool),
        row("observer · course 10", observer, .course(course10)),
        row("observer · class 5А", observer, class5A),
        row("observer · pupil P1", observer, p1),
        row("observer · a course of school 3", observer, courseOfSchool3, otherwise: .otherSchool),
        row("observer · a class of school 3", observer, classOfSchool3, otherwise: .otherSchool),
        row("observer · a pupil of school 3", observer, pupilOfSchool3, otherwise: .otherSchool),
        row("observer · his own account", observer, account(of: observer), allows: [.read, .manageOwnCredentials]),
        row("observer · his own session", observer, session(of: observer), allows: ownSession),
        row("observer · teacher A's session", observer, session(of: teacherA)),
        // DOMAIN.md §1: he reads "the schools he is given"; the school of his account is not given to him.
        row("observer of school 3 only · school 1 of his account", observerOfSchool3, school1),
        row("observer of school 3 only · school 3", observerOfSchool3, school3, allows: [.readAggregates], otherwise: .otherSchool),

        // A substitution: teacher B taught lesson 602 of teacher A's course 60. He reads the course's journal and keeps
        // that lesson alone; the course — its other lessons, its term marks — stays teacher A's, who keeps 602 too.
        row("teacher B · course 60, where he substituted", teacherB, .course(course60), allows: [.read]),
        row("teacher B · lesson 602 of course 60, which he taught", teacherB, lessonByB, allows: ownCourse),
        row("teacher B · lesson 601 of course 60, taught by A", teacherB, lessonByA, allows: [.read]),
        row("teacher B · lesson 603 of course 60, taught by another", teacherB, lessonByFormer, allows: [.read]),
        row("teacher A · his course 60", teacherA, .course(course60), allows: ownCourse),
        row("teacher A · lesson 602 of his course, taught by B", teacherA, lessonByB, allows: ownCourse),
        row("teacher A · lesson 601 of his course, which he taught", teacherA, lessonByA, allows: ownCourse),
        row("homeroom 5А · lesson 602 of his class's course", homeroom5A, lessonByB, allows: [.read]),
        row("teacher+homeroom+parent · lesson 602 of another teacher's course", multiRole, lessonByB),
        row("deputy · lesson 602", deputy, lessonByB, allows: correction),
        row("admin · lesson 602", admin, lessonByB, allows: correction),
        row("director · lesson 602", director, lessonByB, allows: [.read]),
        row("parent of P1 · lesson 602 of his child's course", parentOfP1, lessonByB),
        row("pupil P1 · lesson 602 of his course", pupilP1, lessonByB),
        row("observer · lesson 602", observer, lessonByB),
        row("former teacher · lesson 603 he taught", formerTeacher, lessonByFormer),
        row("former teacher · course 60, where he substituted", formerTeacher, .course(course60)),
        row("teacher B · a lesson of school 2 he taught", teacherB, lessonOfSchool2, otherwise: .otherSchool),
        row("admin of school 2 · lesson 602", adminOfSchool2, lessonByB, otherwise: .otherSchool),

        // Another school's administrator: every kind of resource of school 1 is as if it did not exist.
        row("admin of school 2 · school 1", adminOfSchool2, school1, otherwise: .otherSchool),
        row("admin of school 2 · course 10", adminOfSchool2, .course(course10), otherwise: .otherSchool),
        row("admin of school 2 · class 5А", adminOfSchool2, class5A, otherwise: .otherSchool),
        row("admin of school 2 · pupil P1", adminOfSchool2, p1, otherwise: .otherSchool),
        row("admin of school 2 · teacher A's account", adminOfSchool2, account(of: teacherA), otherwise: .otherSchool),
        row("admin of school 2 · the admin's account", adminOfSchool2, account(of: admin), otherwise: .otherSchool),
        row("admin of school 2 · teacher A's session", adminOfSchool2, session(of: teacherA), otherwise: .otherSchool),
        row("admin of school 2 · his own school 2", adminOfSchool2, school2, allows: administration),
        // Ids that match in another school do not count.
        row("teacher A · a course 10 of school 2 listing him", teacherA, course10OfSchool2, otherwise: .otherSchool),
        row("parent of P1 · a pupil of school 2 listing him", parentOfP1, p1OfSchool2, otherwise: .otherSchool),
        row("admin · school 2", admin, school2, otherwise: .otherSchool),

        // A right taken away applies at once, though the relations still name the person.
        row("former teacher · course 50 still listing him", formerTeacher, .course(course50)),
        row("former teacher · pupil P3 still listing him", formerTeacher, p3),
        row("former teacher · his own session", formerTeacher, session(of: formerTeacher), allows: ownSession),
        row("former homeroom · class 7В still listing him", formerHomeroom, class7V),
        row("former homeroom · pupil P3 still listing him", formerHomeroom, p3),
        row("former homeroom · course 50 still listing him", formerHomeroom, .course(course50)),
        row("former observer · school 3 still granted", formerObserver, school3, otherwise: .otherSchool),
        row("former observer · school 1", formerObserver, school1),
        row("former parent, now a teacher · pupil P3 still listing him", formerParent, p3),
        row("pupil who left · his own record", formerPupil, leftPupil),
        row("pupil who left · his own session", formerPupil, session(of: formerPupil), allows: ownSession),

        // Messages (DOMAIN.md §5): families write to their children's teachers and to the administration, not to each other.
        row("parent of P1 · teacher A, who teaches P1", parentOfP1, correspondent(teacherA, tie: true), allows: [.writeMessage]),
        row("parent of P1 · homeroom 5А, P1's homeroom teacher", parentOfP1, correspondent(homeroom5A, tie: true), allows: [.writeMessage]),
        row("parent of P1 · teacher B, who does not teach P1", parentOfP1, correspondent(teacherB)),
        row("parent of P1 · the director", parentOfP1, correspondent(director), allows: [.writeMessage]),
        row("parent of P1 · parent of P2", parentOfP1, correspondent(parentOfP2)),
        row("parent of P1 · writing to pupil P2", parentOfP1, correspondent(pupilP2)),
        row("pupil P1 · teacher A, who teaches him", pupilP1, correspondent(teacherA, tie: true), allows: [.writeMessage]),
        row("pupil P1 · writing to his classmate", pupilP1, correspondent(classmateOfP1)),
        row("pupil P1 · the deputy", pupilP1, correspondent(deputy), allows: [.writeMessage]),
        row("teacher A · parent of P1, whose child he teaches", teacherA, correspondent(parentOfP1, tie: true), allows: [.writeMessage]),
        row("teacher A · parent of P2, whose child he does not teach", teacherA, correspondent(parentOfP2)),
        row("teacher A · teacher B, a colleague", teacherA, correspondent(teacherB), allows: [.writeMessage]),
        row("teacher A · himself", teacherA, correspondent(teacherA)),
        row("director · parent of P2", director, correspondent(parentOfP2), allows: [.writeMessage]),
        row("admin · a person who lost every role", admin, correspondent(formerPupil)),
        row("teacher+homeroom+parent · teacher B, as a colleague", multiRole, correspondent(teacherB), allows: [.writeMessage]),
        row("observer · teacher A", observer, correspondent(teacherA)),
        row("admin of school 2 · teacher A of school 1", adminOfSchool2, correspondent(teacherA), otherwise: .otherSchool),

        // A family across two schools: the linked parent reads the child's diary there and nothing more.
        row(
            "parent of P1 · his linked child in school 2",
            parentOfP1,
            linkedPupilOfSchool2(consent: true),
            allows: [.readDiary],
            otherwise: .otherSchool
        ),
        row(
            "parent of P1 · his linked child in school 2 without the consent",
            parentOfP1,
            linkedPupilOfSchool2(consent: false),
            otherwise: .otherSchool
        ),
        row("parent of P2 · a child in school 2 linked to others", parentOfP2, linkedPupilOfSchool2(consent: true), otherwise: .otherSchool),
        row(
            "teacher A · a child in school 2 linked to his account, though he is no parent",
            teacherA,
            linkedPupilOfSchool2(consent: true),
            otherwise: .otherSchool
        ),
    ].flatMap { $0 }
}

struct AccessPolicyTableTests {
    @Test(arguments: AccessFixture.table)
    func decides(_ row: AccessCase) {
        #expect(AccessPolicy.decide(row.actor, row.action, row.resource) == row.expected)
    }

    /// A new role or action fails here until the table has cases written for it: every action must be allowed by
    /// some row (rows refuse any action they do not name), every role held by an actor of an allowed and of a
    /// refused case.
    @Test func coversEveryRoleActionAndResourceKind() {
        let table = AccessFixture.table
        let allowed = table.filter { $0.expected == .allowed }
        let refused = table.filter { $0.expected != .allowed }
        for action in AccessAction.allCases {
            #expect(allowed.contains { $0.action == action }, "no case allows \(action)")
            #expect(refused.contains { $0.action == action }, "no case refuses \(action)")
        }
        for role in Role.allCases {
            #expect(allowed.contains { $0.actor.holds(role) }, "no case allows an actor holding \(role)")
            #expect(refused.contains { $0.actor.holds(role) }, "no case refuses an actor holding \(role)")
        }
        let kinds = Set(table.map { Self.kind(of: $0.resource) })
        #expect(
            kinds == ["school", "course", "lesson", "class", "student", "account", "session", "correspondent", "teacher's week", "teacher's remarks"]
        )
        #expect(Set(table.map(\.expected)) == [.allowed, .denied(.notPermitted), .denied(.otherSchool)])
        let names = table.map(\.testDescription)
        #expect(Set(names).count == names.count, "two cases share a name")
    }

    private static func kind(of resource: AccessResource) -> String {
        switch resource {
        case .school: "school"
        case .course: "course"
        case .lesson: "lesson"
        case .schoolClass: "class"
        case .student: "student"
        case .account: "account"
        case .session: "session"
        case .correspondent: "correspondent"
        case .teacherWeek: "teacher's week"
        case .teacherRemarks: "teacher's remarks"
        }
    }
}
