import XCTest

@testable import GLM

/// Every model of `Fixtures/r-reference` (R's own datasets, R's own answers) fitted
/// by glmviz: term and column names exactly as R prints them, the design matrix,
/// and the estimates, standard errors, t, p, σ̂, R² and F to 1e-10 relative.
final class RReferenceTests: XCTestCase {
    /// Cases glmviz still refuses, with the reason; `testRefusedCasesAreRefusedClearly`
    /// keeps the list honest.
    static let refused: [String: String] = [:]

    /// Cases where R's rank differs from glmviz's on purpose (see the GLM README).
    static let rankDiffers: Set<String> = ["longley_cubic"]

    /// R 4.2's `summary.lm` takes the model sum of squares from fitted values that
    /// still include the offset, so its R² and F describe y rather than y − offset;
    /// glmviz reports those of y − offset on the terms (the coefficients, SEs, t, p
    /// and σ̂ agree). Only R² and F are skipped for these.
    static let offsetSummaryDiffers: Set<String> = ["mtcars_offset"]

    func testNamesDesignAndFitMatchR() throws {
        let fixtures = try RReferenceFixtures.load()
        for fixture in fixtures.cases where Self.refused[fixture.name] == nil {
            let label = "\(fixture.name) (\(fixture.formula))"
            let design: Design
            do {
                design = try RReferenceFixtures.design(for: fixture)
            } catch {
                XCTFail("\(label): \(error)")
                continue
            }
            // R's terms() keeps a response repeated on the right (`mpg ~ mpg + wt`); the
            // design then drops it, as model.matrix does.
            let frame = try RReferenceFixtures.frame(fixture.csv, categorical: fixture.categorical)
            let parsed = try Formula(fixture.formula).expandingDot(columns: frame.names)
            XCTAssertEqual(parsed.terms.map(\.label), fixture.term_labels, "\(label) term labels")
            XCTAssertEqual(design.responseName, fixture.response, "\(label) response")
            XCTAssertEqual(design.columnNames, fixture.coefficient_names, "\(label) column names")
            guard design.columnNames == fixture.coefficient_names else { continue }
            XCTAssertEqual(design.x.rows, fixture.nobs, "\(label) rows used")
            // Entries relative to their column's largest (an entry R computes as
            // 1e-17 where glmviz has an exact 0 is the same column).
            for j in 0..<design.x.columns {
                let scale = fixture.model_matrix.map { abs($0[j]) }.max() ?? 1
                for i in 0..<min(design.x.rows, fixture.model_matrix.count) {
                    let error = abs(design.x[i, j] - fixture.model_matrix[i][j]) / scale
                    XCTAssertLessThanOrEqual(error, 1e-10, "\(label) X[\(i), \(j)]: \(design.x[i, j]) vs \(fixture.model_matrix[i][j])")
                }
            }
            let fit = try design.fit()
            guard !fixture.hasAliased, !Self.rankDiffers.contains(fixture.name) else { continue }
            XCTAssertEqual(fit.rank, fixture.rank, "\(label) rank")
            XCTAssertEqual(fit.dfResidual, fixture.df_residual, "\(label) df")
            assertClose(fit.sigma ?? .nan, fixture.sigma, "\(label) σ̂")
            if !Self.offsetSummaryDiffers.contains(fixture.name) {
                assertClose(fit.rSquared ?? .nan, fixture.r_squared, "\(label) R²")
                assertClose(fit.adjustedRSquared ?? .nan, fixture.adj_r_squared, "\(label) adjusted R²")
                if let f = fixture.f_statistic { assertClose(fit.fStatistic ?? .nan, f[0], "\(label) F") }
            }
            for (j, coefficient) in fit.coefficients.enumerated() {
                let name = "\(label) \(coefficient.term)"
                assertClose(coefficient.estimate, fixture.estimate[j]!, "\(name) estimate")
                assertClose(coefficient.standardError ?? .nan, fixture.std_error[j]!, "\(name) SE")
                assertClose(coefficient.t ?? .nan, fixture.t[j]!, "\(name) t")
                assertClose(coefficient.p ?? .nan, fixture.p[j]!, "\(name) p")
            }
        }
    }

    /// `poly(x, k)` on its own: R's columns and the alpha/norm2 it keeps for prediction.
    func testOrthogonalPolynomialsMatchR() throws {
        let fixtures = try RReferenceFixtures.load()
        for case_ in fixtures.poly {
            let frame = try RReferenceFixtures.frame(case_.dataset + ".csv")
            let x = try XCTUnwrap(frame[case_.variable]?.numericValues)
            let basis = OrthogonalPolynomial(fitting: x, degree: case_.degree)
            let label = "poly(\(case_.dataset)$\(case_.variable), \(case_.degree))"
            for (a, b) in zip(basis.alpha, case_.alpha) { assertClose(a, b, "\(label) alpha") }
            for (a, b) in zip(basis.norm2, case_.norm2) { assertClose(a, b, "\(label) norm2") }
            let columns = basis.columns(at: x)
            for j in 0..<case_.degree {
                for i in x.indices {
                    XCTAssertEqual(columns[j][i], case_.columns[i][j], accuracy: 1e-12, "\(label) column \(j + 1) row \(i)")
                }
            }
        }
    }

    /// R's contrast matrices for 2–6 levels, written out from R
    /// (`contr.sum(4)`, `contr.helmert(4)`, `round(contr.poly(4), 15)`).
    func testContrastMatricesMatchR() {
        XCTAssertEqual(ContrastCoding.sum.matrix(levels: 4), [[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]])
        XCTAssertEqual(ContrastCoding.helmert.matrix(levels: 4), [[-1, -1, -1], [1, -1, -1], [0, 2, -1], [0, 0, 3]])
        XCTAssertEqual(ContrastCoding.treatment.matrix(levels: 3), [[0, 0], [1, 0], [0, 1]])
        let poly = ContrastCoding.poly.matrix(levels: 4)
        let r: [[Double]] = [
            [-0.670820393249937, 0.5, -0.223606797749979], [-0.223606797749979, -0.5, 0.670820393249937],
            [0.223606797749979, -0.5, -0.670820393249937], [0.670820393249937, 0.5, 0.223606797749979],
        ]
        for i in 0..<4 { for j in 0..<3 { XCTAssertEqual(poly[i][j], r[i][j], accuracy: 1e-14) } }
    }

    /// `--aliased r`: the columns R reports as NA are found by R's rule (npk with
    /// blocks: only N1:P1:K1; Longley's cubic: I(Year^3) at tolerance 1e-7), and the
    /// fit of the rest gives R's estimates, SEs, t and p; every other case keeps
    /// all its columns.
    func testRAliasingModeMatchesR() throws {
        let fixtures = try RReferenceFixtures.load()
        var aliasedCases = 0
        for fixture in fixtures.cases where Self.refused[fixture.name] == nil {
            let design = try RReferenceFixtures.design(for: fixture)
            let dropped = design.aliasedColumnsAsR()
            let rNA = fixture.coefficient_names.indices.filter { fixture.estimate[$0] == nil }
            XCTAssertEqual(dropped.map(\.index), rNA, fixture.name)
            guard !rNA.isEmpty else { continue }
            aliasedCases += 1
            let fit = try design.droppingColumns(dropped.map(\.index)).fit()
            XCTAssertEqual(fit.rank, fixture.rank, fixture.name)
            assertClose(fit.sigma ?? .nan, fixture.sigma, "\(fixture.name) σ̂")
            assertClose(fit.rSquared ?? .nan, fixture.r_squared, "\(fixture.name) R²")
            let kept = fixture.coefficient_names.indices.filter { fixture.estimate[$0] != nil }
            XCTAssertEqual(fit.coefficients.map(\.term), kept.map { fixture.coefficient_names[$0] })
            for (c, j) in zip(fit.coefficients, kept) {
                let name = "\(fixture.name) \(c.term)"
                assertClose(c.estimate, fixture.estimate[j]!, "\(name) estimate")
                assertClose(c.standardError ?? .nan, fixture.std_error[j]!, "\(name) SE")
                assertClose(c.t ?? .nan, fixture.t[j]!, "\(name) t")
                assertClose(c.p ?? .nan, fixture.p[j]!, "\(name) p")
            }
            // The default fit says, in one line, that R would answer differently.
            let note = try XCTUnwrap(design.rAliasingNote(fit: try design.fit()), fixture.name)
            XCTAssertTrue(note.contains(fixture.coefficient_names[rNA[0]]), note)
        }
        XCTAssertEqual(aliasedCases, 3)  // npk_blocks, longley_cubic, and I(-wt) beside I(2 * wt - 1)
    }

    /// A contrast may name a column as R prints it or with the spaces glmviz used
    /// to print (`I(hp / 100)`), and `log(hp,10)` without R's space.
    func testContrastsAcceptBothSpellings() throws {
        let frame = try RReferenceFixtures.frame("mtcars.csv")
        let design = try Design("mpg ~ I(hp/100) + log(wt, 10)", frame: frame)
        XCTAssertEqual(design.columnNames, ["(Intercept)", "I(hp/100)", "log(wt, 10)"])
        for text in ["I(hp/100) - log(wt, 10)", "I(hp / 100) - log(wt,10)", "I( hp/100 ) - `log(wt, 10)`"] {
            XCTAssertEqual(try design.contrastWeights(text).row(0), [0, 1, -1], text)
        }
        XCTAssertThrowsError(try design.contrastWeights("I(hp/10)"))
    }

    func testRefusedCasesAreRefusedClearly() throws {
        let fixtures = try RReferenceFixtures.load()
        for fixture in fixtures.cases {
            guard let reason = Self.refused[fixture.name] else { continue }
            XCTAssertThrowsError(try RReferenceFixtures.design(for: fixture), "\(fixture.name): \(reason)") { error in
                let text = (error as? Diagnostic)?.description ?? "\(error)"
                XCTAssertFalse(text.contains("unexpected character"), "\(fixture.name): \(text)")
            }
        }
    }
}
