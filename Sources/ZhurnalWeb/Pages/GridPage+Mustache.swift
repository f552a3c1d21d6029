import Mustache

// Mustache finds a plain struct's fields through `Mirror`, which reflects every field — the page's rows included — at
// each lookup: most of the grid page's time went there. These answer Mustache's lookups by name directly; a name they
// do not know is nil, so Mustache goes on to the enclosing context exactly as it does when `Mirror` finds no such
// field. (The rows themselves are written by `JournalRowsHTML`.)

extension JournalPageController.GridPage.Column: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "lessonID": lessonID
        case "day": day
        case "hint": hint
        case "cancelled": cancelled
        case "open": open
        case "needsReason": needsReason
        case "control": control
        case "attendanceTaken": attendanceTaken
        default: nil
        }
    }
}

extension JournalPageController.GridPage: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "title": title
        case "chrome": chrome
        case "csrf": csrf
        case "courseID": courseID
        case "periodID": periodID
        case "subject": subject
        case "group": group
        case "teachers": teachers
        case "periodTitle": periodTitle
        case "periodDates": periodDates
        case "periods": periods
        case "closed": closed
        case "editable": editable
        case "history": history
        case "termNeedsReason": termNeedsReason
        case "workTypes": workTypes
        case "sums": sums
        case "grading": grading
        case "columns": columns
        case "rowsHTML": rowsHTML
        case "leftRowsHTML": leftRowsHTML
        case "hasLeft": hasLeft
        case "hasLessons": hasLessons
        case "span": span
        default: nil
        }
    }
}
