import Mustache

// The week page is the one most parents open, lesson by lesson: its contexts answer Mustache's lookups by name
// rather than through `Mirror` (see GridPage+Mustache.swift). A name they do not know is nil, so Mustache goes on to
// the enclosing context as it does when `Mirror` finds no such field.

extension DiaryPageController.WeekPage: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "title": title
        case "chrome": chrome
        case "pupilName": pupilName
        case "children": children
        case "hasSwitcher": hasSwitcher
        case "weekTitle": weekTitle
        case "previousHref": previousHref
        case "nextHref": nextHref
        case "thisWeekHref": thisWeekHref
        case "marksHref": marksHref
        case "printHref": printHref
        case "days": days
        case "acknowledged": acknowledged
        case "acknowledgement": acknowledgement
        default: nil
        }
    }
}

extension DiaryPageController.WeekPage.ChildLink: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "href": href
        case "name": name
        case "current": current
        default: nil
        }
    }
}

extension DiaryPageController.WeekPage.Day: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "id": id
        case "heading": heading
        case "today": today
        case "lessons": lessons
        case "empty": empty
        default: nil
        }
    }
}

extension DiaryPageController.WeekPage.Lesson: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "number": number
        case "time": time
        case "subject": subject
        case "teacher": teacher
        case "substitution": substitution
        case "cancelled": cancelled
        case "moved": moved
        case "topic": topic
        case "control": control
        case "homework": homework
        case "marks": marks
        case "attendance": attendance
        default: nil
        }
    }
}

extension DiaryPageController.WeekPage.Homework: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "body": body
        case "due": due
        case "personal": personal
        case "files": files
        default: nil
        }
    }
}

extension DiaryPageController.WeekPage.File: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "href": href
        case "name": name
        case "size": size
        default: nil
        }
    }
}

extension DiaryPageController.WeekPage.Mark: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "value": value
        case "detail": detail
        default: nil
        }
    }
}

extension DiaryPageController.WeekPage.AcknowledgementForm: MustacheParent {
    func child(named field: String) -> Any? {
        switch field {
        case "action": action
        case "csrf": csrf
        case "week": week
        case "notYet": notYet
        default: nil
        }
    }
}
