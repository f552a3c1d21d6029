/// The period marks of a school's pupils for one period, with whom each course is for: what the school metrics,
/// the lists of excellent and failing pupils and their comparisons are computed from (DOMAIN.md §4).
///
/// Only the pupils enrolled on the period's reference day are here; a withdrawn pupil is not counted, and a pupil
/// who changed class counts in the class he is in. A course lists the pupils it was for on that day.
public struct PeriodResults: Sendable {
    public struct Pupil: Sendable, Hashable {
        public let id: Int
        public let classID: Int
        public let parallel: Int

        public init(id: Int, classID: Int, parallel: Int) {
            self.id = id
            self.classID = classID
            self.parallel = parallel
        }
    }

    public struct Course: Sendable, Hashable {
        public let id: Int
        public let subjectID: Int
        public let teacherIDs: [Int]
        public let pupilIDs: [Int]

        public init(id: Int, subjectID: Int, teacherIDs: [Int], pupilIDs: [Int]) {
            self.id = id
            self.subjectID = subjectID
            self.teacherIDs = teacherIDs
            self.pupilIDs = pupilIDs
        }
    }

    /// One pupil's period mark in one course.
    public struct Entry: Sendable, Hashable {
        public let courseID: Int
        public let pupilID: Int

        public init(courseID: Int, pupilID: Int) {
            self.courseID = courseID
            self.pupilID = pupilID
        }
    }

    public let pupils: [Pupil]
    public let courses: [Course]
    public let marks: [Entry: MarkValue]

    public init(pupils: [Pupil], courses: [Course], marks: [Entry: MarkValue]) {
        self.pupils = pupils
        self.courses = courses
        self.marks = marks
    }

    /// The same results for the pupils of one class only (a homeroom teacher's view of his class).
    public func only(classID: Int) -> PeriodResults {
        let kept = pupils.filter { $0.classID == classID }
        let ids = Set(kept.map(\.id))
        let courses = courses.compactMap { course -> Course? in
            let pupils = course.pupilIDs.filter(ids.contains)
            return pupils.isEmpty ? nil : Course(id: course.id, subjectID: course.subjectID, teacherIDs: course.teacherIDs, pupilIDs: pupils)
        }
        return PeriodResults(pupils: kept, courses: courses, marks: marks.filter { ids.contains($0.key.pupilID) })
    }
}

// MARK: - Rows

extension PeriodResults {
    /// One row of the school metrics: what is counted, and its average period mark.
    public struct Row: Sendable, Hashable {
        /// The class's, parallel's, subject's or teacher's id; 0 for the whole school.
        public let key: Int
        public let metrics: SchoolMetrics
        /// The mean of the row's numeric period marks (a double mark counts by its lower part); `nil` when none.
        public let averageMark: Rational?
    }

    /// The metrics grouped as asked, one row per class, parallel, subject or teacher that has pupils, ordered by key.
    public func rows(by grouping: MetricsGrouping) -> [Row] {
        let pupilsByID = Dictionary(uniqueKeysWithValues: pupils.map { ($0.id, $0) })
        switch grouping {
        case .schoolClass, .parallel, .school:
            let keyOf: (Pupil) -> Int =
                switch grouping {
                case .schoolClass: { $0.classID }
                case .parallel: { $0.parallel }
                default: { _ in 0 }
                }
            let marksOf = marksByPupil()
            return Dictionary(grouping: pupils, by: keyOf).sorted { $0.key < $1.key }.map { key, members in
                let sets = members.map { marksOf[$0.id] ?? [] }
                return Row(key: key, metrics: .forClass(studentsMarks: sets), averageMark: Self.average(sets.flatMap { $0 }))
            }
        case .subject, .teacher:
            var pairs: [Int: [MarkValue?]] = [:]
            for course in courses {
                let keys = grouping == .subject ? [course.subjectID] : Array(Set(course.teacherIDs))
                let entries = course.pupilIDs.filter { pupilsByID[$0] != nil }.map {
                    marks[Entry(courseID: course.id, pupilID: $0)]
                }
                guard !entries.isEmpty else { continue }
                for key in keys { pairs[key, default: []] += entries }
            }
            return pairs.sorted { $0.key < $1.key }.map { key, entries in
                Row(key: key, metrics: .forSubject(periodMarks: entries), averageMark: Self.average(entries.compactMap { $0 }))
            }
        }
    }

    /// Each pupil's period marks in the courses he was in, in course order.
    func marksByPupil() -> [Int: [MarkValue]] {
        var result: [Int: [MarkValue]] = [:]
        for course in courses {
            for pupil in course.pupilIDs {
                if let mark = marks[Entry(courseID: course.id, pupilID: pupil)] { result[pupil, default: []].append(mark) }
            }
        }
        return result
    }

    public static func average(_ marks: [MarkValue]) -> Rational? {
        let grades = marks.compactMap(\.lowestGrade)
        return grades.isEmpty ? nil : Rational(grades.reduce(0, +), grades.count)
    }
}
