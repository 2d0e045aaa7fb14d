import Foundation
import Plot
import XCTest
@testable import Lessons

/// The numbers a figure writes beside its data (equations, β̂ and σ̂ labels,
/// tail areas, notes), on every corpus spec and bundled lesson: none carries a
/// trailing zero that says nothing ("42.000", "0.8000"), and none reads as zero
/// ("0.00", "0") — `NumberFormat.label` gives four significant digits, trimmed,
/// and ×10ⁿ for extreme magnitudes. Statistics and R² keep their fixed
/// decimals (t to two, t_crit and R² to three), as a t table and a regression
/// table print them, so lines naming them are left out.
final class CorpusNumberTests: XCTestCase {
    /// A decimal number as display text writes it: optional minus, digits with
    /// thin-space groups, a point and its fraction.
    /// Only a value after "= " counts: subscripts (β₀, read back flat as
    /// "β0") and the 0 of 𝒩(0, σ) are symbols, not quantities.
    static let decimal = try! NSRegularExpression(pattern: "(?<== )[−-]?[0-9][0-9\u{2009}]*(\\.[0-9]+)?(?![0-9.])")

    /// Lines whose numbers have fixed decimals by convention.
    static func hasFixedDecimals(_ line: String) -> Bool {
        ["R2", "R²", "t =", "tcrit", "t_crit", "df", "α", "|cos", "p/2", "p =", "p <", "beyond", "×10"]
            .contains { line.contains($0) }
    }

    /// What is wrong with the numbers of one line of a label.
    static func problems(in text: String) -> [String] {
        guard !hasFixedDecimals(text) else { return [] }
        return decimal.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            let token = String(text[Range(match.range, in: text)!])
            if token.contains("."), token.hasSuffix("0") { return "\"\(token)\" has a trailing zero, in \"\(text)\"" }
            if token.filter(\.isNumber).allSatisfy({ $0 == "0" }) { return "\"\(token)\" reads as zero, in \"\(text)\"" }
            return nil
        }
    }

    /// The rule itself, on the lines that were reported.
    func testTheRuleCatchesWhatItIsFor() {
        XCTAssertEqual(Self.problems(in: "β̂0 = 42.000").count, 1)
        XCTAssertEqual(Self.problems(in: "σ̂ = 0.8000").count, 1)
        XCTAssertEqual(Self.problems(in: "rise = 0.00").count, 1)
        XCTAssertEqual(Self.problems(in: "β̂1 = 0").count, 1)
        XCTAssertEqual(Self.problems(in: "ŷ = 62.37 + 3.57x"), [])
        XCTAssertEqual(Self.problems(in: "β̂0 = 1 000 000,  β̂1 = 1.5"), [])
        XCTAssertEqual(Self.problems(in: "εi ∼ 𝒩(0, σ)"), [])
    }

    func offendingNumbers(_ parsed: LessonSpec) throws -> [String] {
        let lesson = try PreparedLesson(parsed)
        var found: [String] = []
        for (figure, drawing) in try lesson.drawings() {
            for box in try drawing.layout().textBoxes where box.role == .annotation || box.role == .dataLabel || box.role == .note {
                found += Self.problems(in: box.plainText).map { "\(parsed.name)/\(figure.id): \($0)" }
            }
        }
        return found
    }

    func testNoLabelCarriesATrailingZeroOrReadsAsZero() throws {
        var found: [String] = []
        let folder = StressCorpusTests.corpus
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in files {
            found += try offendingNumbers(LessonSpecParser.parse(yaml: String(contentsOf: file, encoding: .utf8), file: file.path,
                                                                 name: file.deletingPathExtension().lastPathComponent,
                                                                 baseDirectory: folder.path))
        }
        let catalogue = LessonCatalogue()
        for name in catalogue.names {
            found += try offendingNumbers(catalogue.source(for: name).parse())
        }
        XCTAssertEqual(found, [], "\n" + found.joined(separator: "\n"))
    }
}
