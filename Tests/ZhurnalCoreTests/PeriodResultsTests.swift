import Testing

@testable import ZhurnalCore

/// School metrics recomputed by hand from period marks of hand-built classes (DOMAIN.md §4).
struct PeriodResultsTests {
    typealias Entry = PeriodResults.Entry

    /// DOMAIN.md's example in one subject: 5 «5», 10 «4», 8 «3», 2 «2», three exempt and two without marks.
    static var domainExample: PeriodResults {
        let pupils = (1...30).map { PeriodResults.Pupil(id: $0, classID: 10, parallel: 5) }
        var marks: [Entry: MarkValue] = [:]
        for pupil in 1...30 {
            let value: MarkValue? =
                switch pupil {
                case 1...5: .grade(5)
                case 6...15: .grade(4)
                case 16...23: .grade(3)
                case 24...25: .grade(2)
                case 26...28: .exempt
                default: nil
                }
            if let value { marks[Entry(courseID: 100, pupilID: pupil)] = value }
        }
        return PeriodResults(
            pupils: pupils,
            courses: [PeriodResults.Course(id: 100, subjectID: 1, teacherIDs: [7], pupilIDs: Array(1...30))],
            marks: marks
        )
    }

    @Test func subjectRowIsTheDomainsExample() throws {
        let rows = Self.domainExample.rows(by: .subject)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.key == 1)
        #expect(row.metrics.counts == MarkCounts(n5: 5, n4: 10, n3: 8, n2: 2, exempt: 3, withoutMarks: 2))
        #expect(row.metrics.population == 25)
        #expect(row.metrics.passRate?.decimalString(places: 1, separator: ".") == "92.0")
        #expect(row.metrics.qualityRate?.decimalString(places: 1, separator: ".") == "60.0")
        #expect(row.metrics.degreeOfLearning?.decimalString(places: 1, separator: ".") == "58.4")
        #expect(row.averageMark == Rational(93, 25))
        #expect(Self.domainExample.rows(by: .teacher).map(\.metrics) == [row.metrics])
        // One subject in one class: the class counted pupil by pupil gives the same figures.
        #expect(Self.domainExample.rows(by: .schoolClass).map(\.metrics) == [row.metrics])
    }

    /// Class 10 (parallel 5): mathematics (course 100, teacher 7) and Russian (101, teacher 8) for everyone, English
    /// (102, teacher 8) for a subgroup of pupil 1; class 11 (parallel 5) and class 20 (parallel 6) one pupil each.
    static var twoClasses: PeriodResults {
        let pupils =
            (1...7).map { PeriodResults.Pupil(id: $0, classID: 10, parallel: 5) }
            + [PeriodResults.Pupil(id: 8, classID: 11, parallel: 5), PeriodResults.Pupil(id: 9, classID: 20, parallel: 6)]
        let courses = [
            PeriodResults.Course(id: 100, subjectID: 1, teacherIDs: [7], pupilIDs: Array(1...7)),
            PeriodResults.Course(id: 101, subjectID: 2, teacherIDs: [8], pupilIDs: Array(1...7)),
            PeriodResults.Course(id: 102, subjectID: 3, teacherIDs: [8], pupilIDs: [1]),
            PeriodResults.Course(id: 110, subjectID: 1, teacherIDs: [7], pupilIDs: [8]),
            PeriodResults.Course(id: 120, subjectID: 1, teacherIDs: [9], pupilIDs: [9]),
        ]
        let given: [(Int, Int, MarkValue)] = [
            (100, 1, .grade(5)), (101, 1, .grade(5)), (102, 1, .grade(5)),
            (100, 2, .grade(5)), (101, 2, .grade(4)),
            (100, 3, .grade(4)), (101, 3, .grade(3)),
            (100, 4, .grade(2)), (101, 4, .grade(5)),
            (100, 5, .notAttested), (101, 5, .grade(5)),
            (100, 6, .exempt),
            (110, 8, .grade(4)),
            (120, 9, .grade(3)),
            // A mark in a course the pupil is no longer in is not his.
            (100, 9, .grade(2)),
        ]
        var marks: [Entry: MarkValue] = [:]
        for (course, pupil, value) in given { marks[Entry(courseID: course, pupilID: pupil)] = value }
        return PeriodResults(pupils: pupils, courses: courses, marks: marks)
    }

    @Test func aClassCountsEachPupilOnceByHisWorstMark() throws {
        let rows = Self.twoClasses.rows(by: .schoolClass)
        #expect(rows.map(\.key) == [10, 11, 20])
        let tenth = rows[0]
        // 1 excellent, 2 good, 3 satisfactory, 4 failing, 5 not attested; 6 exempt and 7 without marks outside N.
        #expect(tenth.metrics.counts == MarkCounts(n5: 1, n4: 1, n3: 1, n2: 1, notAttested: 1, exempt: 1, withoutMarks: 1))
        #expect(tenth.metrics.population == 5)
        #expect(tenth.metrics.passRate == Rational(60))
        #expect(tenth.metrics.qualityRate == Rational(40))
        #expect(tenth.metrics.degreeOfLearning == Rational(223, 5))
        #expect(tenth.averageMark == Rational(5 + 5 + 5 + 5 + 4 + 4 + 3 + 2 + 5 + 5, 10))
        #expect(rows[1].metrics.counts == MarkCounts(n4: 1))
        #expect(rows[2].metrics.counts == MarkCounts(n3: 1))
    }

    @Test func parallelsAndTheSchoolCountPupilsAcrossClasses() {
        let parallels = Self.twoClasses.rows(by: .parallel)
        #expect(parallels.map(\.key) == [5, 6])
        #expect(parallels[0].metrics.counts == MarkCounts(n5: 1, n4: 2, n3: 1, n2: 1, notAttested: 1, exempt: 1, withoutMarks: 1))
        #expect(parallels[1].metrics.counts == MarkCounts(n3: 1))
        let school = Self.twoClasses.rows(by: .school)
        #expect(school.map(\.key) == [0])
        #expect(school[0].metrics.counts == MarkCounts(n5: 1, n4: 2, n3: 2, n2: 1, notAttested: 1, exempt: 1, withoutMarks: 1))
        #expect(school[0].metrics.passRate == Rational(500, 7))
    }

    @Test func subjectsAndTeachersCountMarksOneByOne() {
        let subjects = Self.twoClasses.rows(by: .subject)
        #expect(subjects.map(\.key) == [1, 2, 3])
        // Mathematics: 5, 5, 4, 2, н/а, осв, none in class 10; 4 in class 11; 3 in class 20.
        #expect(subjects[0].metrics.counts == MarkCounts(n5: 2, n4: 2, n3: 1, n2: 1, notAttested: 1, exempt: 1, withoutMarks: 1))
        #expect(subjects[1].metrics.counts == MarkCounts(n5: 3, n4: 1, n3: 1, withoutMarks: 2))
        #expect(subjects[2].metrics.counts == MarkCounts(n5: 1))
        let teachers = Self.twoClasses.rows(by: .teacher)
        #expect(teachers.map(\.key) == [7, 8, 9])
        #expect(teachers[0].metrics.counts == MarkCounts(n5: 2, n4: 2, n2: 1, notAttested: 1, exempt: 1, withoutMarks: 1))
        // Russian and the English subgroup together.
        #expect(teachers[1].metrics.counts == MarkCounts(n5: 4, n4: 1, n3: 1, withoutMarks: 2))
        #expect(teachers[1].metrics.population == 6)
        #expect(teachers[2].metrics.counts == MarkCounts(n3: 1))
    }

    @Test func oneClassOnly() {
        let eleventh = Self.twoClasses.only(classID: 11)
        #expect(eleventh.pupils.map(\.id) == [8])
        #expect(eleventh.courses.map(\.id) == [110])
        #expect(eleventh.rows(by: .subject).map(\.metrics.counts) == [MarkCounts(n4: 1)])
        #expect(Self.twoClasses.only(classID: 99).rows(by: .school).isEmpty)
    }

    @Test func nobodyCountedHasNoRatesNorAverage() throws {
        let results = PeriodResults(
            pupils: [PeriodResults.Pupil(id: 1, classID: 10, parallel: 5)],
            courses: [PeriodResults.Course(id: 100, subjectID: 1, teacherIDs: [7], pupilIDs: [1])],
            marks: [Entry(courseID: 100, pupilID: 1): .exempt]
        )
        let row = try #require(results.rows(by: .schoolClass).first)
        #expect(row.metrics.population == 0)
        #expect(row.metrics.passRate == nil)
        #expect(row.averageMark == nil)
    }

    @Test func listsNameThePupilsAndTheirSubjects() {
        let lists = PupilLists(Self.twoClasses)
        #expect(lists.excellent.map(\.pupilID) == [1])
        #expect(lists.singleFour.map(\.pupilID) == [2, 8])
        #expect(lists.singleFour.map(\.subjectIDs) == [[2], [1]])
        #expect(lists.singleThree.map(\.pupilID) == [3, 9])
        #expect(lists.singleThree[0].subjectIDs == [2])
        #expect(lists.failing.map(\.pupilID) == [4])
        #expect(lists.failing[0].subjectIDs == [1])
        #expect(lists.notAttested.map(\.pupilID) == [5])
        #expect(lists.notAttested[0].classID == 10)
    }
}
