import Foundation
import XCTest

@testable import GLM

/// |cos θ| between design columns, the number SPM's design orthogonality shows,
/// against the definition a′b / √(a′a · b′b) worked by hand.
final class ColumnCosinesTests: XCTestCase {
    /// The chapter's blood-type design (lessons/categorical-predictors.yaml): eight
    /// people, two of each type, O the reference, columns (Intercept), bloodA,
    /// bloodB, bloodAB.
    private let bloodType = try! Design(
        "score ~ blood", frame: try! Frame([
            "score": .numeric([11.2, 12.0, 9.4, 10.1, 13.3, 12.5, 8.6, 9.5]),
            "blood": .categorical(["A", "A", "B", "B", "AB", "AB", "O", "O"]),
        ]), referenceLevels: ["blood": "O"])

    func testChapterDesignMatchesTheDefinition() {
        let cosines = bloodType.x.absoluteColumnCosines()
        // Intercept · a dummy: 2 ones in common, lengths √8 and √2: 2 / √16 = 0.5.
        XCTAssertEqual(cosines[0][1], 2 / (8.0.squareRoot() * 2.0.squareRoot()), accuracy: 1e-15)
        XCTAssertEqual(cosines[0][1], 0.5, accuracy: 1e-15)
        // Two dummies never 1 in the same row: orthogonal.
        XCTAssertEqual(cosines[1][2], 0)
        XCTAssertEqual(cosines[2][3], 0)
        // Symmetric, 1 on the diagonal.
        for i in 0..<4 {
            XCTAssertEqual(cosines[i][i], 1, accuracy: 1e-15)
            for j in 0..<4 { XCTAssertEqual(cosines[i][j], cosines[j][i]) }
        }
    }

    /// A covariate and its dummy, every pair computed directly from the columns.
    func testEveryPairAgainstADirectComputation() throws {
        let design = try Design("y ~ x + g", frame: try Frame([
            "y": .numeric([1, 2, 3, 4, 5]),
            "x": .numeric([-1.5, 0.25, 2, 3.75, 7]),
            "g": .categorical(["a", "b", "a", "b", "b"]),
        ]))
        let cosines = design.x.absoluteColumnCosines()
        for i in 0..<3 {
            for j in 0..<3 {
                let direct = Self.directCosine(design.x.column(i), design.x.column(j))
                XCTAssertEqual(cosines[i][j], direct, accuracy: 1e-14, "columns \(i), \(j)")
            }
        }
        // (Intercept)·x: 11.5 / (√5 · √(2.25 + 0.0625 + 4 + 14.0625 + 49)) = 11.5 / √(5 · 69.375).
        XCTAssertEqual(cosines[0][1], 11.5 / (5 * 69.375).squareRoot(), accuracy: 1e-15)
    }

    /// An aliased pair (a column and −2 times it) is collinear: exactly 1, the
    /// black cell SPM shows, whatever the sign.
    func testAliasedPairShowsOne() throws {
        let design = try Design("y ~ x + z", frame: try Frame([
            "y": .numeric([1, 2, 3, 4, 5, 6]),
            "x": .numeric([0.1, 0.7, 1.3, 2.9, 3.3, 4.1]),
            "z": .numeric([-0.2, -1.4, -2.6, -5.8, -6.6, -8.2]),
        ]))
        XCTAssertEqual(design.x.absoluteColumnCosines()[1][2], 1)
    }

    func testZeroColumnHasNoAngle() {
        let x = Matrix(columns: [[1, 1, 1], [0, 0, 0]])
        XCTAssertTrue(x.absoluteColumnCosines()[0][1].isNaN)
        XCTAssertTrue(x.absoluteColumnCosines()[1][1].isNaN)
    }

    /// |a′b| / √(a′a · b′b), written out as SPM's documentation defines it.
    static func directCosine(_ a: [Double], _ b: [Double]) -> Double {
        var ab = 0.0, aa = 0.0, bb = 0.0
        for (x, y) in zip(a, b) { ab += x * y; aa += x * x; bb += y * y }
        return abs(ab) / (aa * bb).squareRoot()
    }
}
