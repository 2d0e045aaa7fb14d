import GLM
import XCTest
@testable import Lessons

/// A lesson's model may code a categorical predictor as R's `contr.sum`,
/// `contr.helmert` or `contr.poly`: the design's columns are R's (`blood1`, …,
/// values as `contr.sum(4)` and `contr.helmert(4)` print them in R), and the
/// dummy-coding table shows those values under "Contrast j" with no reference row.
final class CodingSpecTests: XCTestCase {
    func spec(_ coding: String) -> String {
        """
        title: Codings
        models:
          blood:
            formula: score ~ blood
            levels: {blood: [A, B, AB, O]}
            coding: {blood: \(coding)}
            data:
              columns:
                blood: [A, B, AB, O, A, B, AB, O]
                score: [11.2, 9.4, 13.3, 8.6, 12.0, 10.1, 12.5, 9.5]
        figures:
          coding:
            kind: dummy-coding
        """
    }

    func testSumAndHelmertCodingReachTheDesignAndTheTable() throws {
        for (coding, expected) in [
            ("sum", [[1.0, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]]),
            ("helmert", [[-1.0, -1, -1], [1, -1, -1], [0, 2, -1], [0, 0, 3]]),
        ] {
            let lesson = try PreparedLesson(InlineSpec.parse(spec(coding)))
            let design = lesson.models[0].design
            XCTAssertEqual(design.columnNames, ["(Intercept)", "blood1", "blood2", "blood3"], coding)
            for (row, values) in expected.enumerated() {
                XCTAssertEqual((1...3).map { design.x[row, $0] }, values, "\(coding) level \(row)")
            }
            for (figure, drawing) in try lesson.drawings() {
                XCTAssertFalse(try drawing.pngData().isEmpty, "\(coding) \(figure.id)")
            }
        }
        // The cell means are the same fit in any coding: sum coding's intercept is their mean.
        let sum = try PreparedLesson(InlineSpec.parse(spec("sum"))).models[0].fit
        XCTAssertEqual(sum.coefficients[0].estimate, (11.6 + 9.75 + 12.9 + 9.05) / 4, accuracy: 1e-12)
    }

    func testUnknownCodingIsRefusedAtItsValue() {
        XCTAssertThrowsError(try InlineSpec.parse(spec("sums"))) { error in
            XCTAssertTrue("\(error)".contains("unknown coding 'sums' for 'blood'"), "\(error)")
        }
    }
}
