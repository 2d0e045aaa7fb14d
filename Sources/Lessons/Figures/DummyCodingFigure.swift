import GLM
import Plot
import Support

/// `dummy-coding`: the table that turns a categorical predictor's levels into
/// 0/1 dummy columns, one row per level in the design's order, the reference
/// level being the row of zeros. It is the table a lesson shows beside the
/// design matrix.
enum DummyCodingFigure: FigureKindDefinition {
    static let name = "dummy-coding"
    static let summary = "the table from levels to 0/1 dummy columns, one row per level, the reference marked"

    static let variable = FigureOptionKey.text(
        "variable", absent: "the model's only categorical predictor", "the categorical predictor to tabulate")
    static let options: [any FigureOptionDeclaring] = [variable]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func make(_ context: FigureContext) throws -> any Figure {
        let design = context.model.design
        let variables = design.levels.keys.sorted()
        guard let variable = context.value(Self.variable) ?? (variables.count == 1 ? variables[0] : nil) else {
            throw context.fail("say which categorical predictor to tabulate with the option 'variable'",
                               suggestion: variables.isEmpty ? "the model has no categorical predictor"
                                   : "one of " + variables.map { "'\($0)'" }.joined(separator: ", "))
        }
        guard let designLevels = design.levels[variable], let column = context.model.frame[variable] else {
            throw context.fail("'\(variable)' is not a categorical predictor of model '\(context.model.spec.name)'",
                               suggestion: NearestWord.hint(for: variable, among: variables))
        }
        // Rows in the data's level order (the order the author listed), columns as the design has them.
        let levels = (column.levels ?? designLevels).filter(designLevels.contains)
        let dummies = design.columnNames.enumerated().filter { design.columnTerms[$0.offset] == variable }.map(\.element)
        // The design's own values: 0/1 for treatment coding, the contrast weights
        // (−1, ½, …) for sum, Helmert or polynomial coding, whose columns are
        // headed "Contrast j" and which have no reference row of zeros.
        let indices = dummies.map { design.columnNames.firstIndex(of: $0)! }
        let values = levels.map { level in
            indices.map { design.codedValue(column: $0, variable: variable, level: level) ?? 0 }
        }
        let isDummy = values.allSatisfy { $0.allSatisfy { $0 == 0 || $0 == 1 } }
        let rows = zip(levels, values).map { level, row in
            [CoefficientTableFigure.texEscaped(context.model.names.level(level, of: variable))
                + (isDummy && level == designLevels.first ? " (reference)" : "")]
                + row.map { NumberFormat.number($0, $0 == $0.rounded() ? .decimals(0) : .significant(3)).text(.unicode) }
        }
        let word = isDummy ? "Dummy" : "Contrast"
        let header = [CoefficientTableFigure.texEscaped(context.value(CommonFigureOptions.xLabel) ?? context.model.names.variable(variable))]
            + indices.enumerated().map { index, j in
                // A long level goes under "Dummy j", broken between words into
                // lines of about 18 characters, so a column is as narrow as its
                // words allow rather than as wide as the whole name.
                let level = CoefficientTableFigure.texEscaped(context.model.names.header(j))
                return level.count > 12 ? "\(word) \(index + 1):\n" + Self.wrapped(level, width: 18) : "\(word) \(index + 1): \(level)"
            }
        let contents = "\(dummies.count) dummy columns and \(levels.count) levels"
        let fix = "tabulate a predictor with fewer levels, or show the design with a 'design-matrix' figure, which summarises wide designs"
        // Measuring every cell of a 1 000-level table takes minutes; its size has a
        // lower bound from the counts alone.
        try context.checkTableBounds(columns: dummies.count + 1, rows: levels.count + 1, describing: contents, fix: fix)
        let table = try Table(title: context.title, header: header, rows: rows,
                              alignments: [.left] + dummies.map { _ in .center }).sized()
        return try context.fitted(table, describing: contents, fix: fix)
    }
}

extension DummyCodingFigure {
    /// `text` broken at spaces into lines of at most `width` characters (a word
    /// longer than that stays whole on its line).
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

extension FigureKind {
    public static let dummyCoding = FigureKind(DummyCodingFigure.self)
}

extension DummyCodingFigure {
    /// "Table of how the 3 levels of Blood type become 2 dummy columns: A,
    /// the reference, is 0 in every dummy column; B is 1 in bloodB; AB is 1
    /// in bloodAB."
    static func describe(_ context: FigureContext) throws -> String {
        let design = context.model.design
        let variables = design.levels.keys.sorted()
        guard let variable = context.value(Self.variable) ?? (variables.count == 1 ? variables[0] : nil),
              let designLevels = design.levels[variable], let column = context.model.frame[variable] else {
            throw context.fail("say which categorical predictor to tabulate with the option 'variable'")
        }
        let levels = (column.levels ?? designLevels).filter(designLevels.contains)
        let dummies = design.columnNames.enumerated().filter { design.columnTerms[$0.offset] == variable }.map(\.element)
        let shown = 8
        var rows = levels.prefix(shown).map { level -> String in
            if level == designLevels.first { return "\(context.model.names.level(level, of: variable)), the reference, is 0 in every dummy column" }
            let ones = dummies.filter { $0 == variable + level }
                .map { context.model.names.header(design.columnNames.firstIndex(of: $0)!) }
            let shown = context.model.names.level(level, of: variable)
            return ones.isEmpty ? "\(shown) is 0 in every dummy column" : "\(shown) is 1 in the dummy column \(FigureDescription.list(ones))"
        }
        if levels.count > shown { rows.append("\(levels.count - shown) more levels likewise") }
        let name = FigureDescription.plain(context.value(CommonFigureOptions.xLabel) ?? context.model.names.variable(variable))
        return "Table of how the \(FigureDescription.count(levels.count, "level")) of \(name) become "
            + "\(FigureDescription.count(dummies.count, "dummy column")): " + rows.joined(separator: "; ") + "."
    }
}
