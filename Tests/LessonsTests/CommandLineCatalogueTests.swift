import Foundation
import XCTest

/// Runs every example of `docs/errors.md` against the built `glmviz` and compares
/// what it prints and its exit status with what the catalogue says, so the
/// catalogue cannot drift from the program.
///
/// Catalogue format: each `##` section is run in a fresh scratch folder. A fenced
/// block whose info string has `file=PATH` is written to PATH first (`escapes`
/// turns `\xNN` into raw bytes, for binary and non-UTF-8 files). A `console` block
/// holds `$ glmviz ARGS`, the expected output (standard output, then standard
/// error; a line `...` skips any number of lines) and `[exit status N]`.
/// The scratch folder's path is shown as `.` (absolute paths below it as relative).
final class CommandLineCatalogueTests: XCTestCase {
    func testCatalogueMatchesTheProgram() throws {
        let sections = try CatalogueDocument.load()
        XCTAssertGreaterThanOrEqual(sections.count, 25, "the catalogue lost sections")
        var commands = 0
        for section in sections {
            let scratch = try ScratchFolder()
            defer { scratch.remove() }
            for step in section.steps {
                switch step {
                case .file(let path, let bytes):
                    try scratch.write(bytes, to: path)
                case .command(let arguments, let expected, let status):
                    commands += 1
                    let run = try GlmvizProcess.run(arguments, in: scratch.url)
                    let shown = scratch.relativize(run.output)
                    XCTAssertEqual(run.status, status, "[\(section.title)] glmviz \(arguments.joined(separator: " ")) exit status; output:\n\(shown)")
                    if let mismatch = CatalogueDocument.mismatch(expected: expected, actual: shown) {
                        XCTFail("[\(section.title)] glmviz \(arguments.joined(separator: " ")): \(mismatch)\n--- printed ---\n\(shown)")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(commands, 30)
    }

    func testEveryClassOfTheIssueHasASection() throws {
        let titles = try CatalogueDocument.load().map { $0.title.lowercased() }
        let required = [
            "malformed yaml", "empty spec", "binary spec", "not a mapping", "unknown key", "unknown figure kind",
            "wrong value type", "missing data file", "empty csv", "header-only csv", "ragged csv", "non-utf-8 csv",
            "non-numeric cell", "formula syntax", "empty formula", "unknown column", "categorical response",
            "level that does not exist", "contrast of the wrong length", "n ≤ p", "constant or duplicated column",
            "perfect fit", "nan and ±inf", "10⁹ generated rows", "10⁵ figures", "10⁶-pixel", "outside the course root",
            "figure id", "output cannot be created", "usage",
        ]
        for word in required {
            XCTAssertTrue(titles.contains { $0.contains(word) }, "no catalogue section about '\(word)'")
        }
    }
}

/// One `##` section of the catalogue.
struct CatalogueSection {
    enum Step {
        case file(path: String, bytes: Data)
        case command(arguments: [String], expected: [String], status: Int32)
    }
    var title: String
    var steps: [Step] = []
}

enum CatalogueDocument {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/errors.md")
    }

    static func load() throws -> [CatalogueSection] {
        try parse(String(contentsOf: url, encoding: .utf8))
    }

    static func parse(_ text: String) throws -> [CatalogueSection] {
        var sections: [CatalogueSection] = []
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("## ") {
                sections.append(CatalogueSection(title: String(line.dropFirst(3))))
                continue
            }
            guard line.hasPrefix("```"), !sections.isEmpty else { continue }
            let info = line.dropFirst(3).split(separator: " ").map(String.init)
            var body: [String] = []
            while let inner = lines.popFirst(), !inner.hasPrefix("```") { body.append(inner) }
            if let file = info.first(where: { $0.hasPrefix("file=") }) {
                var content = expandRepeats(body).joined(separator: "\n") + "\n"
                if info.contains("no-final-newline") { content.removeLast() }
                let bytes = info.contains("escapes") ? unescape(content) : Data(content.utf8)
                sections[sections.count - 1].steps.append(.file(path: String(file.dropFirst(5)), bytes: bytes))
            } else if info.first == "console" {
                sections[sections.count - 1].steps += try commands(in: body)
            }
        }
        return sections
    }

    /// `$ glmviz …` lines, each followed by its output and `[exit status N]`.
    static func commands(in body: [String]) throws -> [CatalogueSection.Step] {
        var steps: [CatalogueSection.Step] = []
        var arguments: [String]?
        var expected: [String] = []
        for line in body {
            if line.hasPrefix("$ glmviz") {
                arguments = try ShellWords.split(String(line.dropFirst("$ glmviz".count)))
                expected = []
            } else if line.hasPrefix("[exit status "), let current = arguments {
                let status = Int32(line.dropFirst("[exit status ".count).dropLast()) ?? -1
                steps.append(.command(arguments: current, expected: expected, status: status))
                arguments = nil
            } else if arguments != nil {
                expected.append(line)
            }
        }
        return steps
    }

    /// `{{repeat N}}` … `{{end}}`: the lines between, N times, with `{i}` the
    /// 0-based repetition (for files too large to show, such as 10⁵ figures).
    static func expandRepeats(_ lines: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("{{repeat "), let count = Int(line.dropFirst(9).dropLast(2)),
                  let end = lines[index...].firstIndex(of: "{{end}}") else {
                result.append(line)
                index += 1
                continue
            }
            let block = lines[(index + 1)..<end]
            for i in 0..<count {
                result += block.map { $0.replacingOccurrences(of: "{i}", with: String(i)) }
            }
            index = end + 1
        }
        return result
    }

    /// `\xNN` → that byte; everything else as UTF-8.
    static func unescape(_ text: String) -> Data {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"),
               let byte = UInt8(String(decoding: utf8[(i + 2)...(i + 3)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return Data(bytes)
    }

    /// Nil when `actual` matches `expected` line by line (`...` skipping lines).
    static func mismatch(expected: [String], actual: String) -> String? {
        var got = actual.components(separatedBy: "\n")
        if got.last == "" { got.removeLast() }
        func match(_ e: Int, _ a: Int) -> Bool {
            if e == expected.count { return a == got.count }
            if expected[e] == "..." { return (a...got.count).contains { match(e + 1, $0) } }
            return a < got.count && got[a] == expected[e] && match(e + 1, a + 1)
        }
        if match(0, 0) { return nil }
        let first = zip(expected, got).enumerated().first { $0.element.0 != $0.element.1 && $0.element.0 != "..." }
        if let first {
            return "line \(first.offset + 1) differs:\n expected: \(first.element.0)\n   actual: \(first.element.1)"
        }
        return "expected \(expected.count) lines, got \(got.count)"
    }
}

/// Splits a command line the way a POSIX shell would for the simple cases the
/// catalogue uses: blanks separate words, single and double quotes group them.
enum ShellWords {
    struct Unterminated: Error {}

    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw Unterminated() }
        if inWord { words.append(current) }
        return words
    }
}
