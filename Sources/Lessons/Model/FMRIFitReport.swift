import GLM

/// The `fmri` entry an fMRI model adds to its `fits.json` object, beside
/// the fit every model reports (which, with `noise: ar1`, is the fit after
/// prewhitening): the AR(1) coefficient, β̂ and t of every column by OLS and
/// after prewhitening, so a reader sees what prewhitening did to t, and the
/// canonical HRF's peak and undershoot times the `hrf` figure marks.
struct FMRIFitReport: Encodable, Sendable {
    struct Column: Encodable, Sendable {
        let term: String
        let estimate: Double
        let t: Double?
    }
    let tr: Double
    let scans: Int
    let noise: String
    let scaling: String
    /// nilearn's lag-1 Yule–Walker estimate from the OLS residuals.
    let ar1: Double
    /// The coefficient the whitening used (`ar1` truncated to 0.01, as nilearn).
    let ar1Used: Double
    let ols: [Column]
    let prewhitened: [Column]?
    let hrfPeakSeconds: Double
    let hrfUndershootSeconds: Double

    init(_ analysis: FMRIAnalysis, noise: FMRIModelSpec.Noise) {
        func columns(_ e: FMRIAnalysis.Estimates) -> [Column] {
            analysis.columnNames.indices.map { Column(term: analysis.columnNames[$0], estimate: e.beta[$0], t: e.t[$0].isFinite ? e.t[$0] : nil) }
        }
        tr = analysis.tr
        scans = analysis.signal.count
        self.noise = noise.rawValue
        scaling = analysis.scaling.rawValue
        ar1 = analysis.ar1
        ar1Used = analysis.ar1Used
        ols = columns(analysis.ols)
        prewhitened = analysis.prewhitened.map(columns)
        let marks = HRFFigure.landmarks(analysis)
        hrfPeakSeconds = marks.peakTime
        hrfUndershootSeconds = marks.undershootTime
    }
}

/// One model's object in `fits.json`: the fit report every model has, and
/// for an fMRI model its `fmri` entry in the same object.
struct ModelFitReport: Encodable, Sendable {
    let report: FitReport
    let fmri: FMRIFitReport?
    /// For a model fitted at every voxel (`VolumeFitReport`).
    var volume: VolumeFitReport? = nil

    private enum Key: String, CodingKey { case fmri, volume }

    func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(fmri, forKey: .fmri)
        try container.encodeIfPresent(volume, forKey: .volume)
    }
}
