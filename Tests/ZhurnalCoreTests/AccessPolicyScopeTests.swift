import Testing

@testable import ZhurnalCore

/// The course list each role sees, and laws of the policy over random actors and resources.
struct AccessPolicyScopeTests {
    struct ScopeCase: Sendable, CustomTestStringConvertible {
        let name: String
        let actor: Actor
        let expected: CourseScope

        var testDescription: String { name }
    }

    static func limited(taughtBy teacher: Actor?, homeroomOf homeroom: Actor?) -> CourseScope {
        .limited(CourseScope.Limited(taughtBy: teacher?.personID, homeroomOf: homeroom?.personID))
    }

    static let scopeCases: [ScopeCase] = {
        typealias F = AccessFixture
        let homeroomOnly = F.person(120, [.homeroom])
        return [
            ScopeCase(name: "admin", actor: F.admin, expected: .wholeSchool),
            ScopeCase(name: "director", actor: F.director, expected: .wholeSchool),
            ScopeCase(name: "deputy", actor: F.deputy, expected: .wholeSchool),
            ScopeCase(name: "admin who also teaches", actor: F.person(121, [.admin, .teacher]), expected: .wholeSchool),
            ScopeCase(name: "director who is also a parent", actor: F.person(122, [.director, .parent]), expected: .wholeSchool),
            ScopeCase(name: "teacher", actor: F.teacherA, expected: limited(taughtBy: F.teacherA, homeroomOf: nil)),
            ScopeCase(name: "homeroom only", actor: homeroomOnly, expected: limited(taughtBy: nil, homeroomOf: homeroomOnly)),
            ScopeCase(name: "teacher+homeroom", actor: F.homeroom5A, expected: limited(taughtBy: F.homeroom5A, homeroomOf: F.homeroom5A)),
            ScopeCase(
                name: "teacher+homeroom+parent",
                actor: F.multiRole,
                expected: limited(taughtBy: F.multiRole, homeroomOf: F.multiRole)
            ),
            ScopeCase(name: "former homeroom, now teacher", actor: F.formerHomeroom, expected: limited(taughtBy: F.formerHomeroom, homeroomOf: nil)),
            ScopeCase(name: "parent", actor: F.parentOfP1, expected: .none),
            ScopeCase(name: "student", actor: F.pupilP1, expected: .none),
            ScopeCase(name: "observer", actor: F.observer, expected: .none),
            ScopeCase(name: "parent who is also a student", actor: F.person(123, [.parent, .student]), expected: .none),
            ScopeCase(name: "former teacher, no roles", actor: F.formerTeacher, expected: .none),
        ]
    }()

    @Test(arguments: scopeCases)
    func courseScope(_ row: ScopeCase) {
        #expect(AccessPolicy.courseScope(row.actor) == row.expected)
    }

    @Test func everyRoleHasAScopeCaseOfItsOwn() {
        for role in Role.allCases {
            #expect(Self.scopeCases.contains { $0.actor.roles == [role] }, "no scope case for \(role) alone")
        }
    }

    /// A list never shows a course the actor could not open, and shows every one he could.
    @Test func scopeListsExactlyTheCoursesHeMayRead() {
        for actor in AccessFixture.people where actor.schoolID == 1 {
            let scope = AccessPolicy.courseScope(actor)
            for course in AccessFixture.courses {
                let mayRead = AccessPolicy.decide(actor, .read, .course(course)).isAllowed
                #expect(scope.lists(course) == mayRead, "person \(actor.personID), course \(course.courseID)")
            }
        }
    }

    // MARK: Properties

    static let iterations = 2_000

    /// A resource of another school is refused as if it did not exist, except an observer's aggregates of a school
    /// he is given; within the school a refusal is never "other school".
    @Test func anotherSchoolIsNeverAllowedButToItsObserver() {
        var random = SplitMix64(seed: 271)
        var crossSchool = 0
        var observed = 0
        for iteration in 0..<Self.iterations {
            let actor = random.accessActor()
            let action = random.accessAction()
            let resource = random.accessResource()
            let decision = AccessPolicy.decide(actor, action, resource)
            guard resource.schoolID != actor.schoolID else {
                #expect(decision != .denied(.otherSchool), "iteration \(iteration): \(actor) \(action) \(resource)")
                continue
            }
            crossSchool += 1
            var isSchool = false
            if case .school = resource { isSchool = true }
            let observes =
                actor.holds(.observer) && actor.observedSchools.contains(resource.schoolID) && action == .readAggregates && isSchool
            if observes { observed += 1 }
            #expect(decision == (observes ? .allowed : .denied(.otherSchool)), "iteration \(iteration): \(actor) \(action) \(resource)")
        }
        #expect(crossSchool > Self.iterations / 4)
        #expect(observed > 0)
    }

    /// A right taken away applies at once: an actor with fewer roles is never allowed more.
    @Test func takingARoleAwayNeverGrantsARight() {
        var random = SplitMix64(seed: 272)
        for iteration in 0..<Self.iterations {
            let actor = random.accessActor()
            let fewer = Actor(
                accountID: actor.accountID,
                personID: actor.personID,
                schoolID: actor.schoolID,
                roles: actor.roles.filter { _ in random.bool() },
                observedSchools: actor.observedSchools
            )
            let action = random.accessAction()
            let resource = random.accessResource()
            if AccessPolicy.decide(fewer, action, resource).isAllowed {
                #expect(AccessPolicy.decide(actor, action, resource).isAllowed, "iteration \(iteration): \(fewer) \(action) \(resource)")
            }
        }
    }

    @Test func scopeAgreesWithReadOverRandomCourses() {
        var random = SplitMix64(seed: 273)
        for iteration in 0..<Self.iterations {
            let actor = random.accessActor()
            let course = random.courseFacts(school: actor.schoolID)
            let mayRead = AccessPolicy.decide(actor, .read, .course(course)).isAllowed
            #expect(AccessPolicy.courseScope(actor).lists(course) == mayRead, "iteration \(iteration): \(actor) \(course)")
        }
    }
}

extension CourseScope {
    /// Whether a course list filtered by this scope shows `course` (as `CourseDirectory.list` filters).
    fileprivate func lists(_ course: CourseFacts) -> Bool {
        switch self {
        case .wholeSchool: true
        case .none: false
        case .limited(let limited):
            limited.taughtBy.map { course.teacherIDs.contains($0) || course.substituteIDs.contains($0) } == true
                || limited.homeroomOf.map(course.homeroomTeacherIDs.contains) == true
        }
    }
}

/// Random actors and resources over two schools and a few ids, so that relations often name the actor.
extension SplitMix64 {
    fileprivate mutating func people() -> Set<Int> {
        Set((0..<int(0...3)).map { _ in int(1...5) })
    }

    fileprivate mutating func accessActor() -> Actor {
        Actor(
            accountID: int(1...5),
            personID: int(1...5),
            schoolID: int(1...2),
            roles: Set(Role.allCases.filter { _ in int(0...2) == 0 }),
            observedSchools: Set([1, 2].filter { _ in bool() })
        )
    }

    /// One time in three the action that an observer may ask across schools.
    fileprivate mutating func accessAction() -> AccessAction {
        int(0...2) == 0 ? .readAggregates : element(of: AccessAction.allCases)
    }

    fileprivate mutating func courseFacts(school: Int) -> CourseFacts {
        CourseFacts(schoolID: school, courseID: int(1...5), teacherIDs: people(), homeroomTeacherIDs: people(), substituteIDs: people())
    }

    fileprivate mutating func lessonFacts(school: Int) -> CourseLessonFacts {
        CourseLessonFacts(course: courseFacts(school: school), lessonID: int(1...5), teacherID: int(1...5))
    }

    /// Three times in ten the school itself.
    fileprivate mutating func accessResource() -> AccessResource {
        let school = int(1...2)
        switch int(0...9) {
        case 0...2: return .school(id: school)
        case 3, 4: return .course(courseFacts(school: school))
        case 9: return .lesson(lessonFacts(school: school))
        case 5: return .schoolClass(ClassFacts(schoolID: school, classID: int(1...5), homeroomTeacherID: bool() ? int(1...5) : nil))
        case 6:
            return .student(
                StudentFacts(
                    schoolID: school,
                    studentID: int(1...5),
                    homeroomTeacherIDs: people(),
                    teacherIDs: people(),
                    guardianIDs: people()
                )
            )
        case 7: return .account(AccountFacts(schoolID: school, accountID: int(1...5)))
        default: return .session(SessionFacts(schoolID: school, accountID: int(1...5)))
        }
    }
}
