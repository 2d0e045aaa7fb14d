import Foundation
import FuzzDriver
import GLM
import Lessons
import Support

/// Writes random names through every exporter and traps when escaping fails.
///
/// The input is split at 0xFE bytes (never valid UTF-8, so a name cannot
/// contain one) into: formula, model name, caption, title, lesson name, then
/// one to four column names, each optionally followed by a level name joined
/// as R joins them (`group` + `drugA`). Each export is made twice, from the
/// hostile names and from plain placeholders of the same count, and the two
/// must have the same structure: the same lines, comment lines in the same
/// places, the same TeX specials and markup characters once the escapes
/// glmviz writes are set aside. A name that changes the structure is text that
/// escaped its escaping.
private func fuzzExporters(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input else { return 0 }
    let fields = UnsafeBufferPointer(start: input, count: size)
        .split(separator: 0xFE, maxSplits: 12, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
    var names: [String] = []
    var i = 5
    while names.count < 4, i < fields.count {
        names.append(field(i) + (i + 1 < fields.count && field(i + 1).hasPrefix("L") ? field(i + 1) : ""))
        i += 2
    }
    if names.isEmpty { names = [field(0)] }
    let hostile = Names(formula: field(0), model: field(1), caption: field(2), title: field(3), lesson: field(4), columns: names)
    let plain = Names(formula: "y ~ x", model: "m", caption: "Caption", title: "Title", lesson: "lesson",
                      columns: names.indices.map { "n\($0)" })

    let captionShown = !MySTText.paragraph(hostile.caption).isEmpty
    let reference = References.for(captionShown ? plain : plain.withoutCaption)

    checkEscapers(hostile.all)
    checkLaTeX(hostile.designMatrix(), reference.designMatrix, "design matrix")
    checkLaTeX(hostile.coefficientTable(), reference.coefficientTable, "coefficient table")
    checkMyST(hostile.myst(), reference.myst)
    if let page = hostile.gallery(), let gallery = reference.gallery { checkHTML(page, gallery) }
    return 0
}

/// The exports for plain names depend only on how many columns there are and
/// whether a caption shows, so each is made once.
struct References {
    var designMatrix, coefficientTable, myst: String
    var gallery: String?

    nonisolated(unsafe) static var cache: [String: References] = [:]

    static func `for`(_ names: Names) -> References {
        let key = "\(names.columns.count) \(names.caption.isEmpty)"
        if let known = cache[key] { return known }
        let made = References(designMatrix: names.designMatrix(), coefficientTable: names.coefficientTable(),
                              myst: names.myst(), gallery: names.gallery())
        cache[key] = made
        return made
    }
}

/// The user text of one input.
struct Names {
    var formula, model, caption, title, lesson: String
    var columns: [String]

    var all: [String] { [formula, model, caption, title, lesson] + columns }
    var withoutCaption: Names { var copy = self; copy.caption = ""; return copy }

    /// Eight rows, one column per name (the first all ones), full rank.
    var fit: Fit {
        let x = Matrix(columns: columns.indices.map { j in (0..<8).map { i in j == 0 ? 1 : Double((i * (j + 2)) % 5) + Double(i * j) / 8 } })
        let y = (0..<8).map { i in Double(i % 3) + Double(i) / 2 }
        return try! Fit(x: x, y: y, columnNames: columns, hasIntercept: true)
    }

    func designMatrix() -> String {
        LaTeXDesignMatrix(modelName: model, formula: formula, columnNames: columns,
                          rows: [columns.indices.map(Double.init), columns.indices.map { 0.5 / Double($0 + 1) }]).text
    }

    func coefficientTable() -> String {
        let fit = fit
        return LaTeXCoefficientTable(modelName: model, formula: formula, level: 0.95, fit: fit, intervals: fit).text
    }

    func myst() -> String {
        MySTFigure(image: "figure.png", name: model, width: 640, caption: caption).text
    }

    /// The gallery page for a lesson with this title and caption, whose
    /// `fits.json` has this model and these terms. The lesson's folder must
    /// exist, so names a file system cannot hold are made into ones it can.
    func gallery() -> String? {
        var folder = ""
        for scalar in lesson.unicodeScalars where scalar != "/" && scalar != "\0" {
            guard folder.utf8.count + String(scalar).utf8.count <= 200 else { break }
            folder.unicodeScalars.append(scalar)
        }
        if folder.isEmpty || folder == "." || folder == ".." { folder = "_" + folder }
        var spec = lessonTemplate
        spec.name = folder
        spec.title = title
        spec.figures[0].caption = caption
        // Plain system calls: FileManager's are a hundred times slower here.
        let directory = galleryRoot.appendingPathComponent(folder).path
        let files = ["f.png", "fits.json"].map { directory + "/" + $0 }
        guard mkdir(directory, 0o755) == 0 else { return nil }
        defer {
            for file in files { unlink(file) }
            rmdir(directory)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let fits = try? encoder.encode([model: FitReport(fit)]),
              write(Data(), to: files[0]), write(fits, to: files[1]) else { return nil }
        return HTMLGallery(root: galleryRoot, lessons: [spec]).html
    }
}

/// A one-figure lesson, parsed once; each input sets its name, title and caption.
let lessonTemplate = try! LessonSpecParser.parse(yaml: """
    title: T
    data:
      builtin: toluca
    models:
      m: work_hours ~ lot_size
    figures:
      f:
        kind: scatter-fit
        caption: C
    """, file: "fuzz.yaml", name: "lesson", baseDirectory: nil)

func write(_ data: Data, to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == data.count
}

/// One scratch folder per process for the gallery's lesson folders, removed
/// (empty by then) when libFuzzer exits.
let galleryRoot: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-fuzz-gallery-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { rmdir(galleryRoot.path) }
    return url
}()

func violation(_ what: String, _ output: String) -> Never {
    FileHandle.standardError.write(Data("escaping violated: \(what)\n--- output ---\n\(output)\n".utf8))
    abort()
}

let lineBreaksButLF: Set<UInt32> = [0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

/// LaTeX: same lines, `%` lines in the same places, and on every other line
/// the same TeX specials in the same order once glmviz's escapes are read as
/// the plain characters they print.
func checkLaTeX(_ hostile: String, _ plain: String, _ what: String) {
    if hostile.unicodeScalars.contains(where: { lineBreaksButLF.contains($0.value) || $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
        violation("\(what): a line break other than LF or a control character", hostile)
    }
    let h = hostile.split(separator: "\n", omittingEmptySubsequences: false)
    let p = plain.split(separator: "\n", omittingEmptySubsequences: false)
    guard h.count == p.count else { violation("\(what): \(h.count) lines instead of \(p.count)", hostile) }
    for (hl, pl) in zip(h, p) {
        guard hl.unicodeScalars.first == "%" ? pl.hasPrefix("%") : !pl.hasPrefix("%") else { violation("\(what): a comment line moved: \(hl)", hostile) }
        if pl.hasPrefix("%") { continue }
        if TeXStructure.specials(String(hl)) != TeXStructure.specials(String(pl)) {
            violation("\(what): TeX specials differ on line\n\(hl)\nfrom\n\(pl)", hostile)
        }
    }
}

enum TeXStructure {
    /// The escapes `LaTeXText` writes, each standing for one printed character.
    static let escapes = ["\\textbackslash{}", "\\textasciitilde{}", "\\textasciicircum{}", "\\textless{}", "\\textgreater{}",
                          "\\textbar{}", "\\{", "\\}", "\\$", "\\&", "\\#", "\\_", "\\%", "{[}", "{]}", "{*}", "{}"]
        .map { Array($0.unicodeScalars) }
    static let special = Set("\\{}$&#^_~%[]*".unicodeScalars)

    /// The line's special characters in order, escapes replaced by plain text.
    static func specials(_ line: String) -> [Unicode.Scalar] {
        let s = Array(line.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        scan: while i < s.count {
            for e in escapes where (s[i] == "\\" || s[i] == "{") && s.count - i >= e.count && s[i..<(i + e.count)].elementsEqual(e) {
                i += e.count
                continue scan
            }
            if special.contains(s[i]) { out.append(s[i]) }
            i += 1
        }
        return out
    }
}

/// MyST: the same directive lines; option lines stay option lines; the
/// caption line starts no block and has no unescaped backtick or colon fence.
func checkMyST(_ hostile: String, _ plain: String) {
    if hostile.unicodeScalars.contains(where: { lineBreaksButLF.contains($0.value) || $0.properties.generalCategory == .control && $0 != "\n" }) {
        violation("MyST: a line break other than LF or a control character", hostile)
    }
    let h = hostile.split(separator: "\n", omittingEmptySubsequences: false)
    let p = plain.split(separator: "\n", omittingEmptySubsequences: false)
    guard h.count == p.count else { violation("MyST: \(h.count) lines instead of \(p.count)", hostile) }
    for (index, (hl, pl)) in zip(h, p).enumerated() {
        // Scalars, not Characters: a quote or space followed by a combining
        // mark is one Character but still a quote or a space to a parser.
        let h = Array(hl.unicodeScalars)
        if pl.hasPrefix(":") {
            let key = Array(pl.unicodeScalars.prefix { $0 != " " }) + [" "]
            guard h.starts(with: key) else { violation("MyST: option line \(index) changed", hostile) }
            let value = h.dropFirst(key.count)
            if value.first == "\"" {
                // One double-quoted YAML string: ends at its closing quote.
                var escaped = false, closed = false
                for c in value.dropFirst() {
                    if closed { violation("MyST: text after a quoted option value", hostile) }
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { closed = true }
                }
                guard closed else { violation("MyST: unterminated option value", hostile) }
            } else if let first = value.first, !(first.properties.isAlphabetic || ("0"..."9").contains(first)) {
                violation("MyST: a plain option value starting with \(first)", hostile)
            }
        } else if pl == "Caption" {
            if let first = h.first, first.isASCII, !(first.properties.isAlphabetic || ("0"..."9").contains(first)), first != "\\" {
                violation("MyST: caption starts with \(first)", hostile)
            }
            var previous: Unicode.Scalar = " "
            for c in h {
                if "`*_[]<>$#|{}~&".unicodeScalars.contains(c), previous != "\\" {
                    violation("MyST: unescaped \(c) in the caption", hostile)
                }
                previous = previous == "\\" && c == "\\" ? " " : c
            }
        } else if hl != pl {
            violation("MyST: line \(index) changed: \(hl)", hostile)
        }
    }
}

/// HTML: the same number of each markup character as the page for plain
/// names, and every `&` starts a reference.
func checkHTML(_ hostile: String, _ plain: String) {
    for c in "<>\"'".unicodeScalars {
        let a = hostile.unicodeScalars.filter { $0 == c }.count, b = plain.unicodeScalars.filter { $0 == c }.count
        if a != b { violation("HTML: \(a) of \(c) instead of \(b)", hostile) }
    }
    let s = Array(hostile.unicodeScalars)
    for (i, c) in s.enumerated() where c == "&" {
        let rest = s[(i + 1)...]
        guard ["amp;", "lt;", "gt;", "quot;", "#"].contains(where: { rest.starts(with: $0.unicodeScalars) }) else {
            violation("HTML: a bare &", hostile)
        }
    }
}

/// Each escaper on its own, on every name.
func checkEscapers(_ names: [String]) {
    for name in names {
        let latex = LaTeXText.escaped(name)
        if !TeXStructure.specials(latex).isEmpty || latex.unicodeScalars.contains(where: { $0 == "\n" || lineBreaksButLF.contains($0.value) }) {
            violation("LaTeXText.escaped left a special character", latex)
        }
        if LaTeXText.comment(name).unicodeScalars.contains(where: { $0 == "\n" || lineBreaksButLF.contains($0.value) }) {
            violation("LaTeXText.comment left a line break", LaTeXText.comment(name))
        }
        for markup in [XMLText.escaped(name), XMLText.attribute(name), HTMLText.escaped(name)] where markup.unicodeScalars.contains(where: { "<>\"'".unicodeScalars.contains($0) }) {
            violation("markup character left", markup)
        }
        let quoted = JSONText.quoted(name)
        guard let back = try? JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String], back.count == 1,
              Array(back[0].unicodeScalars) == Array(name.unicodeScalars) else {
            violation("JSONText.quoted does not read back", quoted)
        }
    }
}

@main
enum FuzzExportersMain {
    static func main() { runFuzzer(fuzzExporters) }
}
