import Foundation
import XCTest

/// Runs the built `glmviz fit` binary: output a statistician recognises, JSON with
/// the documented keys, one clear error and the documented exit status otherwise.
final class FitCommandTests: XCTestCase {
    private struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    private func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    private func glmviz(_ arguments: [String]) throws -> Run {
        let binary = Bundle.main.bundleURL.appendingPathComponent("glmviz")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("glmviz binary not built at \(binary.path); run `swift build` first")
            return Run(status: -1, stdout: "", stderr: "")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The coefficient rows and footer R 4.x prints for `summary(lm(work_hours ~ lot_size))`
    /// on the Toluca data (Kutner et al., Table 1.1).
    func testTolucaTableReadsLikeR() throws {
        let run = try glmviz(["fit", fixture("toluca.csv"), "work_hours ~ lot_size"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("            Estimate Std. Error t value Pr(>|t|)") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("(Intercept)   62.366     26.177   2.382   0.0259 *  ") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("lot_size       3.570      0.347  10.290 4.45e-10 ***") })
        XCTAssertTrue(lines.contains("Residual standard error: 48.82 on 23 degrees of freedom"))
        XCTAssertTrue(lines.contains("Multiple R-squared: 0.8215,  Adjusted R-squared: 0.8138"))
        XCTAssertTrue(lines.contains("F-statistic: 105.9 on 1 and 23 DF,  p-value: 4.449e-10"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("Signif. codes:") })
    }

    func testRDigitsForPValuesAndAliasedRows() throws {
        // R 4.x prints 0.17628, 8.88e-09 and 0.00087 for these coefficients.
        let run = try glmviz([
            "fit", fixture("three_levels.csv"), "y ~ x * group", "--reference", "group=control",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("(Intercept)        0.9906     0.7152   1.385  0.17628"), run.stdout)
        XCTAssertTrue(run.stdout.contains("groupdose_high     3.5459     0.9590   3.698  0.00087 ***"), run.stdout)

        let aliased = try glmviz(["fit", fixture("aliased.csv"), "y ~ x + w + z"])
        XCTAssertEqual(aliased.status, 0, aliased.stderr)
        XCTAssertTrue(aliased.stdout.contains("Coefficients: (3 not estimable because of aliasing)"))
        XCTAssertTrue(aliased.stdout.contains("w           -0.70629    0.04536  -15.57 1.71e-11 ***"), aliased.stdout)
        XCTAssertTrue(aliased.stdout.contains("NA aliased"))
    }

    func testJSONHasTheDocumentedKeysAndRoundTrips() throws {
        let run = try glmviz([
            "fit", fixture("missing.csv"), "y ~ x + group", "--json", "--contrast", "groupb",
            "--contrast", "groupb - groupc; groupc",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for key in [
            "n", "dropped_rows", "rank", "df_residual", "sigma", "r_squared", "adj_r_squared", "f_statistic",
            "f_p_value", "warnings", "coefficients", "contrasts",
        ] {
            XCTAssertNotNil(object[key], key)
        }
        XCTAssertEqual(object["n"] as? Int, 20)
        XCTAssertEqual(object["dropped_rows"] as? Int, 5)
        let coefficients = try XCTUnwrap(object["coefficients"] as? [[String: Any]])
        XCTAssertEqual(coefficients.map { $0["term"] as? String }, ["(Intercept)", "x", "groupb", "groupc"])
        for key in ["term", "estimate", "std_error", "t", "p", "ci_low", "ci_high", "estimable"] {
            XCTAssertNotNil(coefficients[2][key], key)
        }
        // statsmodels' estimate for groupb (Fixtures/statsmodels.json), to the last bit.
        let fixtures = try StatsmodelsFixtures.load()
        let expected = fixtures.cases.first { $0.name == "missing_values" }!.params["groupb"]!
        XCTAssertEqual(coefficients[2]["estimate"] as? Double ?? .nan, expected, accuracy: 1e-10 * abs(expected))
        // A contrast on one column is that coefficient's t test.
        let contrasts = try XCTUnwrap(object["contrasts"] as? [[String: Any]])
        XCTAssertEqual(contrasts[0]["test"] as? String, "t")
        XCTAssertEqual(contrasts[0]["t"] as? Double ?? .nan, coefficients[2]["t"] as? Double ?? 0, accuracy: 1e-9)
        XCTAssertEqual(contrasts[1]["test"] as? String, "F")
        XCTAssertEqual(contrasts[1]["df"] as? [Int], [2, 16])
    }

    func testErrorsExitWithOneClearMessage() throws {
        let missing = try glmviz(["fit", "/nonexistent/data.csv", "y ~ x"])
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertEqual(missing.stderr, "error: /nonexistent/data.csv: cannot open file: No such file or directory\n")

        let syntax = try glmviz(["fit", fixture("three_levels.csv"), "y ~ x + * group"])
        XCTAssertEqual(syntax.status, 65)
        XCTAssertEqual(syntax.stderr, """
            error: expected a column name, 0, 1, '(' or I(...), found '*'
                y ~ x + * group
                        ^

            """)

        let unknown = try glmviz(["fit", fixture("three_levels.csv"), "y ~ x + gruop"])
        XCTAssertEqual(unknown.status, 65)
        XCTAssertTrue(unknown.stderr.contains("no column named \"gruop\""))
        XCTAssertTrue(unknown.stderr.contains("        ^^^^^\n"))
        XCTAssertTrue(unknown.stderr.hasSuffix("hint: did you mean \"group\"?\n"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-fit-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ragged = directory.appendingPathComponent("ragged.csv")
        try "y,x\n1,2\n3,4\n5\n".write(to: ragged, atomically: true, encoding: .utf8)
        let raggedRun = try glmviz(["fit", ragged.path, "y ~ x"])
        XCTAssertEqual(raggedRun.status, 65)
        XCTAssertTrue(raggedRun.stderr.hasPrefix("error: \(ragged.path):4: column \"x\": row has 1 field"), raggedRun.stderr)

        let text = directory.appendingPathComponent("text.csv")
        try "y,x\n1,2\n3,four\n".write(to: text, atomically: true, encoding: .utf8)
        let textRun = try glmviz(["fit", text.path, "y ~ x", "--numeric", "x"])
        XCTAssertEqual(textRun.status, 65)
        XCTAssertTrue(textRun.stderr.hasPrefix("error: \(text.path):3: column \"x\": expected a number, found \"four\""))

        let usage = try glmviz(["fit", fixture("three_levels.csv")])
        XCTAssertEqual(usage.status, 2)
        let badReference = try glmviz(["fit", fixture("three_levels.csv"), "y ~ group", "--reference", "group"])
        XCTAssertEqual(badReference.status, 2)
        let badLevel = try glmviz(["fit", fixture("three_levels.csv"), "y ~ group", "--reference", "group=dose_mid"])
        XCTAssertEqual(badLevel.status, 65)
        XCTAssertTrue(badLevel.stderr.contains("\"control\", \"dose_high\", \"dose_low\""))
    }

    /// `--anova` prints R's `anova(lm)` table for warpbreaks (numbers from
    /// `Fixtures/r-reference`, made by R: 450.67, 2034.26, 1002.78, 5745.11), after
    /// the coefficients; a bare `--anova` anywhere on the line means type I.
    func testAnovaTableFollowsTheSummary() throws {
        let csv = fixture("r-reference/warpbreaks.csv")
        for arguments in [["fit", csv, "breaks ~ wool * tension", "--anova"], ["fit", "--anova", csv, "breaks ~ wool * tension"]] {
            let run = try glmviz(arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("""
                Response: breaks
                             Df  Sum Sq Mean Sq F value   Pr(>F)
                wool          1  450.67  450.67  3.7653 0.058213 .
                tension       2 2034.26 1017.13  8.4980 0.000693 ***
                wool:tension  2 1002.78  501.39  4.1891 0.021044 *
                Residuals    48 5745.11  119.69
                """), run.stdout)
        }
        // Type III with sum coding, as JSON: R's car::Anova gives the intercept 42785.185…
        let json = try glmviz(["fit", csv, "breaks ~ wool * tension", "--anova", "3", "--coding", "sum", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let anova = object["anova"] as! [String: Any]
        XCTAssertEqual(anova["type"] as? Int, 3)
        let rows = anova["rows"] as! [[String: Any]]
        XCTAssertEqual(rows.map { $0["term"] as! String }, ["(Intercept)", "wool", "tension", "wool:tension", "Residuals"])
        XCTAssertEqual(rows[0]["sum_sq"] as! Double, 42785.1851851852, accuracy: 1e-8)
        XCTAssertTrue(rows[4]["f"] is NSNull)
        let coefficients = (object["coefficients"] as! [[String: Any]]).map { $0["term"] as! String }
        XCTAssertEqual(coefficients, ["(Intercept)", "wool1", "tension1", "tension2", "wool1:tension1", "wool1:tension2"])
    }

    /// car refuses a type III table of an aliased design; so does glmviz, with 65.
    func testTypeIIIOfAnAliasedDesignIsRefused() throws {
        let run = try glmviz([
            "fit", fixture("r-reference/npk.csv"), "yield ~ block + N*P*K", "--anova", "III",
            "--categorical", "block", "--categorical", "N", "--categorical", "P", "--categorical", "K",
        ])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains("type III table needs every column estimable"), run.stderr)
    }

    /// Rows a transform leaves without a finite value are counted apart from
    /// missing cells and named (R warns "NaNs produced" for sqrt(Wind - 5) on
    /// airquality: R's fit uses 108 rows, as `nobs` in the R fixture says).
    func testTransformNaNsAreCountedAndNamed() throws {
        let csv = fixture("r-reference/airquality.csv")
        let run = try glmviz(["fit", csv, "Ozone ~ sqrt(Wind - 5) + Temp"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("108 rows used, 45 dropped (37 for missing values, 8 where a transform is not a finite number)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Note: 8 rows were left out because sqrt(Wind - 5) is not a finite number there"), run.stdout)
        let json = try glmviz(["fit", csv, "Ozone ~ sqrt(Wind - 5) + Temp", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(object["transform_dropped_rows"] as? Int, 8)
        XCTAssertEqual(object["dropped_rows"] as? Int, 45)
    }

    /// `mpg ~ mpg + wt` fits mpg on wt and says so, as R warns; `hp^2` of one
    /// variable notes that I(hp^2) was probably meant.
    func testSurelyMistakenFormulasAreNoted() throws {
        let run = try glmviz(["fit", fixture("r-reference/mtcars.csv"), "mpg ~ mpg + hp^2"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Note: the response mpg appeared on the right-hand side and was dropped"), run.stdout)
        XCTAssertTrue(run.stdout.contains("for the square write I(hp^2)"), run.stdout)
        XCTAssertFalse(run.stdout.contains("\nmpg "), run.stdout)
    }

    /// A column the model does not use may mix numbers and words (Cars93's
    /// Cylinders holds one "rotary"): it is read as categorical with a note. A
    /// column the model uses is still refused at the word.
    func testUnusedMixedColumnIsReadLeniently() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-mixed-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("cars.csv")
        try "y,x,Cylinders\n1,2,4\n2,3,6\n3,5,rotary\n4,4,4\n5,7,8\n".write(to: csv, atomically: true, encoding: .utf8)
        let run = try glmviz(["fit", csv.path, "y ~ x"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Note: column \"Cylinders\" mixes numbers and words (\"rotary\"), so it was read as categorical"), run.stdout)
        let used = try glmviz(["fit", csv.path, "y ~ Cylinders"])
        XCTAssertEqual(used.status, 65)
        XCTAssertTrue(used.stderr.contains("expected a number, found \"rotary\""), used.stderr)
    }
}
