import GLM
import Plot
import Support

/// `equation`: the spec's display equations, typeset as TeX sets them in the
/// plots' font and colours, with `\model{…}` placeholders filled with the
/// numbers of the figure's fitted model (`ModelPlaceholders`).
enum EquationFigure: FigureKindDefinition {
    static let name = "equation"
    static let summary = "display equations in TeX, with matrices of the fitted model's numbers"

    static let equations = FigureOptionKey<[EquationSource]>.equations(
        "equations",
        "the equations, one TeX string each (without `$`); `\\model{X}` stands for a matrix of the model's numbers: "
            + ModelPlaceholders.names.map { "`\($0)`" }.joined(separator: ", "))
    static let align = FigureOptionKey<String>.choice(
        "align", DisplayEquations.Alignment.allCases.map(\.rawValue), default: "center",
        "`center` centres each equation; `left` starts them all at one place")
    static let fontSize = FigureOptionKey<Double>.number(
        "font-size", in: 10...60, default: 24,
        "pixels to the em; an equation wider than the figure is set smaller to fit, never cut")

    static let options: [any FigureOptionDeclaring] = [equations, align, fontSize]
    static let animation: FigureKindAnimation? = nil

    /// The equations with the model's numbers, for a course written in LaTeX.
    static func exports(_ context: FigureContext) throws -> [FigureExport] {
        let tex = try expandedEquations(context)
        let lines = ["% Display equations of figure '\(LaTeXText.comment(context.figure.id))', model '\(LaTeXText.comment(context.model.spec.name))'",
                     "% Needs \\usepackage{amsmath}."]
            + tex.map(latexDisplay)
        return [FigureExport(fileExtension: "tex", text: lines.joined(separator: "\n") + "\n")]
    }

    /// One equation as LaTeX displays it: inside `\[ \]`, or alone when it is
    /// an `align` (its own display, which `\[` may not hold); blank lines,
    /// which end a paragraph and so any math, are left out.
    static func latexDisplay(_ tex: String) -> String {
        let lines = tex.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
        return lines.contains("\\begin{align") ? lines : "\\[\n\(lines)\n\\]"
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let tex = try expandedEquations(context)
        let width = Double(context.value(CommonFigureOptions.width) ?? 760)
        do {
            return try DisplayEquations(equations: tex, width: width, fontSize: context.value(fontSize),
                                        alignment: DisplayEquations.Alignment(rawValue: context.value(align)) ?? .center,
                                        title: context.title)
        } catch let error as DisplayEquations.EquationError {
            // The TeX was checked before expansion; what is left is what the model's numbers made.
            throw context.fail("equation \(error.index + 1) cannot be typeset with the model's numbers: \(error.error)")
        } catch let error as MathFontError {
            throw context.fail("\(error)")
        }
    }

    /// The spec's equations, checked (placeholders, then TeX) and with every
    /// placeholder replaced by the model's numbers.
    static func expandedEquations(_ context: FigureContext) throws -> [String] {
        let sources = context.value(equations)
        guard !sources.isEmpty else {
            throw context.fail("an equation figure needs at least one equation",
                               suggestion: "add 'options: {equations: [\"y = \\\\beta_0 + \\\\beta_1 x\"]}'")
        }
        let placeholders = ModelPlaceholders(model: context.model)
        for (index, source) in sources.enumerated() {
            try check(source, index: index, context: context)
        }
        return sources.map { placeholders.expanded($0.tex) }
    }

    /// Refuses an unknown placeholder or TeX glmviz cannot typeset, at the
    /// spec's line and column of the character at fault, with the equation and
    /// a caret under it.
    static func check(_ source: EquationSource, index: Int, context: FigureContext) throws {
        let what = "figure '\(context.figure.id)', equation \(index + 1)"
        for use in ModelPlaceholders.uses(in: source.tex) where !ModelPlaceholders.names.contains(use.name) {
            let nearest = use.name.isEmpty ? nil : NearestWord.suggestion(for: use.name, among: ModelPlaceholders.names)
            let fix = nearest.map { "did you mean '\\model{\($0)}'?" }
                ?? "write one of " + ModelPlaceholders.names.map { "\\model{\($0)}" }.joined(separator: ", ")
            let found = use.name.isEmpty ? "'\\model' without a name in braces" : "unknown placeholder '\\model{\(use.name)}'"
            throw failure(what: "\(what): \(found) — \(fix)", source: source,
                          offset: use.name.isEmpty ? use.offset : use.nameOffset, length: max(1, use.name.count))
        }
        do {
            _ = try TeX.parseMath(ModelPlaceholders.blanked(source.tex))
        } catch let error as TeXError {
            var text = "\(what): \(problem(error.problem))"
            if let suggestion = error.suggestion { text += " — did you mean '\\\(suggestion)'?" }
            if case .nestedTooDeep(let limit) = error.problem {
                text += " — flatten the equation; TeX may nest at most \(limit) levels"
            }
            throw failure(what: text, source: source, offset: error.column - 1, length: 1)
        }
    }

    /// An error at the spec place of `offset` in the equation, with the
    /// equation and carets under the characters at fault.
    static func failure(what: String, source: EquationSource, offset: Int, length: Int) -> LessonError {
        // A block scalar's closing line break would show as a trailing space.
        var tex = source.tex
        while let last = tex.last, last.isWhitespace, tex.count > offset + length { tex.removeLast() }
        let shown = CaretExcerpt.lines(text: tex, offset: offset, length: length)
        return LessonError(.badSpec, at: source.location(ofCharacter: offset),
                           message: "\(what)\n    \(shown.text)\n    \(shown.carets)")
    }

    /// A TeX problem in words.
    static func problem(_ problem: TeXError.Problem) -> String {
        switch problem {
        case .unknownCommand(let name): return "unknown TeX command '\\\(name)'"
        case .missingArgument(let name): return "'\\\(name)' expects an argument in braces"
        case .unbalancedBrace: return "unbalanced brace"
        case .unterminatedMath: return "'$' has no place in an equation (write the TeX without '$')"
        case .unexpectedCharacter(let c): return "unexpected '\(c)'"
        case .nestedTooDeep(let limit): return "braces, scripts and command arguments nest more than \(limit) levels deep"
        }
    }
}

extension FigureKind {
    public static let equation = FigureKind(EquationFigure.self)
}

extension EquationFigure {
    /// "Equations: (1) \hat{\boldsymbol\beta} = (X'X)^{-1}X'Y, where X'X is
    /// the 2 × 2 matrix with rows (6, 3), (3, 3), …" — the TeX as written, and
    /// the numbers each placeholder shows, row by row.
    static func describe(_ context: FigureContext) throws -> String {
        let sources = context.value(equations)
        let placeholders = ModelPlaceholders(model: context.model)
        let listed = sources.enumerated().map { "(\($0.offset + 1)) \($0.element.tex.split(whereSeparator: \.isWhitespace).joined(separator: " "))" }
        var used: [String] = []
        for source in sources {
            for use in ModelPlaceholders.uses(in: source.tex) where !used.contains(use.name) { used.append(use.name) }
        }
        let whereClauses = used.compactMap { name -> String? in
            guard let rows = placeholders.values(name) else { return nil }
            let meaning = ModelPlaceholders.meanings.first { $0.name == name }?.meaning ?? name
            if rows.count == 1, rows[0].count == 1 {
                return "\\model{\(name)} is \(meaning), \(FigureDescription.number(rows[0][0]))"
            }
            let shown = ModelPlaceholders.shortened(rows, limit: ModelPlaceholders.maximumRows, dots: [])
                .map { $0.isEmpty ? "…" : "(" + $0.map(FigureDescription.number).joined(separator: ", ") + ")" }
            return "\\model{\(name)} is \(meaning) of model '\(context.model.spec.name)', the \(rows.count) × \(rows[0].count) matrix with rows "
                + shown.joined(separator: ", ")
        }
        return "Display equations in TeX: " + listed.joined(separator: "; ")
            + (whereClauses.isEmpty ? "." : "; where " + whereClauses.joined(separator: "; ") + ".")
    }
}
