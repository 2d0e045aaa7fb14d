import ArgumentParser
import Foundation
import GLM

/// `glmviz accuracy`: scores the GLM core against the NIST StRD certified values, the
/// same measurement the test suite enforces (β and SE ≥ 13 digits on every set; see
/// docs/fitting.md, "Accuracy", for both paths beside R's lm).
struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Print the digits of NIST StRD certified values the fits reproduce (minimum LRE).",
        discussion: """
            LRE (log relative error) is about the number of significant digits that agree \
            with NIST's certified values; 15 is an exact match. Columns: minimum over the \
            coefficients (β), minimum over their standard errors (SE), residual standard \
            deviation, R² (uncentred for the no-intercept sets, as NIST certifies). \
            Without --nist the data are read from the copy committed under \
            Tests/GLMTests/Fixtures/nist, else from ../shared/data/nist-strd.
            """)

    @Option(name: .long, help: ArgumentHelp(
        "Directory with the NIST <Name>.csv files and certified.json.",
        valueName: "dir"))
    var nist: String?

    @Flag(name: .long, help: "Use double-precision LAPACK for every set (shows what the extended-precision path adds).")
    var lapackOnly = false

    @Flag(name: .long, help: "Also time both solver paths on random designs (the measurement behind the size threshold).")
    var timing = false

    func validate() throws {
        if let nist { try OptionChecks.nonEmpty(nist, "--nist", what: "the folder with the NIST files, or leave --nist out", shellExample: "--nist \"$NIST\"") }
    }

    func run() throws {
        try printAccuracy()
        if timing {
            print("")
            printTiming()
        }
    }

    private func printAccuracy() throws {
        let directory = try resolveDirectory()
        let sets: [NISTReferenceSet]
        do {
            sets = try NISTReferenceSet.loadAll(from: directory)
        } catch let error as NISTDataError {
            throw AccuracyDataError(message: error.description)
        } catch let error as Diagnostic {
            throw AccuracyDataError(message: error.description)
        }
        let strategy: LeastSquares.Strategy = lapackOnly ? .lapack : .automatic
        var rows: [[String]] = []
        for set in sets {
            let score = try NISTAccuracy.measure(set, strategy: strategy)
            rows.append([
                set.name, set.difficulty, format(score.coefficients), format(score.standardErrors),
                format(score.residualSD), format(score.rSquared), score.method.rawValue,
            ])
        }
        print("NIST StRD linear regression: minimum LRE (digits agreeing with certified values)")
        print("data: \(directory.path)")
        print("")
        print(table(header: ["set", "difficulty", "β", "SE", "resid SD", "R²", "method"], rows: rows))
    }

    /// Median wall time of both paths on random full-rank designs, per n·p² unit.
    private func printTiming() {
        print("Solver time on random designs (median of 5 runs; threshold n·p² ≤ \(LeastSquares.extendedPrecisionLimit))")
        print("")
        var rows: [[String]] = []
        for (n, p) in [(100, 3), (1_000, 3), (100, 11), (1_000, 11), (10_000, 11), (100_000, 11)] {
            var generator = SplitMix64(seed: UInt64(n * 31 + p))
            var x = Matrix(rows: n, columns: p)
            for i in 0..<n {
                x[i, 0] = 1
                for j in 1..<p { x[i, j] = generator.nextUniform() }
            }
            let y = (0..<n).map { _ in generator.nextUniform() }
            let lapack = medianSeconds { _ = try? LeastSquares.solve(x, y, strategy: .lapack) }
            let extended = medianSeconds { _ = try? LeastSquares.solve(x, y, strategy: .extendedPrecision) }
            let units = Double(n * p * p)
            rows.append([
                "\(n)", "\(p)", "\(n * p * p)",
                String(format: "%.3f", lapack * 1e3), String(format: "%.3f", extended * 1e3),
                String(format: "%.2f", lapack / units * 1e9), String(format: "%.2f", extended / units * 1e9),
            ])
        }
        print(table(header: ["n", "p", "n·p²", "LAPACK ms", "Float80 ms", "LAPACK ns/unit", "Float80 ns/unit"],
                    rows: rows, numeric: Set(0..<7)))

        // The whole fit (estimates, SE, t, p, CI, R², F) on a large design.
        let n = 1_000_000, p = 11
        var generator = SplitMix64(seed: 7)
        var x = Matrix(rows: n, columns: p)
        for i in 0..<n {
            x[i, 0] = 1
            for j in 1..<p { x[i, j] = generator.nextUniform() }
        }
        let y = (0..<n).map { _ in generator.nextUniform() }
        let names = (0..<p).map { "x\($0)" }
        let seconds = medianSeconds { _ = try? Fit(x: x, y: y, columnNames: names, hasIntercept: true) }
        print("")
        print("Fit with inference, n = \(n), p = \(p): \(String(format: "%.1f", seconds * 1e3)) ms")

        // The same design with two nearly collinear columns, so that its condition
        // number calls for refinement on the LAPACK path: what refinement costs.
        for i in 0..<n { x[i, p - 1] = x[i, p - 2] + 0.001 * generator.nextUniform() }
        let refinedSeconds = medianSeconds { _ = try? Fit(x: x, y: y, columnNames: names, hasIntercept: true) }
        if let solution = try? LeastSquares.solve(x, y, strategy: .lapack),
           let smallest = solution.scaledSingularValues.last, smallest > 0 {
            let condition = solution.scaledSingularValues[0] / smallest
            print("The same with x\(p - 1) ≈ x\(p - 2) (κ = \(String(format: "%.0f", condition)), \(solution.method.rawValue)): \(String(format: "%.1f", refinedSeconds * 1e3)) ms")
        }
    }

    private func medianSeconds(_ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[2]
    }

    private func format(_ lre: Double) -> String {
        String(format: "%.1f", lre)
    }

    /// Left-aligned text columns, right-aligned numeric ones.
    private func table(header: [String], rows: [[String]], numeric: Set<Int> = [2, 3, 4, 5]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return numeric.contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// `--nist`, else the copy committed with the tests, else the shared data folder
    /// next to the package.
    private func resolveDirectory() throws -> URL {
        let fileManager = FileManager.default
        if let nist {
            let url = URL(fileURLWithPath: nist)
            guard fileManager.fileExists(atPath: url.appendingPathComponent("certified.json").path) else {
                throw AccuracyDataError(message: "\(nist): no certified.json there; pass the directory holding the NIST <Name>.csv files and certified.json")
            }
            return url
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let current = URL(fileURLWithPath: fileManager.currentDirectoryPath)
        let candidates = [
            packageRoot.appendingPathComponent("Tests/GLMTests/Fixtures/nist"),
            current.appendingPathComponent("Tests/GLMTests/Fixtures/nist"),
            packageRoot.appendingPathComponent("../shared/data/nist-strd").standardizedFileURL,
            current.appendingPathComponent("../shared/data/nist-strd").standardizedFileURL,
        ]
        if let found = candidates.first(where: {
            fileManager.fileExists(atPath: $0.appendingPathComponent("certified.json").path)
        }) {
            return found
        }
        throw AccuracyDataError(message: "NIST data not found (looked in Tests/GLMTests/Fixtures/nist and ../shared/data/nist-strd); pass --nist DIR")
    }
}

/// NIST data that cannot be found or read; printed as is, without a usage banner.
struct AccuracyDataError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A small deterministic generator (SplitMix64) so timing designs are the same on
/// every run.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextUniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
