import Foundation
import Plot
import XCTest
import Support

/// Compares a figure with its committed golden PNG. Set
/// `GLMVIZ_UPDATE_GOLDEN=1` to rewrite the goldens from the current code. On a
/// mismatch the actual image and a diff image (differing pixels in red) are
/// written next to the golden as `NAME.actual.png` / `NAME.diff.png` (ignored
/// by git), or into `GLMVIZ_TEST_ARTIFACTS` when that is set, and their paths
/// are printed in the failure. Each golden PNG has a `NAME.text.txt` beside it
/// listing every text item and its box: pixel tolerance forgives a changed
/// label, this does not.
enum GoldenImage {
    /// Antialiasing and hinting differences move edge pixels by small amounts;
    /// a real change (a moved line, a missing label) moves many by a lot.
    static let channelTolerance = 40
    static let maximumDifferingFraction = 0.002

    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func assertMatches(_ figure: some Figure, named name: String, scale: Double = 1,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let actual = try figure.rgba(scale: scale)
        let goldenURL = sourceDirectory.appendingPathComponent("\(name).png")
        let textLayout = try TextLayoutGolden(try figure.layout())
        if ProcessInfo.processInfo.environment["GLMVIZ_UPDATE_GOLDEN"] == "1" {
            try AtomicFile.write(try actual.pngData(), to: goldenURL)
            try AtomicFile.write(Array(textLayout.text.utf8), to: sourceDirectory.appendingPathComponent("\(name).text.txt"))
            return
        }
        if let url = Bundle.module.url(forResource: "\(name).text", withExtension: "txt", subdirectory: "Golden") {
            let expected = try TextLayoutGolden(text: String(decoding: try Data(contentsOf: url), as: UTF8.self))
            for problem in textLayout.differences(from: expected) {
                XCTFail("\(name): \(problem)", file: file, line: line)
            }
        } else {
            XCTFail("no golden text layout \(name).text.txt; run GLMVIZ_UPDATE_GOLDEN=1 swift test --filter PlotTests", file: file, line: line)
        }
        guard let bundled = Bundle.module.url(forResource: name, withExtension: "png", subdirectory: "Golden") else {
            XCTFail("no golden image \(name).png; run GLMVIZ_UPDATE_GOLDEN=1 swift test --filter PlotTests", file: file, line: line)
            return
        }
        let expected = try RGBAImage(contentsOf: bundled)
        let difference = actual.difference(from: expected, channelTolerance: channelTolerance)
        if !difference.passes(maximumFraction: maximumDifferingFraction) {
            let directory = ProcessInfo.processInfo.environment["GLMVIZ_TEST_ARTIFACTS"].map { URL(fileURLWithPath: $0) } ?? sourceDirectory
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let actualURL = directory.appendingPathComponent("\(name).actual.png")
            let diffURL = directory.appendingPathComponent("\(name).diff.png")
            try AtomicFile.write(try actual.pngData(), to: actualURL)
            var diffLine = "  diff:   (none: the sizes differ)"
            if let diff = difference.diffImage {
                try AtomicFile.write(try diff.pngData(), to: diffURL)
                diffLine = "  diff:   \(diffURL.path)"
            }
            let percent = String(format: "%.3f%%", difference.differingFraction * 100)
            XCTFail("""
                \(name): \(difference.sizesMatch ? "\(percent) of pixels differ (largest channel delta \(difference.largestChannelDelta))" : "size \(actual.width)×\(actual.height) differs from \(expected.width)×\(expected.height)")
                  actual: \(actualURL.path)
                \(diffLine)
                """, file: file, line: line)
        }
    }
}

/// The text items of a figure, one per line as `x y width height | markup`,
/// compared exactly on the markup and within a pixel and a half on the boxes.
struct TextLayoutGolden {
    struct Item { var rect: Rect; var markup: String }
    var items: [Item]
    static let positionTolerance = 1.5

    init(_ layout: FigureLayout) {
        items = layout.textBoxes.map { Item(rect: $0.rect, markup: $0.text) }
    }

    init(text: String) throws {
        items = try text.split(separator: "\n").map { line in
            let parts = line.split(separator: "|", maxSplits: 1)
            let numbers = parts.first.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
            guard parts.count == 2, numbers.count == 4 else { throw PlotError.invalidData("bad text layout line: \(line)") }
            return Item(rect: Rect(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3]),
                        markup: String(parts[1].dropFirst()))
        }
    }

    var text: String {
        items.map { String(format: "%.1f %.1f %.1f %.1f | ", $0.rect.x, $0.rect.y, $0.rect.width, $0.rect.height) + $0.markup }
            .joined(separator: "\n") + "\n"
    }

    func differences(from expected: TextLayoutGolden) -> [String] {
        var problems: [String] = []
        if items.count != expected.items.count {
            problems.append("\(items.count) text items, expected \(expected.items.count): \(items.map(\.markup)) vs \(expected.items.map(\.markup))")
            return problems
        }
        for (a, e) in zip(items, expected.items) {
            if a.markup != e.markup { problems.append("text '\(a.markup)' where '\(e.markup)' was expected") }
            let moved = [a.rect.x - e.rect.x, a.rect.y - e.rect.y, a.rect.width - e.rect.width, a.rect.height - e.rect.height]
                .map(abs).max() ?? 0
            if moved > Self.positionTolerance { problems.append("'\(a.markup)' at \(a.rect), expected \(e.rect)") }
        }
        return problems
    }
}
