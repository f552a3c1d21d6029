import Mustache

// The period's marks are the diary's second page parents open: answered by name, as the week page is (see
// DiaryWeekPage+Mustache.swift); a name not known here is nil, and Mustache looks further out.

extension DiaryMarksPageController.MarksPage: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "title": title
        case "chrome": chrome
        case "pupilName": pupilName
        case "diaryHref": diaryHref
        case "periods": periods
        case "periodTitle": periodTitle
        case "periodDates": periodDates
        case "rounding": rounding
        case "subjects": subjects
        case "hasSubjects": hasSubjects
        case "yearHeaders": yearHeaders
        case "yearRows": yearRows
        default: nil
        }
    }
}

extension DiaryMarksPageController.MarksPage.PeriodLink: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "href": href
        case "label": label
        case "current": current
        default: nil
        }
    }
}

extension DiaryMarksPageController.MarksPage.Subject: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "anchor": anchor
        case "name": name
        case "marks": marks
        case "graded": graded
        case "formula": formula
        case "proposal": proposal
        case "termMark": termMark
        case "chartSVG": chartSVG
        default: nil
        }
    }
}

extension DiaryMarksPageController.MarksPage.YearRow: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "subject": subject
        case "cells": cells
        default: nil
        }
    }
}
