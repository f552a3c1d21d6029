import Mustache

// The grid page renders a cell per pupil and lesson — some 1 500 for a class over a quarter — and Mustache finds a
// plain struct's fields through `Mirror`, which costs microseconds a lookup: most of the page's time went there. These
// answer Mustache's lookups by name directly; a name they do not know is nil, so Mustache goes on to the enclosing
// context exactly as it does when `Mirror` finds no such field.

extension JournalPageController.GridPage.Row: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "studentID": studentID
        case "name": name
        case "cells": cells
        case "average": average
        case "proposal": proposal
        case "proposalNote": proposalNote
        case "termMark": termMark
        case "termVersion": termVersion
        default: nil
        }
    }
}

extension JournalPageController.GridPage.Cell: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "lessonID": lessonID
        case "inside": inside
        case "open": open
        case "tabIndex": tabIndex
        case "marks": marks
        case "code": code
        default: nil
        }
    }
}

extension JournalPageController.GridPage.MarkChip: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "id": id
        case "value": value
        case "version": version
        case "workTypeID": workTypeID
        case "comment": comment
        case "hint": hint
        default: nil
        }
    }
}

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

// Each row asks for `editable` and `history`, which only the page has: through `Mirror` that reflected every field of
// the page, its rows included, once per row.
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
        case "columns": columns
        case "rows": rows
        case "leftRows": leftRows
        case "hasLeft": hasLeft
        case "hasLessons": hasLessons
        case "span": span
        default: nil
        }
    }
}
