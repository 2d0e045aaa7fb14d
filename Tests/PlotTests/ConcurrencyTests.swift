import Foundation
import Plot
import XCTest

/// Lessons render many figures at once; the shared font map and pooled Pango
/// contexts must give the same pixels in parallel as in sequence.
final class ConcurrencyTests: XCTestCase {
    func testParallelRendersMatchSerialRenders() throws {
        let figures: [any Figure] = [ReferenceFigures.scatterWithLine(), ReferenceFigures.regressionPlane(),
                                     ReferenceFigures.designMatrix(), LabelSheet(labels: ReferenceFigures.texLabels)]
        let serial = try figures.map { try $0.pngData() }
        let rounds = 4
        let results = ParallelResults(count: figures.count * rounds)
        DispatchQueue.concurrentPerform(iterations: figures.count * rounds) { i in
            results.set(i, try? figures[i % figures.count].pngData())
        }
        for i in 0..<(figures.count * rounds) {
            XCTAssertEqual(results.get(i), serial[i % figures.count], "render \(i) differs from the serial render")
        }
    }

    func testNonFiniteDataIsSkippedNotDrawnAsGarbage() throws {
        let chart = Chart(x: Axis("x"), y: Axis("y"), marks: [.points(x: [1, 2, .nan, 4], y: [1, .infinity, 3, 4])])
        let image = try chart.rgba()
        XCTAssertEqual(image.width, 760)
        try assertTextIsClear(chart, "chart with non-finite values")
    }
}

final class ParallelResults: @unchecked Sendable {
    private var values: [[UInt8]?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: [UInt8]?) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
