import Foundation
import Plot
import XCTest

/// Compares a figure with its committed golden PNG. Set
/// `GLMVIZ_UPDATE_GOLDEN=1` to rewrite the goldens from the current code. On a
/// mismatch the actual image and a diff image (differing pixels in red) are
/// written next to the golden as `NAME.actual.png` / `NAME.diff.png` (ignored
/// by git), or into `GLMVIZ_TEST_ARTIFACTS` when that is set, and their paths
/// are printed in the failure.
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
        if ProcessInfo.processInfo.environment["GLMVIZ_UPDATE_GOLDEN"] == "1" {
            try AtomicFile.write(try actual.pngData(), to: goldenURL)
            return
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
