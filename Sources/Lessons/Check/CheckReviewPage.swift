import Foundation
import Support

/// `check-report/index.html`: one page a reviewer opens offline (from a CI
/// artifact, with no server) to see every problem of a failed check. For each
/// changed image it shows the committed and the fresh render side by side,
/// a slider and a blink view over the two, and the diff image (ink only the
/// committed image has in vermilion, ink only the fresh one has in blue); for
/// every problem, its message, which carries the fits.json numbers old → new
/// and a text export's first differing line; and the commands that accept one
/// figure's new outputs, or the whole lesson's.
///
/// The page links only to files inside the report folder (the committed image
/// is copied beside the fresh one), so the folder can be moved or uploaded whole.
/// Every name and message goes through `HTMLText`; the script is a few lines
/// inline, so the page needs nothing from the network.
struct CheckReviewPage {
    /// An image the report shows in its three forms, relative to the report folder.
    struct ImagePair {
        var file: String
        /// The figure the image shows, when the check knows it.
        var figure: String?
        var committed: String
        var fresh: String
        var diff: String?
    }

    let result: CheckResult
    let outputRoot: String
    /// Lesson → images copied for review.
    let images: [String: [ImagePair]]

    static let fileName = "index.html"

    var html: String {
        var body: [String] = []
        let count = result.problems.count + result.errors.count
        body.append("<h1>glmviz check: \(count) problem\(count == 1 ? "" : "s")</h1>")
        body.append("<p class=\"legend\">Diff images: <span class=\"removed\">vermilion</span> where only the committed image has ink, "
                    + "<span class=\"added\">blue</span> where only the fresh render has it, over a faded copy of the committed image.</p>")
        if !result.errors.isEmpty {
            body.append("<section><h2>Specs that could not be rendered</h2><ul>")
            for error in result.errors { body.append("<li><code>\(HTMLText.escaped(error.description))</code></li>") }
            body.append("</ul></section>")
        }
        var lessons = result.lessonsWithProblems
        for problem in result.problems where !lessons.contains(problem.lesson) { lessons.append(problem.lesson) }
        for lesson in lessons {
            body.append("<section id=\"\(HTMLText.link(lesson))\"><h2>Lesson <code>\(HTMLText.escaped(lesson))</code></h2>")
            body.append("<ul class=\"problems\">")
            for problem in result.problems where problem.lesson == lesson {
                body.append("<li><span class=\"kind \(problem.kind.rawValue)\">\(problem.kind.rawValue)</span> "
                            + "<code>\(HTMLText.escaped(problem.file))</code>"
                            + (problem.figures.isEmpty ? "" : " (figure \(HTMLText.escaped(problem.figures.joined(separator: ", "))))")
                            + ": \(HTMLText.escaped(problem.message))</li>")
            }
            body.append("</ul>")
            if let changes = result.fitsChanges[lesson], !changes.isEmpty {
                body.append("<h3>fits.json: every number that changed, committed → fresh</h3><ul class=\"fits\">")
                for change in changes { body.append("<li>\(HTMLText.escaped(change))</li>") }
                body.append("</ul>")
            }
            for pair in images[lesson] ?? [] {
                let committed = HTMLText.escaped(pair.committed), fresh = HTMLText.escaped(pair.fresh)
                body.append("<figure class=\"pair\"><figcaption><code>\(HTMLText.escaped(pair.file))</code></figcaption>")
                body.append("<div class=\"side\"><div><h3>committed</h3><img src=\"\(committed)\" alt=\"committed \(HTMLText.escaped(pair.file))\"></div>"
                            + "<div><h3>fresh</h3><img src=\"\(fresh)\" alt=\"fresh \(HTMLText.escaped(pair.file))\"></div>"
                            + (pair.diff.map { "<div><h3>diff</h3><img src=\"\(HTMLText.escaped($0))\" alt=\"diff of \(HTMLText.escaped(pair.file))\"></div>" } ?? "")
                            + "</div>")
                body.append("<div class=\"slider\"><h3>slider (left committed, right fresh)</h3><div class=\"stack\">"
                            + "<img src=\"\(committed)\" alt=\"\"><img class=\"top\" src=\"\(fresh)\" alt=\"\"></div>"
                            + "<input type=\"range\" min=\"0\" max=\"100\" value=\"50\" aria-label=\"slider position\"></div>")
                body.append("<div class=\"blink\"><h3>blink</h3><div class=\"stack\"><img src=\"\(committed)\" alt=\"\">"
                            + "<img class=\"top blinking\" src=\"\(fresh)\" alt=\"\"></div></div>")
                if let figure = pair.figure {
                    body.append("<p>Accept this figure alone: <code>glmviz check --update \(HTMLText.escaped(Self.shellWord(lesson + "/" + figure)))</code></p>")
                }
                body.append("</figure>")
            }
            body.append("<p>Accept the whole lesson: <code>glmviz check --update \(HTMLText.escaped(Self.shellWord(lesson)))</code> "
                        + "(or <code>glmviz lesson \(HTMLText.escaped(Self.shellWord(lesson)))</code>), look at them, and commit "
                        + "<code>\(HTMLText.escaped(outputRoot))/</code>.</p>")
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>glmviz check report</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222; }
            code { font-size: 0.95em; }
            .kind { font-weight: bold; text-transform: uppercase; font-size: 0.8em; }
            .removed { color: #d55e00; font-weight: bold; } .added { color: #0072b2; font-weight: bold; }
            .side { display: flex; gap: 1em; flex-wrap: wrap; }
            .side img { max-width: 600px; border: 1px solid #ccc; }
            .stack { position: relative; display: inline-block; }
            .stack img { display: block; max-width: 600px; border: 1px solid #ccc; }
            .stack img.top { position: absolute; top: 0; left: 0; clip-path: inset(0 0 0 50%); }
            .blink .stack img.top { clip-path: none; animation: blink 1.6s steps(1) infinite; }
            @keyframes blink { 50% { opacity: 0; } }
            h3 { font-size: 0.9em; font-weight: normal; color: #555; margin: 0.5em 0; }
            figure { margin: 1em 0 2em; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            <script>
            for (const slider of document.querySelectorAll('.slider')) {
              const top = slider.querySelector('img.top'), range = slider.querySelector('input');
              range.addEventListener('input', () => { top.style.clipPath = 'inset(0 0 0 ' + range.value + '%)'; });
            }
            </script>
            </body>
            </html>

            """
    }

    /// A lesson name as one shell word: quoted when it holds anything but
    /// letters, digits and `-_.`.
    static func shellWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
