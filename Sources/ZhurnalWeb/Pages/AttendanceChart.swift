import ZhurnalCore

/// The attendance report's bar chart, drawn on the server as SVG: a bar a line (class or pupil), its length the share
/// of lessons missed, split by reason (н, б, у) so that the unexplained part stands out. The scale runs to the largest
/// share rounded up to 5 %, at least 5 %, so a school missing 3 % still shows bars one can tell apart. Labels are
/// escaped; everything else is a number.
enum AttendanceChart {
    static let (width, barHeight, gap, pad) = (640, 16, 6, 4)

    /// `byPupil`: the lines are pupils, labelled «Фамилия И. О.» in a wider column so that no name runs into its bar.
    static func svg(_ lines: [AttendanceReports.Line], label: String, byPupil: Bool = false) -> String {
        let labelWidth = byPupil ? 170 : 60
        let shares = lines.map { $0.tally.missedShare ?? .zero }
        let largest = shares.max() ?? .zero
        // Percent of the scale's end: the largest share, in whole percent, rounded up to a multiple of 5.
        let top = max(5, ((largest * Rational(100)).roundedUp + 4) / 5 * 5)
        let plot = width - labelWidth - 2 * pad - 40
        let height = max(lines.count, 1) * (barHeight + gap) + 24
        var svg = "<svg class=\"attendance-chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\""
        svg += " aria-label=\"\(HTMLText.escaped(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        func x(_ share: Rational) -> Int { (share * Rational(100 * plot, top)).roundedToInteger() }
        for (index, line) in lines.enumerated() {
            let y = index * (barHeight + gap) + pad
            svg +=
                "<text x=\"\(pad)\" y=\"\(y + barHeight - 4)\" class=\"label\">\(HTMLText.escaped(byPupil ? shortName(line.label) : line.label))</text>"
            var left = labelWidth
            let lessons = max(line.tally.lessons, 1)
            for (code, count) in [
                ("absent", line.tally.missedLessons.absent), ("ill", line.tally.missedLessons.ill), ("excused", line.tally.missedLessons.excused),
            ] where count > 0 {
                let length = max(x(Rational(count, lessons)), 1)
                svg += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" class=\"\(code)\"/>"
                left += length
            }
            let percent = line.tally.missedPercent ?? "—"
            svg += "<text x=\"\(left + 4)\" y=\"\(y + barHeight - 4)\" class=\"value\">\(percent) %</text>"
        }
        let axis = max(lines.count, 1) * (barHeight + gap) + pad
        svg += "<line x1=\"\(labelWidth)\" y1=\"\(axis)\" x2=\"\(labelWidth + plot)\" y2=\"\(axis)\" class=\"axis\"/>"
        svg += "<text x=\"\(labelWidth)\" y=\"\(axis + 14)\" class=\"scale\">0 %</text>"
        svg += "<text x=\"\(labelWidth + plot)\" y=\"\(axis + 14)\" class=\"scale\" text-anchor=\"end\">\(top) %</text>"
        return svg + "</svg>"
    }
}

extension AttendanceChart {
    /// «Аксёнова Мария Ивановна» → «Аксёнова М. И.».
    static func shortName(_ full: String) -> String {
        let parts = full.split(separator: " ")
        guard let last = parts.first else { return full }
        return ([String(last)] + parts.dropFirst().compactMap { $0.first.map { "\($0)." } }).joined(separator: " ")
    }
}

extension Rational {
    /// The smallest integer not below the value.
    fileprivate var roundedUp: Int { isInteger ? numerator : floor + 1 }
}
