extension QRCode {
    /// The symbol as a standalone SVG document: a white background, then all dark modules in a single `<path>`
    /// with one `M x y h w v 1 h -w z` subpath per horizontal run. Coordinates are in modules (the viewBox is
    /// size + 2 × quietZone square); `width` and `height` scale that to `moduleSize` pixels per module. `label`
    /// becomes the `aria-label` of the `role="img"` element.
    ///
    /// Runs are merged so the path stays small even at large versions, and one path on whole-module coordinates
    /// with `crispEdges` avoids the hairline seams anti-aliasing leaves between separately drawn squares.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, label: String) -> String {
        precondition(moduleSize >= 1, "a module must be at least one pixel")
        precondition(quietZone >= 0, "the quiet zone cannot be negative")
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        var path = ""
        path.reserveCapacity(size * size)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) {
                    x += 1
                }
                let width = x - start
                path += "M\(start + quietZone) \(y + quietZone)h\(width)v1h-\(width)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" \
            shape-rendering="crispEdges" role="img" aria-label="\(Self.escapedAttribute(label))">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    private static func escapedAttribute(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
