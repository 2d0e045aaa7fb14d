import XCTest
@testable import GLM

/// Contrasts by name on fMRI designs, and their messages.
final class FMRIContrastTests: XCTestCase {
    private func design(runs: Int = 1) throws -> FMRIDesign {
        let events = EventTable([
            FMRIEvent(condition: "face", onset: 10, duration: 10), FMRIEvent(condition: "house", onset: 40, duration: 10),
            FMRIEvent(condition: "face", onset: 70, duration: 10), FMRIEvent(condition: "house", onset: 100, duration: 10),
        ])
        let run = FMRIRun(events: events, timing: try ScanTiming(tr: 2, scans: 80))
        return try FMRIDesign(runs: Array(repeating: run, count: runs), options: .init(basis: .canonicalWithTemporalDerivative()))
    }

    func testDifferenceByName() throws {
        let d = try design()
        XCTAssertEqual(d.columnNames.prefix(4), ["face", "face_derivative", "house", "house_derivative"])
        let c = try d.contrastWeights("face - house")
        XCTAssertEqual(c.rows, 1)
        XCTAssertEqual(Array(c.row(0).prefix(4)), [1, 0, -1, 0])
        XCTAssertEqual(Array(try d.contrastWeights("2*face_derivative - 0.5 house").row(0).prefix(4)), [0, 2, -0.5, 0])
    }

    func testMultiRunNameSharesWeightOverRuns() throws {
        let d = try design(runs: 2)
        let c = try d.contrastWeights("face - house").row(0)
        for j in d.columnIndices(condition: "face") { XCTAssertEqual(c[j], 0.5) }
        for j in d.columnIndices(condition: "house") { XCTAssertEqual(c[j], -0.5) }
        XCTAssertEqual(c.reduce(0, +), 0)
        XCTAssertEqual(try d.contrastWeights("run2_face").row(0)[d.columnIndices(condition: "face")[1]], 1)
    }

    func testUnknownNameHasCaretAndSuggestion() throws {
        let d = try design()
        XCTAssertThrowsError(try d.contrastWeights("face - huose")) { error in
            let diagnostic = error as! Diagnostic
            XCTAssertEqual(diagnostic.message, "unknown condition or column \"huose\"")
            XCTAssertEqual(diagnostic.excerpt, .init(text: "face - huose", offset: 7, length: 5))
            XCTAssertEqual(diagnostic.suggestion, "did you mean \"house\"?")
            XCTAssertEqual(diagnostic.exitCode, 65)
        }
        XCTAssertThrowsError(try d.contrastWeights("face house")) { error in
            XCTAssertEqual((error as! Diagnostic).message, "expected '+' or '-' between terms")
        }
    }

    /// The F over both conditions equals the F of the equivalent numeric matrix, and
    /// the t of face − house squared equals the F of that single row.
    func testFContrastsOverSets() throws {
        let d = try design()
        let y = (0..<80).map { i in d.x[i, 0] * 2 + d.x[i, 2] + sin(Double(i) * 0.7) * 0.3 }
        let fit = try d.fit(y)
        let joint = try fit.contrast(try d.contrastWeights("face; house"))
        XCTAssertEqual(joint.numeratorDegreesOfFreedom, 2)
        let interest = try fit.contrast(d.effectsOfInterest)
        XCTAssertEqual(interest.numeratorDegreesOfFreedom, 4)
        let t = try fit.contrast(try d.contrastWeights("face - house").row(0))
        let f = try fit.contrast(try d.contrastWeights("face - house"))
        XCTAssertEqual(t.t * t.t, f.f, accuracy: 1e-9 * f.f)
        XCTAssertGreaterThan(t.estimate, 0.5)
    }
}
