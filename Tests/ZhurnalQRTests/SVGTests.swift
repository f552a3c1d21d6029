import Testing
import ZhurnalQR

struct SVGTests {
    static let otpauth = "otpauth://totp/Zhurnal:ivanova.ma?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Zhurnal"

    private static func attribute(_ name: String, in svg: String) -> String? {
        guard let start = svg.firstRange(of: " \(name)=\"") else {
            return nil
        }
        let rest = svg[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func count(of needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }

    @Test func documentShape() throws {
        let code = try QRCode(text: Self.otpauth)
        let svg = code.svg(label: "Scan with your authenticator")
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(Self.attribute("viewBox", in: svg) == "0 0 \(side) \(side)")
        #expect(Self.attribute("width", in: svg) == "\(side * 4)")
        #expect(Self.attribute("height", in: svg) == "\(side * 4)")
        #expect(Self.attribute("shape-rendering", in: svg) == "crispEdges")
        #expect(Self.attribute("role", in: svg) == "img")
        #expect(Self.attribute("aria-label", in: svg) == "Scan with your authenticator")
        #expect(Self.count(of: "<rect", in: svg) == 1)
        #expect(Self.count(of: "<path", in: svg) == 1)
        #expect(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"))
    }

    @Test func sizeAndQuietZoneAreParameters() throws {
        let code = try QRCode(text: "A")
        let svg = code.svg(moduleSize: 10, quietZone: 2, label: "A")
        #expect(Self.attribute("viewBox", in: svg) == "0 0 25 25")
        #expect(Self.attribute("width", in: svg) == "250")
        // The top-left finder starts right after the quiet zone.
        #expect(Self.attribute("d", in: svg)?.hasPrefix("M2 2h7v1h-7z") == true)
        #expect(Self.attribute("d", in: code.svg(quietZone: 0, label: "A"))?.hasPrefix("M0 0h7v1h-7z") == true)
    }

    @Test func labelIsEscaped() throws {
        let svg = try QRCode(text: "A").svg(label: #"Tom & "Jerry" <script>"#)
        #expect(Self.attribute("aria-label", in: svg) == "Tom &amp; &quot;Jerry&quot; &lt;script&gt;")
        #expect(!svg.contains("<script>"))
    }

    /// The path, read back run by run, paints exactly the dark modules, and no two runs touch (each is maximal).
    @Test(arguments: [Self.otpauth, "A", String(repeating: "Ж", count: 300)])
    func pathPaintsExactlyTheDarkModules(text: String) throws {
        let code = try QRCode(text: text)
        let quietZone = 3
        let path = try #require(Self.attribute("d", in: code.svg(quietZone: quietZone, label: "x")))
        var painted = Set<Int>()
        var runEnds = Set<Int>()
        for command in path.split(separator: "M") {
            // "x yhWv1h-Wz"
            let parts = command.split(whereSeparator: { " hvz".contains($0) })
            try #require(parts.count == 5, "unexpected subpath \(command)")
            let x = try #require(Int(parts[0])) - quietZone
            let y = try #require(Int(parts[1])) - quietZone
            let width = try #require(Int(parts[2]))
            #expect(parts[3] == "1" && parts[4] == "-\(width)")
            // Keyed with a stride of size + 1 so a run ending at the right edge is not taken for the next row's start.
            #expect(!runEnds.contains(y * (code.size + 1) + x), "run at (\(x), \(y)) continues the previous one")
            runEnds.insert(y * (code.size + 1) + x + width)
            for column in x..<(x + width) {
                #expect(painted.insert(y * code.size + column).inserted)
            }
        }
        for y in 0..<code.size {
            for x in 0..<code.size {
                #expect(painted.contains(y * code.size + x) == code.isDark(x: x, y: y), "module (\(x), \(y))")
            }
        }
    }
}
