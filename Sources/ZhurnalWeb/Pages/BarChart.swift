import ZhurnalCore

/// A report's horizontal bar chart drawn on the server as SVG: one labelled bar a row on a 0–100 % scale, with the
/// value written at its end and, where a second period is compared, a tick at that period's value. Labels are the
/// school's own names, so they are escaped; everything else is a number.
enum BarChart {
    struct Bar: Sendable {
        let label: String
        let value: Rational?
        let previous: Rational?
    }

    static let (labelWidth, barWidth, rowHeight) = (120, 280, 22)

    static func svg(_ bars: [Bar], title: String) -> String {
        let width = labelWidth + barWidth + 56
        let height = rowHeight * bars.count + 24
        func x(_ value: Rational) -> Int {
            labelWidth + (Rational(barWidth) * min(max(value, .zero), Rational(100)) / Rational(100)).roundedToInteger()
        }
        var svg = "<svg class=\"bar-chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\""
        svg += " aria-label=\"\(HTMLText.escaped(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for percent in stride(from: 0, through: 100, by: 25) {
            let at = x(Rational(percent))
            svg += "<line x1=\"\(at)\" y1=\"0\" x2=\"\(at)\" y2=\"\(height - 18)\" class=\"grid\"/>"
            svg += "<text x=\"\(at)\" y=\"\(height - 4)\" class=\"scale\" text-anchor=\"middle\">\(percent)</text>"
        }
        for (index, bar) in bars.enumerated() {
            let top = index * rowHeight + 3
            let label = bar.label.count > 18 ? String(bar.label.prefix(17)) + "…" : bar.label
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(top + 13)\" class=\"label\" text-anchor=\"end\">\(HTMLText.escaped(label))</text>"
            if let value = bar.value {
                svg += "<rect x=\"\(labelWidth)\" y=\"\(top)\" width=\"\(x(value) - labelWidth)\" height=\"\(rowHeight - 8)\" class=\"bar\"/>"
                svg += "<text x=\"\(x(value) + 4)\" y=\"\(top + 12)\" class=\"value\">\(value.decimalString(places: 1))</text>"
            } else {
                svg += "<text x=\"\(labelWidth + 4)\" y=\"\(top + 12)\" class=\"value\">—</text>"
            }
            if let previous = bar.previous {
                let at = x(previous)
                svg += "<line x1=\"\(at)\" y1=\"\(top - 2)\" x2=\"\(at)\" y2=\"\(top + rowHeight - 6)\" class=\"previous\"/>"
            }
        }
        return svg + "</svg>"
    }
}
