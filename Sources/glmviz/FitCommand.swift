import ArgumentParser
import Foundation
import GLM

/// `glmviz fit FILE FORMULA`: fits a linear model to a CSV file and prints R's
/// `summary(lm)` table, or the machine-readable report with `--json`.
///
/// Every problem with the input ends in one message on stderr and an exit status
/// from sysexits: 65 for bad data or a bad formula, 66 for a missing file, 2 for
/// inconsistent options. Never a stack trace.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a linear model to a CSV file and print its coefficient table.",
        discussion: """
            FORMULA uses R's notation: y ~ x + group, y ~ x * group (main effects and \
            interaction), y ~ 0 + group (no intercept), y ~ x + I(x^2), y ~ . (every other \
            column), `name with spaces`. \
            R's calls work inside formulas too: factor(x), as.factor(x), ordered(x), \
            relevel(x, ref = "b"), C(x, contr.sum), interaction(a, b), poly(x, 2), \
            poly(x, 2, raw = TRUE), scale(x), offset(x), a %in% b, I(x > 3), log(x, 10). \
            Categorical predictors are dummy coded against their first level in sorted order \
            unless --reference names another, or --coding chooses sum, Helmert or polynomial \
            coding. Rows with a missing value (empty, NA, NaN) in any variable the model uses \
            are dropped and counted, and so are rows where a transform is not a finite number.

            Examples:
              glmviz fit toluca.csv "work_hours ~ lot_size"
              glmviz fit trial.csv "y ~ age * group" --reference group=placebo \\
                  --contrast "groupdrugA - groupdrugB"
              glmviz fit trial.csv "y ~ group" --contrast "groupdrugA; groupdrugB" --json
              glmviz fit warpbreaks.csv "breaks ~ wool * tension" --anova
              glmviz fit warpbreaks.csv "breaks ~ wool * tension" --anova 3 --coding sum
            """)

    @Argument(help: "CSV file with a header row.")
    var file: String

    @Argument(help: "Model formula, e.g. \"y ~ x + group\".")
    var formula: String

    @Flag(name: .long, help: "Print the fit as JSON (numbers round-trip exactly).")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A contrast: column names with weights (\"groupdrugA - groupdrugB\", \"2*x - z\"), a vector \"[0, 1, -1]\", or rows separated by ';' for an F test. Repeatable.",
            valueName: "contrast"))
    var contrast: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Reference level of a categorical variable, as variable=level. Repeatable.", valueName: "var=level"))
    var reference: [String] = []

    @Option(name: .long, help: ArgumentHelp("Treat a column as categorical (e.g. a 0/1 code). Repeatable.", valueName: "column"))
    var categorical: [String] = []

    @Option(name: .long, help: ArgumentHelp("Require a column to be numeric. Repeatable.", valueName: "column"))
    var numeric: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also print an ANOVA table: 1 (sequential, R's anova(lm); the default when no type is given), 2 or 3 (car::Anova's types II and III).",
            valueName: "type"))
    var anova: AnovaTable.Kind?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Coding of categorical variables: treatment, sum, helmert or poly for all, or variable=coding for one (R's contrasts). Repeatable.",
            valueName: "coding"))
    var coding: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Aliased columns: minimum-norm (the default: every column of an aliased set is not estimable) or r (drop the last column of each set, as R's lm does).",
            valueName: "mode"))
    var aliased: AliasingMode = .minimumNorm

    // `.unconditional` so `--level -1` is read as a value and refused by `validate()`.
    @Option(name: .long, parsing: .unconditional, help: "Confidence level of the coefficient intervals (between 0 and 1).")
    var level: Double = 0.95

    @Flag(name: .long, help: "Report the time spent reading, building the design and fitting (on stderr).")
    var timing = false

    func validate() throws {
        try OptionChecks.nonEmpty(file, "the CSV file name", what: "the path of a CSV file", shellExample: "glmviz fit \"$FILE\" …")
        for (option, names) in [("--categorical", categorical), ("--numeric", numeric)]
        where names.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("\(option) names an empty column; give a column name from the CSV's header (an unset shell variable is the usual cause)")
        }
        guard level > 0, level < 1 else {
            throw ValidationError("--level must lie strictly between 0 and 1 (got \(level)); e.g. --level 0.95")
        }
    }

    func run() throws {
        do {
            print(try output(), terminator: "")
        } catch let diagnostic as Diagnostic {
            FileHandle.standardError.write(Data(("error: " + diagnostic.description + "\n").utf8))
            throw ExitCode(diagnostic.exitCode)
        }
    }

    /// Everything the command prints on success; throws a `Diagnostic` otherwise.
    func output() throws -> String {
        let references = try parseReferences()
        var readNotes: [String] = []
        let (codings, defaultCoding) = try parseCodings()
        let parsed = try Formula(formula)
        let clock = ContinuousClock()
        let started = clock.now
        // The frame lives only while the design is built: for a large file its
        // columns are as big as the design matrix, and the solver needs room for
        // its own copy of the matrix, so holding both would raise peak memory.
        let (design, read, shape) = try {
            // Columns the model does not name are read leniently (not with `.`,
            // which names them all).
            let used: Set<String>? = parsed.positions["."] != nil ? nil : Set(parsed.variables)
            let frame = try Frame.read(
                csv: file,
                options: CSVOptions(categorical: Set(categorical), numeric: Set(numeric), strictColumns: used))
            let read = clock.now
            readNotes = Self.mixedColumnNotes(frame, used: used ?? [], declared: Set(categorical))
            let design = try Design(
                formula: parsed, frame: frame, referenceLevels: references, codings: codings, defaultCoding: defaultCoding)
            return (design, read, (rows: frame.rowCount, columns: frame.names.count))
        }()
        let designed = clock.now
        // With --aliased r the fit is of the columns R keeps; the table shows the others as NA.
        let rAliased = aliased == .r ? design.aliasedColumnsAsR() : []
        let fitted = rAliased.isEmpty ? design : design.droppingColumns(rAliased.map(\.index))
        let fit: Fit
        do {
            fit = try fitted.fit(confidenceLevel: level)
        } catch let error as FitError {
            throw Diagnostic(.badData, error.description, location: .init(file: file))
        }
        if timing {
            func seconds(_ d: Duration) -> String { String(format: "%.3f s", Double(d.components.attoseconds) / 1e18 + Double(d.components.seconds)) }
            let message = "timing: read \(shape.rows) × \(shape.columns) CSV \(seconds(read - started)), "
                + "design \(design.x.rows) × \(design.x.columns) \(seconds(designed - read)), "
                + "fit \(seconds(clock.now - designed))\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
        let results = try contrast.map { try test($0, design: fitted, fit: fit) }
        let table: AnovaTable?
        do {
            table = try anova.map { try design.anova($0) }
        } catch let failure as AnovaTable.Failure {
            throw Diagnostic(
                .badData, "--anova \(anova!.rawValue): \(failure.description)", location: .init(file: file),
                suggestion: anova == .typeIII ? "use --anova 1 or --anova 2, or remove the aliased terms" : nil)
        }
        if json {
            let report = FitCommandReport(
                formula: parsed.text, response: design.responseName, report: fit.report, contrasts: results,
                notes: readNotes + design.notes, transformDroppedRows: design.transformDroppedRows, anova: table,
                rAliased: rAliased.map(\.name))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        }
        var text = DesignSummary(design: fitted, fit: fit, contrasts: results, source: file, rAliased: rAliased).text
        for note in readNotes { text += "\nNote: \(note)\n" }
        if let table {
            text += "\n" + table.text(response: design.responseName)
            if table.kind == .typeIII, design.hasTreatmentCodedInteraction {
                text += "Note: with treatment coding, type III tests each main effect at the reference level of the "
                    + "variables it interacts with; R users fit type III with sum coding (--coding sum)\n"
            }
        }
        return text
    }

    /// One note per column the model does not use that mixes numbers and words
    /// (Cars93's Cylinders holds one "rotary"): read as categorical, as R's
    /// `read.csv` does, instead of refusing the file.
    static func mixedColumnNotes(_ frame: Frame, used: Set<String>, declared: Set<String>) -> [String] {
        frame.names.indices.compactMap { k in
            let name = frame.names[k]
            guard !used.contains(name), !declared.contains(name), let levels = frame.columns[k].levels else { return nil }
            let words = levels.filter { Double($0) == nil }
            guard !words.isEmpty, levels.count - words.count >= words.count else { return nil }
            let shown = words.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            return "column \"\(name)\" mixes numbers and words (\(shown)), so it was read as categorical; the model does not use it"
        }
    }

    /// A bare `--anova` (no type after it) means type I, as R's `anova(lm)`:
    /// argument parsing needs a value, so the command line is rewritten to
    /// `--anova=1` before it is parsed.
    static func expandingBareAnova(_ arguments: [String]) -> [String] {
        guard arguments.first == "fit" else { return arguments }
        var out: [String] = []
        for (i, argument) in arguments.enumerated() {
            if argument == "--anova", i + 1 == arguments.count || AnovaTable.Kind(argument: arguments[i + 1]) == nil {
                out.append("--anova=1")
            } else {
                out.append(argument)
            }
        }
        return out
    }

    private func parseCodings() throws -> ([String: ContrastCoding], ContrastCoding) {
        var codings: [String: ContrastCoding] = [:]
        var all: ContrastCoding?
        func named(_ text: String) throws -> ContrastCoding {
            guard let coding = ContrastCoding(rName: text) else {
                throw Diagnostic(
                    .usage, "--coding: unknown coding \"\(text)\"; expected treatment, sum, helmert or poly",
                    suggestion: "for example --coding sum, or --coding group=sum for one variable")
            }
            return coding
        }
        for entry in coding {
            if let equals = entry.firstIndex(of: "="), equals != entry.startIndex {
                let name = String(entry[..<equals])
                let value = try named(String(entry[entry.index(after: equals)...]))
                if let earlier = codings[name], earlier != value {
                    throw Diagnostic(.usage, "--coding gives two codings for \"\(name)\": \(earlier.rawValue) and \(value.rawValue)")
                }
                codings[name] = value
            } else {
                all = try named(entry)
            }
        }
        return (codings, all ?? .treatment)
    }

    private func parseReferences() throws -> [String: String] {
        var references: [String: String] = [:]
        for entry in reference {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex,
                entry.index(after: equals) != entry.endIndex
            else {
                throw Diagnostic(
                    .usage, "--reference expects variable=level, got \"\(entry)\"",
                    suggestion: "for example --reference group=placebo")
            }
            let name = String(entry[..<equals]), level = String(entry[entry.index(after: equals)...])
            if let earlier = references[name], earlier != level {
                throw Diagnostic(.usage, "--reference gives two levels for \"\(name)\": \"\(earlier)\" and \"\(level)\"")
            }
            references[name] = level
        }
        return references
    }

    private func test(_ text: String, design: Design, fit: Fit) throws -> DesignSummary.ContrastResult {
        let weights = try design.contrastWeights(text)
        let label = text.trimmingCharacters(in: .whitespaces)
        do {
            if weights.rows == 1 { return .t(label: label, try fit.contrast(weights.row(0))) }
            return .f(label: label, try fit.contrast(weights))
        } catch let error as ContrastError {
            throw Diagnostic(.badFormula, "contrast \"\(label)\": \(error.description)")
        }
    }
}

/// `--aliased`: glmviz's minimum-norm answer or R's.
enum AliasingMode: String, ExpressibleByArgument, CaseIterable {
    case minimumNorm = "minimum-norm"
    case r
}

extension AnovaTable.Kind: ExpressibleByArgument {
    /// `1`, `2`, `3`, or `I`, `II`, `III`.
    public init?(argument: String) {
        switch argument {
        case "1", "I": self = .sequential
        case "2", "II": self = .typeII
        case "3", "III": self = .typeIII
        default: return nil
        }
    }
}

/// The `--json` document: the fit's report (keys of `FitReport`) plus the formula,
/// the response and any contrasts, all in one object.
struct FitCommandReport: Encodable {
    let formula: String
    let response: String
    let report: FitReport
    let contrasts: [DesignSummary.ContrastResult]
    /// What the design noted (rows a transform dropped, a response on the right).
    let notes: [String]
    /// Of `dropped_rows`, those where a transform was not a finite number.
    let transformDroppedRows: Int
    /// The `--anova` table; the key is left out without `--anova`.
    let anova: AnovaTable?
    /// With `--aliased r`, the columns left out as R's `lm` leaves them out (R's `NA`s).
    let rAliased: [String]

    private enum Keys: String, CodingKey { case formula, response, contrasts, notes, anova, rAliased = "r_aliased"
        case transformDroppedRows = "transform_dropped_rows"
    }

    private struct ContrastJSON: Encodable {
        let contrast: String
        let test: String
        let estimate: Double?
        let stdError: Double?
        let t: Double?
        let f: Double?
        let df: [Int]
        let p: Double

        enum CodingKeys: String, CodingKey {
            case contrast, test, estimate, stdError = "std_error", t, f, df, p
        }
    }

    func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(formula, forKey: .formula)
        try container.encode(response, forKey: .response)
        let rows = contrasts.map { result -> ContrastJSON in
            switch result {
            case .t(let label, let c):
                return ContrastJSON(
                    contrast: label, test: "t", estimate: c.estimate, stdError: c.standardError, t: c.t, f: nil,
                    df: [c.degreesOfFreedom], p: c.p)
            case .f(let label, let c):
                return ContrastJSON(
                    contrast: label, test: "F", estimate: nil, stdError: nil, t: nil, f: c.f,
                    df: [c.numeratorDegreesOfFreedom, c.denominatorDegreesOfFreedom], p: c.p)
            }
        }
        try container.encode(rows, forKey: .contrasts)
        try container.encode(notes, forKey: .notes)
        if let anova { try container.encode(anova, forKey: .anova) }
        try container.encode(rAliased, forKey: .rAliased)
        try container.encode(transformDroppedRows, forKey: .transformDroppedRows)
    }
}
