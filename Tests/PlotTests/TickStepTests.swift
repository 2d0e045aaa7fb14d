@testable import Plot
import XCTest

/// Ticks that follow the data's own step: Toluca's lot sizes are 20, 30, …,
/// 120 (Kutner et al., Table 1.1), so the x axis is labelled in twenties,
/// not at 25, 50, … as the unconstrained extended algorithm chooses for
/// [15, 125] at six ticks (R's `labeling::extended(15, 125, 6)` gives 0, 25,
/// …, 125, the reference row in TicksTests).
final class TickStepTests: XCTestCase {
    static let tolucaLotSizes: [Double] = [80, 30, 50, 90, 70, 60, 120, 80, 100, 50, 40, 70, 90, 20, 110,
                                           100, 30, 50, 90, 110, 30, 90, 40, 80, 70]

    func testTheDataStepIsTheLargestRoundStepEveryValueIsAMultipleOf() {
        XCTAssertEqual(TickGenerator.dataStep(of: Self.tolucaLotSizes), 10)
        XCTAssertEqual(TickGenerator.dataStep(of: [1, 2, 3, 4, 5]), 1)
        XCTAssertEqual(TickGenerator.dataStep(of: [0.1, 0.2, 0.3, 0.7]), 0.1)
        XCTAssertEqual(TickGenerator.dataStep(of: [-1.5, 0, 1.5, 3]), 0.5)
        XCTAssertEqual(TickGenerator.dataStep(of: [0, 500, 1000, 2000]), 500)
        // Two values say nothing about a step as large as their distance.
        XCTAssertEqual(TickGenerator.dataStep(of: [0, 100]), 20)
        XCTAssertNil(TickGenerator.dataStep(of: [0.123456789012, 1.7320508075688772, 2.718281828459045]))
        XCTAssertNil(TickGenerator.dataStep(of: [3, 3, 3]))
        XCTAssertNil(TickGenerator.dataStep(of: []))
        XCTAssertEqual(TickGenerator.dataStep(of: [.nan, 10, 20, 40]), 10)
    }

    func testTicksStepInWholeMultiplesOfTheDataStep() {
        var generator = TickGenerator()
        XCTAssertEqual(generator.ticks(lower: 15, upper: 125, target: 6), [0, 25, 50, 75, 100, 125])
        generator.stepMultiple = 10
        // The labelling; an axis keeps the ticks inside its domain (below).
        XCTAssertEqual(generator.ticks(lower: 15, upper: 125, target: 6), [0, 20, 40, 60, 80, 100, 120])
        for target in 2...10 {
            for tick in generator.ticks(lower: 15, upper: 125, target: target) {
                XCTAssertTrue(TickGenerator.isWholeMultiple(tick, of: 10), "\(tick) at target \(target)")
            }
        }
        // A fine step changes nothing the algorithm would not choose anyway.
        generator.stepMultiple = 0.001
        XCTAssertEqual(generator.ticks(lower: 62, upper: 546, target: 5), [0, 100, 200, 300, 400, 500])
    }

    func testAnAxisWithATickStepLabelsTheDataStep() throws {
        var axis = Axis("Lot size")
        axis.tickStep = 10
        let layout = try AxisLayout.resolve(axis, name: "x", values: Self.tolucaLotSizes, count: 6, extent: 600)
        XCTAssertEqual(layout.ticks, [20, 40, 60, 80, 100, 120])
    }
}
