/// The one place that answers "may this actor do this action on this resource?" (DOMAIN.md §1, SECURITY.md Access
/// control). Every page and API route asks it; none decides on its own.
public enum AccessPolicy {
    public static func decide(_ actor: Actor, _ action: AccessAction, _ resource: AccessResource) -> AccessDecision {
        if resource.schoolID != actor.schoolID {
            let observes = actor.holds(.observer) && actor.observedSchools.contains(resource.schoolID)
            if observes, action == .readAggregates, case .school = resource { return .allowed }
            // A parent whose child goes to another school reads that child's diary, and nothing else there, once the
            // operator linked his account and the child's school has the consent on record.
            if action == .readDiary, case .student(let student) = resource, actor.holds(.parent), student.familyConsent,
                student.linkedFamilyAccounts.contains(AccountRef(schoolID: actor.schoolID, accountID: actor.accountID))
            {
                return .allowed
            }
            return .denied(.otherSchool)
        }
        return allows(actor, action, resource) ? .allowed : .denied(.notPermitted)
    }

    private static func allows(_ actor: Actor, _ action: AccessAction, _ resource: AccessResource) -> Bool {
        let admin = actor.holds(.admin)
        let deputy = actor.holds(.deputy)
        switch (action, resource) {
        case (.manageStructure, .school), (.manageAccounts, .school), (.readSecurityLog, .school):
            return admin
        case (.manageAccounts, .account(let account)):
            // An administrator does not lock himself out by accident: his own account is changed from "my account".
            // An observer reads other schools' figures by the operator's grant, which a school's administrator must
            // not be able to take over by resetting his password.
            return admin && account.accountID != actor.accountID && !account.roles.contains(.observer)
        case (.manageOwnCredentials, .account(let account)):
            return account.accountID == actor.accountID
        case (.read, .account(let account)):
            return admin || account.accountID == actor.accountID
        case (.closePeriod, .school):
            return deputy
        case (.changeSchedule, .school):
            return admin || deputy
        case (.read, .teacherWeek(_, let teacherID)):
            // The administration plans everyone's week; a teacher sees his own.
            return actor.readsWholeSchool || actor.personID == teacherID
        case (.read, .teacherRemarks(_, let teacherID)):
            // The administration keeps the internal control; a teacher or homeroom teacher reads the remarks addressed
            // to him (a homeroom teacher gets those on his class's unexplained absences).
            return actor.readsWholeSchool || (!actor.roles.isDisjoint(with: [.teacher, .homeroom]) && actor.personID == teacherID)
        case (.readAggregates, .school(let id)):
            // An observer reads only the schools he was given, his account's own school included only if given.
            return actor.readsWholeSchool || (actor.holds(.observer) && actor.observedSchools.contains(id))
        case (.read, .school):
            return actor.readsWholeSchool
        case (.read, .course(let course)):
            return actor.readsWholeSchool || teaches(actor, course) || homeroomOf(actor, course) || substitutes(actor, course)
        case (.keepJournal, .course(let course)):
            return teaches(actor, course)
        case (.correctAfterWindow, .course), (.correctAfterWindow, .lesson):
            return admin || deputy
        case (.readHistory, .course(let course)):
            return admin || deputy || teaches(actor, course)
        // A substitute keeps the lesson he taught — its topic, homework, attendance and marks — and only that one: the
        // course's other lessons and its term marks stay its teachers'.
        case (.read, .lesson(let lesson)):
            return allows(actor, .read, .course(lesson.course)) || taught(actor, lesson)
        case (.keepJournal, .lesson(let lesson)):
            return teaches(actor, lesson.course) || taught(actor, lesson)
        case (.readHistory, .lesson(let lesson)):
            return admin || deputy || teaches(actor, lesson.course) || taught(actor, lesson)
        case (.read, .schoolClass(let schoolClass)):
            return actor.readsWholeSchool || isHomeroom(actor, of: schoolClass.homeroomTeacherID)
        case (.classifyAbsence, .schoolClass(let schoolClass)):
            return admin || isHomeroom(actor, of: schoolClass.homeroomTeacherID)
        case (.read, .student(let student)):
            return actor.readsWholeSchool || student.isFamily(actor) || teachesOrLeads(actor, student)
        case (.readDiary, .student(let student)):
            return actor.readsWholeSchool || (student.isFamily(actor) && student.familyConsent) || teachesOrLeads(actor, student)
        case (.acknowledgeDiary, .student(let student)):
            return actor.holds(.parent) && student.guardianIDs.contains(actor.personID) && student.familyConsent
        case (.classifyAbsence, .student(let student)):
            return admin || (actor.holds(.homeroom) && student.homeroomTeacherIDs.contains(actor.personID))
        case (.read, .session(let session)), (.endSession, .session(let session)):
            return admin || session.accountID == actor.accountID
        case (.writeMessage, .correspondent(let recipient)):
            return mayWrite(actor, to: recipient)
        case (.writeMessage, .schoolClass(let schoolClass)):
            return actor.readsWholeSchool || isHomeroom(actor, of: schoolClass.homeroomTeacherID)
                || (actor.holds(.teacher) && schoolClass.teacherIDs.contains(actor.personID))
        case (.announce, .school):
            return actor.readsWholeSchool
        case (.announce, .schoolClass(let schoolClass)):
            return actor.readsWholeSchool || isHomeroom(actor, of: schoolClass.homeroomTeacherID)
        default:
            return false
        }
    }

    /// "Recipients limited by role" (DOMAIN.md §5): families write to their children's teachers and homeroom teacher and
    /// to the administration, never to other families; teachers write to colleagues and to the families of the pupils
    /// they teach or lead; the administration writes to anyone in the school.
    private static func mayWrite(_ actor: Actor, to recipient: Correspondent) -> Bool {
        guard recipient.personID != actor.personID, !recipient.roles.isEmpty else { return false }
        if actor.readsWholeSchool { return true }
        if actor.holds(.teacher) || actor.holds(.homeroom) {
            if recipient.isAdministration || recipient.isTeaching || recipient.teachingTie { return true }
        }
        if actor.holds(.parent) || actor.holds(.student) {
            if recipient.isAdministration || (recipient.isTeaching && recipient.teachingTie) { return true }
        }
        return false
    }

    private static func teachesOrLeads(_ actor: Actor, _ student: StudentFacts) -> Bool {
        (actor.holds(.teacher) && student.teacherIDs.contains(actor.personID))
            || (actor.holds(.homeroom) && student.homeroomTeacherIDs.contains(actor.personID))
    }

    private static func teaches(_ actor: Actor, _ course: CourseFacts) -> Bool {
        actor.holds(.teacher) && course.teacherIDs.contains(actor.personID)
    }

    private static func substitutes(_ actor: Actor, _ course: CourseFacts) -> Bool {
        actor.holds(.teacher) && course.substituteIDs.contains(actor.personID)
    }

    private static func taught(_ actor: Actor, _ lesson: CourseLessonFacts) -> Bool {
        actor.holds(.teacher) && lesson.teacherID == actor.personID
    }

    private static func homeroomOf(_ actor: Actor, _ course: CourseFacts) -> Bool {
        actor.holds(.homeroom) && course.homeroomTeacherIDs.contains(actor.personID)
    }

    private static func isHomeroom(_ actor: Actor, of teacher: Int?) -> Bool {
        actor.holds(.homeroom) && teacher == actor.personID
    }

    /// Which courses a list shows this actor: the list queries filter by it, so a list never shows a row the actor
    /// could not open.
    public static func courseScope(_ actor: Actor) -> CourseScope {
        if actor.readsWholeSchool { return .wholeSchool }
        var scope = CourseScope.Limited(taughtBy: nil, homeroomOf: nil)
        if actor.holds(.teacher) { scope.taughtBy = actor.personID }
        if actor.holds(.homeroom) { scope.homeroomOf = actor.personID }
        return scope.taughtBy == nil && scope.homeroomOf == nil ? .none : .limited(scope)
    }
}

/// The rows of a course list an actor may see.
public enum CourseScope: Sendable, Hashable {
    case wholeSchool
    /// Courses he teaches or taught a lesson of (a substitution), and those of the class whose homeroom teacher he is.
    case limited(Limited)
    case none

    public struct Limited: Sendable, Hashable {
        public var taughtBy: Int?
        public var homeroomOf: Int?
    }
}
