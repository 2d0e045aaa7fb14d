import XCTest
@testable import Lessons

/// The fMRI lessons' numbers against an independent fit of the same data:
/// the nitime series as data/README.md reports it (nilearn: each event a 2 s
/// block at its sample's time, SPM's canonical HRF, frame times from 0, a
/// 128 s cosine drift): OLS t of 8.9–14.8, residual lag-1 autocorrelation
/// 0.876, t of 4.3–8.0 after AR(1) prewhitening; and the AR coefficient as
/// docs/contracts of the GLM target's `AR1Prewhitening` give it for nitime
/// (Yule–Walker 0.877, whitened with 0.87).
final class FMRILessonTests: XCTestCase {
    func prepared(_ name: String) throws -> PreparedLesson {
        try PreparedLesson(try LessonCatalogue(workingDirectory: "/nonexistent").source(for: name).parse())
    }

    func testNitimeTValuesAndARCoefficientMatchTheIndependentFit() throws {
        let lesson = try prepared("fmri-events-to-regressors")
        let analysis = try XCTUnwrap(lesson.models[0].fmri)
        XCTAssertEqual(analysis.conditions, (1...6).map { "events_\($0)" })
        XCTAssertEqual(analysis.signal.count, 3360)
        let conditions = analysis.conditions.map { analysis.column(of: $0)! }
        let ols = conditions.map { analysis.ols.t[$0] }
        let whitened = conditions.map { analysis.prewhitened!.t[$0] }
        // The README's ranges are rounded to one decimal.
        XCTAssertEqual(ols.min()!, 8.9, accuracy: 0.1)
        XCTAssertEqual(ols.max()!, 14.8, accuracy: 0.1)
        XCTAssertEqual(AutocorrelationFigure.autocorrelation(analysis.ols.residuals, lags: 1)[0], 0.876, accuracy: 0.0005)
        XCTAssertEqual(analysis.ar1, 0.877, accuracy: 0.0005)
        XCTAssertEqual(analysis.ar1Used, 0.87)
        XCTAssertEqual(whitened.min()!, 4.3, accuracy: 0.1)
        XCTAssertEqual(whitened.max()!, 8.0, accuracy: 0.1)
        // The model the figures and fits.json report is the prewhitened one.
        XCTAssertEqual(lesson.models[0].coefficient("events_1")?.t ?? 0, whitened[0], accuracy: 1e-9)
    }

    func testBothLessonsDrawWithoutLayoutViolations() throws {
        for name in ["fmri-events-to-regressors", "fmri-block-design"] {
            let lesson = try prepared(name)
            for figure in lesson.spec.figures {
                let drawing = try FigureFactory.make(figure, model: lesson.model(for: figure))
                XCTAssertEqual(try drawing.layout().violations().map(\.description), [], "\(name)/\(figure.id)")
            }
        }
    }

    func testTheHaxbyDesignIsSPMsOrderWithFaceMinusHouse() throws {
        let lesson = try prepared("fmri-block-design")
        let model = lesson.models[0]
        XCTAssertEqual(model.design.columnNames, ["face", "house", "rot_x", "rot_y", "rot_z", "trans_x", "trans_y", "trans_z",
                                                  "drift_1", "drift_2", "drift_3", "drift_4", "constant"])
        XCTAssertEqual(model.fit.n, 121)
        XCTAssertEqual(model.fmri?.scaling, .percent)
        let contrast = try XCTUnwrap(try lesson.spec.figures.first { $0.id == "haxby-design" }?.value(FMRIDesignFigure.contrasts).first?
            .weights(for: model.design, figure: "haxby-design", model: "glm"))
        XCTAssertEqual(contrast, [1, -1] + Array(repeating: 0, count: 11))
    }
}
