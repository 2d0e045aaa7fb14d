import GLM

/// A lesson model made concrete: its data as a GLM `Frame`, the design its
/// formula builds, and the least-squares fit. Figure kinds draw from this.
public struct FittedModel: Sendable {
    public let spec: ModelSpec
    public let frame: Frame
    public let design: Design
    public let fit: Fit
    /// The words a reader sees for its variables and columns (the lesson's `labels:`).
    public let names: DisplayNames
    /// The lesson's symbols (`notation:`), the same in every figure.
    public let notation: Notation
    /// The fMRI analysis of a model written as an fMRI design; nil for a formula model.
    public let fmri: FMRIAnalysis?
    /// The voxelwise fit when the model's data is scanner volumes; this
    /// model is then the fit of the voxel the figures show first (the peak).
    public internal(set) var volume: VolumeAnalysis?

    /// Builds the frame, design and fit, turning any GLM diagnostic into an
    /// error that points at the model in the spec (inside the formula for
    /// formula problems).
    public init(spec: ModelSpec, frame: Frame, labels: [DisplayLabel] = [], notation: Notation = Notation()) throws {
        try self.init(spec: spec, frame: frame, labels: labels, notation: notation, fmri: nil)
    }

    /// `spec` fitted to `frame`; `fmri` is kept for the fMRI figure kinds.
    init(spec: ModelSpec, frame: Frame, labels: [DisplayLabel], notation: Notation, fmri: FMRIAnalysis?) throws {
        self.spec = spec
        self.frame = frame
        self.fmri = fmri
        do {
            design = try Design(spec.formula, frame: frame, referenceLevels: spec.referenceLevels, codings: spec.codings)
            // An fMRI design carries its constant as a column of its own (see
            // `FittedModel+FMRI`); R², its F test and the table count it as the
            // intercept, as nilearn's R² of a prewhitened fit does.
            fit = try Fit(x: design.x, y: design.y, columnNames: design.columnNames,
                          hasIntercept: design.hasIntercept || (fmri != nil && design.columnNames.contains("constant")),
                          droppedRows: design.droppedRows)
        } catch let diagnostic as Diagnostic {
            throw LessonError(diagnostic, model: spec)
        } catch let error as FitError {
            throw LessonError(.badData, at: spec.location, message: "model '\(spec.name)' cannot be fitted: \(error)")
        }
        names = DisplayNames(labels: labels, design: design)
        self.notation = notation
    }

    /// The estimate of a design column, by its R name.
    public func estimate(_ column: String) -> Double? {
        fit.coefficients.first { $0.term == column }?.estimate
    }

    public func coefficient(_ column: String) -> Coefficient? {
        fit.coefficients.first { $0.term == column }
    }

    /// Design columns other than the intercept.
    public var predictorColumns: [String] {
        design.columnNames.filter { $0 != "(Intercept)" }
    }
}

extension LessonError {
    /// A GLM diagnostic re-expressed against the spec: formula problems get the
    /// column inside the formula, data problems keep their file and row.
    init(_ diagnostic: Diagnostic, model: ModelSpec) {
        let category: Category
        switch diagnostic.category {
        case .missingFile: category = .missingInput
        case .badData: category = .badData
        case .badFormula, .usage: category = .badSpec
        }
        var message = diagnostic.message
        let suggestion = Self.withoutCommandLineOptions(diagnostic.suggestion)
        if let name = diagnostic.location?.columnName { message = "column \"\(name)\": " + message }
        if let excerpt = diagnostic.excerpt, let location = model.formulaSource.location(ofCharacter: excerpt.offset) {
            self.init(category, at: location, message: "in the formula of model '\(model.name)': \(message)",
                      suggestion: suggestion)
        } else if var excerpt = diagnostic.excerpt {
            // The spec's column is not known (text YAML rewrote): name the line and
            // show the formula with the caret.
            excerpt.text = model.formula
            let shown = Diagnostic(diagnostic.category, "", excerpt: excerpt).description
            self.init(category, file: model.formulaLocation.file, line: model.formulaLocation.line,
                      message: "in the formula of model '\(model.name)', at character \(excerpt.offset + 1) of the formula: "
                          + message + (suggestion.map { " — " + $0 } ?? "") + shown)
        } else if let file = diagnostic.location?.file, diagnostic.category != .badFormula {
            self.init(category, file: file, line: diagnostic.location?.line, column: diagnostic.location?.column,
                      message: message, suggestion: suggestion)
        } else {
            self.init(category, at: model.location, message: "model '\(model.name)': \(message)",
                      suggestion: suggestion)
        }
    }

    /// GLM's hints may name `glmviz fit` options (`--numeric`, `--categorical`)
    /// that a spec has no way to give; keep only the clause before them.
    static func withoutCommandLineOptions(_ hint: String?) -> String? {
        guard let hint, hint.contains(" --") || hint.contains("(--") else { return hint }
        for separator in ["; ", ", or "] {
            if let range = hint.range(of: separator), !hint[..<range.lowerBound].contains("--") {
                return String(hint[..<range.lowerBound])
            }
        }
        return nil
    }
}
