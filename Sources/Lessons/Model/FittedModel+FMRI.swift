import GLM

extension FittedModel {
    /// An fMRI model as a fitted model: its design columns (`face`,
    /// `face_derivative`, `drift_1`, …, `constant`) become the columns of a
    /// frame, and the formula `series ~ 0 + constant + face + …` names them all,
    /// so the design, the least-squares fit, contrasts by column name, the
    /// coefficient table and `fits.json` are the ones every model gets. With
    /// `noise: ar1` the frame holds the prewhitened series and columns, so
    /// β̂, SE and t are those after prewhitening (what SPM reports); the
    /// constant is a column of its own because prewhitening leaves it
    /// constant in every row but the first.
    init(fmriSpec spec: ModelSpec, analysis: FMRIAnalysis, whitened: (signal: [Double], columns: [[Double]])?,
         labels: [DisplayLabel], notation: Notation) throws {
        let signal = whitened?.signal ?? analysis.signal
        let columns = whitened?.columns ?? analysis.columns
        var named: [(name: String, column: Column)] = [(analysis.seriesName, .numeric(signal))]
        for (name, values) in zip(analysis.columnNames, columns) { named.append((name, .numeric(values))) }
        let frame = try Frame(columns: named, source: spec.location.file)
        func quoted(_ name: String) -> String { "`\(name)`" }
        var model = spec
        model.formula = quoted(analysis.seriesName) + " ~ 0 + " + analysis.columnNames.map(quoted).joined(separator: " + ")
        try self.init(spec: model, frame: frame, labels: labels, notation: notation, fmri: analysis)
    }
}
