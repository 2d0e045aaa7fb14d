import Foundation
import Support

/// `index.html` at the output root: every rendered lesson with its figures,
/// captions and fitted tables on one page that opens offline (relative links,
/// styles inline, no scripts), for an author to review the whole course.
///
/// The page is built from the lesson specs and what is on disk, in a fixed
/// order, so the same outputs always give the same bytes.
public struct HTMLGallery {
    public var root: URL
    /// Lessons to show, in page order; those with no folder under `root` are left out.
    public var lessons: [LessonSpec]

    public init(root: URL, lessons: [LessonSpec]) {
        self.root = root
        self.lessons = lessons
    }

    /// The lessons of `catalogue` whose outputs are under `root`, plus any
    /// given directly (a lesson rendered from a path), by name, without repeats.
    public static func lessons(in root: URL, catalogue: LessonCatalogue, adding extra: [LessonSpec] = []) -> [LessonSpec] {
        var byName: [String: LessonSpec] = [:]
        for name in catalogue.names {
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path),
                  let spec = try? catalogue.source(for: name).parse() else { continue }
            byName[name] = spec
        }
        for spec in extra { byName[spec.name] = spec }
        return byName.keys.sorted().map { byName[$0]! }
    }

    /// The gallery's file name at the output root.
    public static let fileName = "index.html"

    /// Writes `root/index.html` atomically.
    @discardableResult
    public func write() throws -> URL {
        let url = root.appendingPathComponent(Self.fileName)
        // An index.html at the output root that glmviz did not write (a course
        // site's own home page, when --out is the site folder) is left alone.
        if case .bytes(let existing) = ManifestStore.contents(of: url),
           !String(decoding: existing.prefix(4096), as: UTF8.self).contains(Self.generatorTag) {
            throw LessonError(.cannotCreateOutput, file: url.path,
                              message: "this index.html was not written by glmviz, so the gallery does not replace it",
                              suggestion: "move it elsewhere, or choose another output folder with --out")
        }
        do {
            try AtomicFile.write(Array(html.utf8), to: url)
        } catch let failure as AtomicFile.Failure {
            throw LessonError(.cannotCreateOutput, file: url.path, message: "cannot write the gallery: \(failure.message)")
        }
        return url
    }

    /// What marks a gallery as glmviz's; galleries written before the meta
    /// element existed carry the title.
    static let generatorTag = "<title>glmviz lessons</title>"

    var shown: [LessonSpec] {
        lessons.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0.name).path) }
    }

    public var html: String {
        var page = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>glmviz lessons</title>",
            "<style>\n\(Self.style)\n</style>",
            "</head>",
            "<body>",
            "<header><h1>glmviz lessons</h1>",
            "<nav><ul>",
        ]
        let lessons = shown
        for lesson in lessons {
            page.append("<li><a href=\"#\(HTMLText.link(lesson.name))\">\(HTMLText.escaped(lesson.title))</a></li>")
        }
        page.append("</ul></nav></header>")
        page.append("<main>")
        for lesson in lessons { page.append(section(lesson)) }
        page.append("</main>")
        page.append("</body>")
        page.append("</html>")
        return page.joined(separator: "\n") + "\n"
    }

    func section(_ lesson: LessonSpec) -> String {
        let folder = root.appendingPathComponent(lesson.name)
        func exists(_ file: String) -> Bool {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path)
        }
        var lines = ["<section id=\"\(HTMLText.escaped(lesson.name))\">",
                     "<h2>\(HTMLText.escaped(lesson.title))</h2>",
                     "<p class=\"name\"><code>glmviz lesson \(HTMLText.escaped(lesson.name))</code></p>",
                     "<div class=\"figures\">"]
        for figure in lesson.figures {
            let candidates = [OutputFormat.gif, .png, .svg].map { "\(figure.id).\($0.rawValue)" }
            guard let image = candidates.first(where: exists) else { continue }
            let caption = figure.caption ?? figure.id
            lines.append("<figure id=\"\(HTMLText.escaped(lesson.name))-\(HTMLText.escaped(figure.id))\">")
            lines.append("<img src=\"\(HTMLText.link(lesson.name, image))\" alt=\"\(HTMLText.escaped(caption))\" loading=\"eager\">")
            lines.append("<figcaption><strong>\(HTMLText.escaped(figure.id))</strong> \(HTMLText.escaped(figure.caption ?? ""))")
            let others = OutputFormat.allCases.map { "\(figure.id).\($0.rawValue)" } + ["\(figure.id).myst.md", "\(figure.id).tex"]
            let links = others.filter(exists).map { file in
                "<a href=\"\(HTMLText.link(lesson.name, file))\">\(HTMLText.escaped(String(file.dropFirst(figure.id.count + 1))))</a>"
            }
            if !links.isEmpty { lines.append("<span class=\"files\">\(links.joined(separator: " · "))</span>") }
            lines.append("</figcaption>")
            lines.append("</figure>")
        }
        lines.append("</div>")
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent("fits.json").path) {
            for table in GalleryFitTable.read(data) { lines.append(table.html) }
            lines.append("<p class=\"files\"><a href=\"\(HTMLText.link(lesson.name, "fits.json"))\">fits.json</a></p>")
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    static let style = """
        body { font-family: "DejaVu Sans", sans-serif; color: #222; margin: 0; background: #fafafa; }
        header { background: #fff; border-bottom: 1px solid #ddd; padding: 1em 2em; }
        h1 { margin: 0 0 .4em; font-size: 1.6em; }
        nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4em 1.4em; }
        main { padding: 0 2em 2em; max-width: 1600px; }
        section { border-bottom: 1px solid #ddd; padding: 1em 0 2em; }
        h2 { margin-bottom: .2em; }
        .name { margin-top: 0; color: #555; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 1.5em; align-items: start; }
        figure { margin: 0; background: #fff; border: 1px solid #e2e2e2; padding: .6em; }
        figure img { width: 100%; height: auto; display: block; }
        figcaption { font-size: .9em; line-height: 1.4; margin-top: .5em; }
        .files { display: block; margin-top: .3em; font-size: .85em; color: #555; }
        table.fit { border-collapse: collapse; margin: 1.2em 0 .4em; font-variant-numeric: tabular-nums; background: #fff; }
        table.fit caption { text-align: left; padding-bottom: .3em; }
        table.fit th, table.fit td { padding: .25em .9em; text-align: right; }
        table.fit th:first-child, table.fit td:first-child { text-align: left; }
        table.fit thead th { border-top: 2px solid #222; border-bottom: 1px solid #222; }
        table.fit tbody tr:last-child td { border-bottom: 2px solid #222; }
        """
}
