/// What an action is done to, with the relations the policy needs to decide. The route loads these facts (one query)
/// before asking; the policy itself does no I/O.
public enum AccessResource: Sendable, Hashable {
    /// School-wide things: its structure, settings, people list, reports, security log.
    case school(id: Int)
    case course(CourseFacts)
    /// One lesson of a course: what its actual teacher may do there, beyond the course's own teachers.
    case lesson(CourseLessonFacts)
    case schoolClass(ClassFacts)
    case student(StudentFacts)
    case account(AccountFacts)
    case session(SessionFacts)
    /// A person one could write a message to.
    case correspondent(Correspondent)
    /// A teacher's weekly timetable across his classes.
    case teacherWeek(schoolID: Int, teacherID: Int)
    /// The journal-keeping remarks addressed to a teacher.
    case teacherRemarks(schoolID: Int, teacherID: Int)

    public var schoolID: Int {
        switch self {
        case .school(let id): id
        case .course(let facts): facts.schoolID
        case .lesson(let facts): facts.course.schoolID
        case .schoolClass(let facts): facts.schoolID
        case .student(let facts): facts.schoolID
        case .account(let facts): facts.schoolID
        case .session(let facts): facts.schoolID
        case .correspondent(let facts): facts.schoolID
        case .teacherWeek(let schoolID, _), .teacherRemarks(let schoolID, _): schoolID
        }
    }
}

public struct CourseFacts: Sendable, Hashable {
    public let schoolID: Int
    public let courseID: Int
    /// People who teach the course (its teachers of record).
    public let teacherIDs: Set<Int>
    /// Homeroom teachers of the classes the course is for (one for a class course, several for a cross-class group).
    public let homeroomTeacherIDs: Set<Int>
    /// People who taught some of its lessons in place of its teachers (замена): they read the journal they wrote in.
    public let substituteIDs: Set<Int>

    public init(schoolID: Int, courseID: Int, teacherIDs: Set<Int>, homeroomTeacherIDs: Set<Int> = [], substituteIDs: Set<Int> = []) {
        self.schoolID = schoolID
        self.courseID = courseID
        self.teacherIDs = teacherIDs
        self.homeroomTeacherIDs = homeroomTeacherIDs
        self.substituteIDs = substituteIDs
    }
}

/// A lesson with its course's facts and who actually taught it (the lesson's teacher, a substitute or one of the
/// course's teachers).
public struct CourseLessonFacts: Sendable, Hashable {
    public let course: CourseFacts
    public let lessonID: Int
    public let teacherID: Int

    public init(course: CourseFacts, lessonID: Int, teacherID: Int) {
        self.course = course
        self.lessonID = lessonID
        self.teacherID = teacherID
    }
}

public struct ClassFacts: Sendable, Hashable {
    public let schoolID: Int
    public let classID: Int
    public let homeroomTeacherID: Int?
    /// Teachers of the class's class-wide courses (a message to the whole class may come from them; a subgroup's
    /// teacher is not among them).
    public let teacherIDs: Set<Int>

    public init(schoolID: Int, classID: Int, homeroomTeacherID: Int?, teacherIDs: Set<Int> = []) {
        self.schoolID = schoolID
        self.classID = classID
        self.homeroomTeacherID = homeroomTeacherID
        self.teacherIDs = teacherIDs
    }
}

public struct StudentFacts: Sendable, Hashable {
    public let schoolID: Int
    public let studentID: Int
    /// Homeroom teachers of the classes he is enrolled in now.
    public let homeroomTeacherIDs: Set<Int>
    /// Teachers of the courses he attends now.
    public let teacherIDs: Set<Int>
    /// His parents and other legal representatives.
    public let guardianIDs: Set<Int>
    /// The consent of his legal representative to keep his data in the electronic diary is on record: without it
    /// the diary stays closed to his family's accounts.
    public let familyConsent: Bool
    /// Parents' accounts in other schools that the installation's operator linked to him (a family whose children go
    /// to different schools of a region): they read his diary, as his family does, across the schools' wall.
    public let linkedFamilyAccounts: Set<AccountRef>

    public init(
        schoolID: Int,
        studentID: Int,
        homeroomTeacherIDs: Set<Int> = [],
        teacherIDs: Set<Int> = [],
        guardianIDs: Set<Int> = [],
        familyConsent: Bool = false,
        linkedFamilyAccounts: Set<AccountRef> = []
    ) {
        self.schoolID = schoolID
        self.studentID = studentID
        self.homeroomTeacherIDs = homeroomTeacherIDs
        self.teacherIDs = teacherIDs
        self.guardianIDs = guardianIDs
        self.familyConsent = familyConsent
        self.linkedFamilyAccounts = linkedFamilyAccounts
    }

    /// He himself, or one of his legal representatives.
    public func isFamily(_ actor: Actor) -> Bool {
        (actor.holds(.student) && studentID == actor.personID) || (actor.holds(.parent) && guardianIDs.contains(actor.personID))
    }
}

public struct AccountFacts: Sendable, Hashable {
    public let schoolID: Int
    public let accountID: Int
    /// The roles the account holds now.
    public let roles: Set<Role>

    public init(schoolID: Int, accountID: Int, roles: Set<Role> = []) {
        self.schoolID = schoolID
        self.accountID = accountID
        self.roles = roles
    }
}

public struct SessionFacts: Sendable, Hashable {
    public let schoolID: Int
    /// The account the session belongs to.
    public let accountID: Int

    public init(schoolID: Int, accountID: Int) {
        self.schoolID = schoolID
        self.accountID = accountID
    }
}

/// An account named across schools: ids are a school's own.
public struct AccountRef: Sendable, Hashable {
    public let schoolID: Int
    public let accountID: Int

    public init(schoolID: Int, accountID: Int) {
        self.schoolID = schoolID
        self.accountID = accountID
    }
}
