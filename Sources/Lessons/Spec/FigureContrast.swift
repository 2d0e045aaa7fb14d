import GLM
import Yams

/// A named contrast a figure draws, as a spec writes it under `contrasts`:
///
/// ```yaml
/// contrasts:
///   face-vs-house: [0, 1, -1, 0]            # one weight per design column
///   task-vs-rest: condface + condhouse      # or design column names, as `glmviz fit --contrast`
/// ```
///
/// The design is known only once the model is fitted, so the spec reader keeps
/// where each contrast was written and `weights(for:figure:)` checks it against
/// the design then, pointing a wrong length or an unknown column name at the
/// spec's own line and column.
public struct FigureContrast: Sendable, Equatable {
    public enum Weights: Sendable, Equatable {
        /// One weight per design column, in design order.
        case vector([Double])
        /// A linear combination of design column names (`2*x - z`).
        case expression(String)
    }

    public var name: String
    public var weights: Weights
    /// Where the weights start (the list, or the expression's first character).
    public var location: SourceLocation
    /// Whether a character's offset in the expression is also its column offset
    /// from `location`: true for a one-line plain or simply quoted scalar.
    var expressionColumnsExact: Bool

    /// The contrasts of the mapping `node`, in the order the spec gives them.
    static func readAll(_ node: SpecNode, name option: String) throws -> [FigureContrast] {
        let mapping = try node.mapping("option '\(option)'")
        return try mapping.entries.map { entry in
            let what = "contrast '\(entry.key)'"
            if case .sequence = entry.value.node {
                let weights = try entry.value.doubles("the weights of \(what)")
                guard !weights.isEmpty else { throw entry.value.fail("\(what) needs at least one weight") }
                return FigureContrast(name: entry.key, weights: .vector(weights), location: entry.value.location,
                                      expressionColumnsExact: false)
            }
            let text = try entry.value.string("\(what) (a list of weights or design column names such as 'a - b')")
            return FigureContrast(name: entry.key, weights: .expression(text), location: Self.start(of: entry.value),
                                  expressionColumnsExact: Self.columnsExact(entry.value, text: text))
        }
    }

    /// The first character of a scalar's value: after its opening quote.
    private static func start(of node: SpecNode) -> SourceLocation {
        guard case .scalar(let scalar) = node.node else { return node.location }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return node.location.advanced(by: 1)
        default: return node.location
        }
    }

    /// Whether columns can be counted from the start: one line, and no escape
    /// that YAML shortened.
    private static func columnsExact(_ node: SpecNode, text: String) -> Bool {
        guard case .scalar(let scalar) = node.node, !text.contains("\n") else { return false }
        switch scalar.style {
        case .plain: return true
        case .singleQuoted: return !text.contains("'")
        case .doubleQuoted: return !text.contains("\\") && !text.contains("\"")
        default: return false
        }
    }

    /// The weights, one per column of `design`, or an error at the spec's line and column.
    func weights(for design: Design, figure: String, model: String) throws -> [Double] {
        let columns = design.columnNames
        switch weights {
        case .vector(let weights):
            guard weights.count == columns.count else {
                throw LessonError(.badSpec, at: location,
                                  message: "figure '\(figure)': contrast '\(name)' has \(weights.count) \(weights.count == 1 ? "weight" : "weights") but the design of model '\(model)' has \(columns.count) columns",
                                  suggestion: "give one weight per column, in order: \(columns.joined(separator: ", "))")
            }
            return weights
        case .expression(let text):
            let matrix: Matrix
            do {
                matrix = try design.contrastWeights(text)
            } catch let diagnostic as Diagnostic {
                let offset = diagnostic.excerpt?.offset ?? 0
                let at = expressionColumnsExact ? location.advanced(by: offset) : location
                throw LessonError(.badSpec, at: at, message: "figure '\(figure)': contrast '\(name)': \(diagnostic.message)",
                                  suggestion: diagnostic.suggestion)
            }
            guard matrix.rows == 1 else {
                throw LessonError(.badSpec, at: location,
                                  message: "figure '\(figure)': contrast '\(name)' has \(matrix.rows) rows separated by ';', but a contrast is drawn as one row of bars",
                                  suggestion: "give each row its own name under 'contrasts'")
            }
            return matrix.row(0)
        }
    }
}

extension FigureOptionKey where Value == [FigureContrast] {
    /// Named contrasts, each a list of weights or design column names; none when left out.
    static func contrasts(_ name: String, _ documentation: String) -> Self {
        Self(name, .contrasts, default: [], shown: "none", documentation) {
            if case .contrasts(let v) = $0 { return v }
            return nil
        }
    }
}
