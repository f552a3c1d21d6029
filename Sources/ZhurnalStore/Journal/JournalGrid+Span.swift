import ZhurnalCore

extension JournalGrid {
    /// The part of the grid inside `span` — a period of a grid read for the whole year: its lessons and their cells,
    /// and the pupils who belong to the course on some day of it, their membership cut to it (without term marks: the
    /// year's are read apart, by kind).
    public func restricted(to span: DateSpan) -> JournalGrid {
        let lessons = lessons.filter { span.contains($0.date) }
        let inside = Set(lessons.map(\.id))
        let pupils = pupils.compactMap { pupil -> Pupil? in
            let member = pupil.member.filter { $0.overlaps(span) }.map { DateSpan(max($0.start, span.start), min($0.end, span.end)) }
            guard !member.isEmpty else { return nil }
            return Pupil(id: pupil.id, lastName: pupil.lastName, firstName: pupil.firstName, patronymic: pupil.patronymic, member: member)
        }
        return JournalGrid(
            pupils: pupils,
            lessons: lessons,
            marks: marks.filter { inside.contains($0.lessonId) },
            attendance: attendance.filter { inside.contains($0.lessonId) },
            termMarks: []
        )
    }
}
