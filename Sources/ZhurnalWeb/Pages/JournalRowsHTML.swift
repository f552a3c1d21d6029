/// The journal grid's rows — a cell per pupil and lesson, some 1 500 for a class over a quarter — written directly
/// rather than through Mustache, which took half the page's time in dynamic casts and lookups per cell. The page's
/// template places the result unescaped (`{{{rowsHTML}}}`), so every value here goes through ``HTMLText/escaped(_:)``
/// except numbers and fixed words.
enum JournalRowsHTML {
    static func render(_ rows: [JournalPageController.GridPage.Row], editable: Bool, sums: GridSums) -> String {
        var html = ""
        html.reserveCapacity(rows.count * 2_048)
        for row in rows {
            let name = HTMLText.escaped(row.name)
            html += "<tr data-student=\"\(row.studentID)\">\n"
            html += "  <th scope=\"row\" class=\"pupil-col\" title=\"\(name)\">\(name)</th>\n  "
            for cell in row.cells {
                guard cell.inside else {
                    html += "<td class=\"cell outside\" data-lesson=\"\(cell.lessonID)\"><span class=\"visually-hidden\">не в классе</span></td>"
                    continue
                }
                html += "<td class=\"cell\(cell.open ? " open" : "")\" data-lesson=\"\(cell.lessonID)\" tabindex=\"\(cell.tabIndex)\">"
                for mark in cell.marks {
                    html += "<span class=\"mark\" data-id=\"\(mark.id)\" data-version=\"\(mark.version)\" data-work-type=\"\(mark.workTypeID)\""
                    html += " data-comment=\"\(HTMLText.escaped(mark.comment))\" title=\"\(HTMLText.escaped(mark.hint))\">"
                    html += HTMLText.escaped(mark.value) + "</span>"
                }
                if let code = cell.code { html += "<span class=\"code\">\(HTMLText.escaped(code))</span>" }
                html += "</td>"
            }
            html += "\n"
            if sums.averages {
                html += "  <td class=\"sum average\">\(HTMLText.escaped(row.average))</td>\n"
                html += "  <td class=\"sum proposal\">\(HTMLText.escaped(row.proposal))"
                if let note = row.proposalNote { html += "<span class=\"why\">\(HTMLText.escaped(note))</span>" }
                html += "</td>\n"
            }
            if sums.term {
                html += "  <td class=\"sum term\(editable ? " open" : "")\" tabindex=\"-1\" data-version=\"\(row.termVersion)\">"
                html += "<span class=\"term-value\">\(HTMLText.escaped(row.termMark))</span></td>\n"
            }
            html += "</tr>\n"
        }
        return html
    }
}
