import Plot
import Support

/// `fmri-design`: an fMRI design as SPM displays it: one row per scan (time
/// runs down), one column per regressor under its name, each column in grey
/// scaled as SPM's review scales it (`MatrixImage.Scaling.spm`: a
/// regressor stretched from black at its smallest to white at its largest,
/// the constant white), sparse row labels in scans or seconds, and named
/// contrasts drawn above as SPM draws them. The drawing is the design-matrix
/// figure's (`MatrixImage`); only the rows, labels and time axis are fMRI's.
enum FMRIDesignFigure: FigureKindDefinition {
    static let name = "fmri-design"
    static let summary = "SPM's display of an fMRI design: regressors as grey columns scaled as SPM scales them, time down in scans or seconds, regressor names, contrasts above"

    static let timeAxis = FigureOptionKey.choice(
        "time-axis", ["scans", "seconds"], default: "scans", "what the row labels count: scan numbers (as SPM) or seconds from the first scan")
    static let contrasts = FigureOptionKey.contrasts(
        "contrasts", "contrasts drawn above the design, e.g. `{face-vs-house: face - house}` (regressor names) or a list of weights")
    static let options: [any FigureOptionDeclaring] = [timeAxis, contrasts]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// The scans whose times are whole multiples of a round number of seconds
    /// (10, 20, 25, 50, 100, … s, a multiple of the TR so it falls on a scan),
    /// no more of them than about one per 30 pixels of the matrix's height.
    static func roundSecondRows(_ analysis: FMRIAnalysis, height: Double) -> [Int] {
        let limit = max(2, Int(height / 60))
        let end = analysis.times.last ?? 0
        var magnitude = 10.0
        while magnitude < 1e7 {
            for factor in [1.0, 2, 2.5, 5] {
                let step = magnitude * factor
                let scans = step / analysis.tr
                guard abs(scans - scans.rounded()) < 1e-9, end / step + 1 <= Double(limit) else { continue }
                let every = Int(scans.rounded())
                return Array(stride(from: 0, to: analysis.times.count, by: every))
            }
            magnitude *= 10
        }
        return [0, analysis.times.count - 1]
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let analysis = try context.fmriAnalysis()
        let model = context.model
        let rows = analysis.signal.indices.map { i in analysis.columns.map { $0[i] } }
        let written = context.value(Self.contrasts)
        if written.count > DesignMatrixFigure.maximumContrasts {
            throw LessonError(.badSpec, at: written[DesignMatrixFigure.maximumContrasts].location,
                              message: "figure '\(context.figure.id)': an fmri-design figure draws at most \(DesignMatrixFigure.maximumContrasts) contrasts above the design, and this one asks for \(written.count)",
                              suggestion: "draw the others in a second figure of the same model")
        }
        let contrasts = try written.map { contrast in
            MatrixImage.Contrast(name: contrast.name,
                                 weights: try contrast.weights(for: model.design, figure: context.figure.id, model: model.spec.name))
        }
        let seconds = context.value(Self.timeAxis) == "seconds"
        let rowLabels = analysis.times.indices.map { seconds ? FMRIText.number(analysis.times[$0]) : "\($0 + 1)" }
        let bands = Double(contrasts.count) * 60
        // Long regressor names stand upright above the columns; the matrix keeps its height under them.
        let longest = Double(analysis.columnNames.map { model.names.variable($0).count }.max() ?? 0)
        let height = context.value(CommonFigureOptions.height).map(Double.init)
            ?? min(900, max(520, Double(rows.count) * 3 + 300)) + bands + max(0, longest * 7 - 70)
        let width = context.value(CommonFigureOptions.width).map(Double.init) ?? min(760, max(420, Double(analysis.columns.count) * 40 + 200))
        var image = MatrixImage(size: Size(width: width, height: height), title: context.title, values: rows,
                                columnLabels: analysis.columnNames.map { FMRIText.tex(model.names.variable($0)) }, rowLabels: rowLabels,
                                colorMap: .grey, scaling: .spm, numbers: .never)
        image.contrasts = contrasts
        image.rowLabelSpacing = seconds ? .rows(Self.roundSecondRows(analysis, height: height - bands)) : .scanTicks
        image.cellBorders = false
        image.notes = ["Rows are scans" + (seconds ? ", labelled by their time in seconds" : "") + " (TR = " + FMRIText.seconds(analysis.tr)
                       + "), columns regressors."] + DesignMatrixFigure.notes(scaling: .spm, review: true, estimability: false)
        return image
    }

    /// "fMRI design of 121 scans (TR 2.5 s) and 8 regressors: face and house
    /// (events convolved with the canonical HRF), 4 cosine drift columns, the
    /// constant; contrast face-vs-house drawn above."
    static func describe(_ context: FigureContext) throws -> String {
        let analysis = try context.fmriAnalysis()
        var parts: [String] = []
        let conditions = analysis.indices { if case .condition = $0 { return true } else { return false } }
        let derivatives = analysis.indices { if case .derivative = $0 { return true } else { return false } }
        parts.append(FigureDescription.list(conditions.map { analysis.columnNames[$0] }) + " (events convolved with the canonical HRF)")
        if !derivatives.isEmpty { parts.append(FigureDescription.count(derivatives.count, "derivative column")) }
        let drift = analysis.indices { $0 == .drift }.count
        if drift > 0 { parts.append(FigureDescription.count(drift, "cosine drift column")) }
        let confounds = analysis.indices { $0 == .confound }
        if !confounds.isEmpty { parts.append("confounds " + FigureDescription.list(confounds.map { analysis.columnNames[$0] })) }
        if analysis.roles.contains(.constant) { parts.append("the constant") }
        var text = "fMRI design of " + FigureDescription.count(analysis.signal.count, "scan") + " (TR " + FMRIText.seconds(analysis.tr)
            + ") and " + FigureDescription.count(analysis.columns.count, "regressor") + ", one grey column each, time running down: "
            + parts.joined(separator: ", ")
        let written = context.value(Self.contrasts)
        if !written.isEmpty { text += "; contrast" + (written.count > 1 ? "s " : " ") + FigureDescription.list(written.map(\.name)) + " drawn above" }
        return text + "."
    }
}

extension FigureKind {
    public static let fmriDesign = FigureKind(FMRIDesignFigure.self)
}
