import Foundation
import Support
import Plot
import XCTest
@testable import Lessons

/// The HTML gallery: every lesson and figure with its caption and fitted
/// table, relative links only, escaped text, the same bytes every time — and,
/// in a real headless browser, every image loads.
final class GalleryTests: XCTestCase {
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-gallery-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Renders the named bundled lessons and writes the gallery for them.
    func gallery(_ names: [String]) throws -> HTMLGallery {
        for result in LessonRenderer(outputRoot: root).render(names: names, from: catalogue) { _ = try result.get() }
        let gallery = HTMLGallery(root: root, lessons: HTMLGallery.lessons(in: root, catalogue: catalogue))
        try gallery.write()
        return gallery
    }

    /// Every `attribute="…"` value in `html`.
    func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: "\(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    func testEveryRenderedLessonAndFigureIsShownWithCaptionAndTable() throws {
        let html = try gallery(["simple-regression", "probability-model"]).html
        for name in ["simple-regression", "probability-model"] {
            let spec = try catalogue.source(for: name).parse()
            XCTAssertTrue(html.contains("<h2>\(HTMLText.escaped(spec.title))</h2>"), name)
            for figure in spec.figures {
                XCTAssertTrue(html.contains("<figure id=\"\(name)-\(figure.id)\">"), figure.id)
                XCTAssertTrue(html.contains(HTMLText.escaped(figure.caption ?? "")), figure.id)
            }
        }
        // The animation, not its still, and the fitted table as Kutner et al. print it
        // (Figure 2.2: 62.37, 26.18, 2.38, 0.026; 3.5702, 0.3470, 10.29), the intercept's
        // numbers padded with figure spaces (U+2007) to line up on the point.
        XCTAssertTrue(html.contains("<img src=\"probability-model/simple-reg-prob.gif\""))
        let pad = "\u{2007}\u{2007}"
        XCTAssertTrue(html.contains("<tr><td>(Intercept)</td><td>62.37\(pad)</td><td>26.18\(pad)</td><td>2.38</td><td>0.026</td></tr>"))
        XCTAssertTrue(html.contains("<tr><td>lot_size</td><td>3.5702</td><td>0.3470</td><td>10.29</td><td>&lt;\u{00A0}0.001</td></tr>"))
        // Lessons not rendered under this root are left out.
        XCTAssertFalse(html.contains("id=\"inference\""))
    }

    func testLinksAreRelativeAndResolve() throws {
        let html = try gallery(["categorical-predictors", "multiple-regression"]).html
        let links = values(of: "src", in: html) + values(of: "href", in: html).filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(links.count, 10)
        for link in links {
            XCTAssertFalse(link.hasPrefix("/") || link.contains(":"), "not relative: \(link)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(link).path), link)
        }
        XCTAssertFalse(html.contains("<script"), "the page works without scripts")
    }

    func testTheSameOutputsGiveTheSameBytes() throws {
        let first = try gallery(["inference"]).html
        let again = HTMLGallery(root: root, lessons: HTMLGallery.lessons(in: root, catalogue: catalogue)).html
        XCTAssertEqual(first, again)
    }

    func testTextFromTheSpecIsEscaped() throws {
        let spec = """
            title: Scores & <b>bold</b> claims
            data:
              columns:
                x: [1, 2, 3, 4]
                y: [2, 4, 5, 8]
            models:
              m: y ~ x
            figures:
              fit:
                kind: scatter-fit
                caption: A "quoted" caption with <script>alert('x')</script>
            formats: [png]
            """
        let file = root.appendingPathComponent("tricky.yaml")
        try spec.write(to: file, atomically: true, encoding: .utf8)
        let parsed = try catalogue.source(for: file.path).parse()
        let output = root.appendingPathComponent("out")
        _ = try LessonRenderer(outputRoot: output).render(catalogue.source(for: file.path))
        let html = HTMLGallery(root: output, lessons: [parsed]).html
        XCTAssertTrue(html.contains("<h2>Scores &amp; &lt;b&gt;bold&lt;/b&gt; claims</h2>"), html)
        XCTAssertTrue(html.contains("A &quot;quoted&quot; caption with &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        XCTAssertFalse(html.contains("<script"))
    }

    func testFitTableAlignsColumnsAndLeavesMissingNumbersEmpty() {
        // A large n is grouped, a coefficient with no SE (not estimable) gets
        // four significant digits and dashes, and the others are padded with
        // figure spaces (U+2007) and a punctuation space (U+2008) to the point;
        // x's SE of 0.0412 is 0.04120 at four significant digits, so x has five decimals.
        let table = GalleryFitTable(
            model: "big",
            rows: [.init(term: "(Intercept)", estimate: 2_500_000, standardError: 133_967, t: 18.66, p: 1e-20),
                   .init(term: "x", estimate: -1.85, standardError: 0.0412, t: -44.9, p: 0.2),
                   .init(term: "z", estimate: 0.333333, standardError: nil, t: nil, p: nil)],
            n: 12_345, sigma: 250_000, rSquared: 0.8)
        let html = table.html
        XCTAssertTrue(html.contains("n = 12\u{2009}345, σ̂ = 250\u{2009}000, R² = 0.800</caption>"), html)
        XCTAssertTrue(html.contains("<td>2\u{2009}500\u{2009}000\u{2008}\(String(repeating: "\u{2007}", count: 5))</td>"
            + "<td>134\u{2009}000\u{2008}\(String(repeating: "\u{2007}", count: 5))</td><td>18.66</td><td>&lt;\u{00A0}0.001</td>"), html)
        XCTAssertTrue(html.contains("<tr><td>x</td><td>\u{2212}1.85000</td><td>0.04120</td><td>\u{2212}44.90</td><td>0.2</td></tr>"), html)
        XCTAssertTrue(html.contains("<tr><td>z</td><td>0.3333\u{2007}</td><td>—</td><td>—</td><td>—</td></tr>"), html)
    }

    func testLinksPercentEncodeOddNames() {
        XCTAssertEqual(HTMLText.link("my lesson", "fig#1.png"), "my%20lesson/fig%231.png")
        XCTAssertEqual(HTMLText.link("β", "a.png"), "%CE%B2/a.png")
    }

    // MARK: - In a browser

    /// Debian's chromium (installed by scripts/install-deps, which CI runs).
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs headless chromium with `arguments` and returns its standard output.
    func runChromium(_ arguments: [String]) throws -> String {
        let browser = try XCTUnwrap(Self.chromium)
        let profile = root.appendingPathComponent("chromium-profile")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=10000"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "chromium \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    func testEveryImageLoadsInHeadlessChromium() throws {
        guard Self.chromium != nil else {
            throw XCTSkip("chromium is not installed; scripts/install-deps installs Debian's chromium for this test")
        }
        let gallery = try gallery(catalogue.names)
        let page = root.appendingPathComponent("index.html")

        // A copy of the page that, once loaded, records on <body> which images
        // decoded (naturalWidth > 0); the DOM dump shows the result.
        let probe = root.appendingPathComponent("probe.html")
        let script = """
            <script>
            window.addEventListener("load", function () {
              var images = Array.prototype.slice.call(document.images);
              var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); });
              document.body.setAttribute("data-images", String(images.length));
              document.body.setAttribute("data-broken", broken.map(function (i) { return i.getAttribute("src"); }).join(" "));
            });
            </script>
            </body>
            """
        try gallery.html.replacingOccurrences(of: "</body>", with: script)
            .write(to: probe, atomically: true, encoding: .utf8)
        let dom = try runChromium(["--dump-dom", probe.absoluteString])
        let expected = try catalogue.names.reduce(0) { $0 + (try catalogue.source(for: $1).parse().figures.count) }
        XCTAssertEqual(values(of: "data-images", in: dom), ["\(expected)"], "images on the page")
        XCTAssertEqual(values(of: "data-broken", in: dom), [""], "images that did not load")

        // The screenshot: the page draws, at the window's width, and is not blank.
        let shot = root.appendingPathComponent("gallery.png")
        _ = try runChromium(["--window-size=1400,2400", "--screenshot=\(shot.path)", page.absoluteString])
        let image = try RGBAImage(contentsOf: shot)
        XCTAssertEqual(image.width, 1400)
        XCTAssertGreaterThan(Set(stride(from: 0, to: image.pixels.count, by: 4 * 97).map { image.pixels[$0] }).count, 8,
                             "the screenshot is blank")
    }
}
