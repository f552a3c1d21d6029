import ZhurnalCore

/// The small chart of a subject's weighted average over a period, drawn on the server as SVG: the scale 2–5 with a
/// line at each whole mark, the period's days along it, a point at the end of each day with marks. Everything written
/// into it is a number or a fixed word, so it is placed in the page as it is.
enum AverageChart {
    static let (width, height, pad) = (320, 96, 18)

    static func svg(_ points: [(date: LocalDate, average: Rational)], span: DateSpan, label: String) -> String {
        let days = max(span.start.distance(to: span.end), 1)
        func x(_ date: LocalDate) -> Int { pad + (width - 2 * pad) * min(max(span.start.distance(to: date), 0), days) / days }
        func y(_ value: Rational) -> Int {
            // 2 at the bottom, 5 at the top; the exact value scaled to whole pixels.
            let scaled = (value - Rational(2)) * Rational(height - 2 * pad) / Rational(3)
            return height - pad - min(max(scaled.roundedToInteger(), 0), height - 2 * pad)
        }
        var svg = "<svg class=\"average-chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\""
        svg += " aria-label=\"\(HTMLText.escaped(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for mark in 2...5 {
            let level = y(Rational(mark))
            svg += "<line x1=\"\(pad)\" y1=\"\(level)\" x2=\"\(width - pad)\" y2=\"\(level)\" class=\"grid\"/>"
            svg += "<text x=\"2\" y=\"\(level + 4)\" class=\"scale\">\(mark)</text>"
        }
        let coordinates = points.map { "\(x($0.date)),\(y($0.average))" }
        if coordinates.count > 1 {
            svg += "<polyline points=\"\(coordinates.joined(separator: " "))\" class=\"line\"/>"
        }
        for point in coordinates {
            let parts = point.split(separator: ",")
            svg += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"3\" class=\"point\"/>"
        }
        return svg + "</svg>"
    }
}
