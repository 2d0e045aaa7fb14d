/// A model of a scanner time series built from the lesson's events rather
/// than from a formula: each condition's events convolved with a
/// haemodynamic response basis and sampled at the scans, a discrete cosine
/// drift basis, confound columns of the series' table and a constant, as SPM
/// builds a first-level design (`models: {glm: {fmri: {…}}}`).
public struct FMRIModelSpec: Sendable, Equatable {
    /// The response basis: SPM's canonical HRF, with its temporal derivative,
    /// and with its dispersion derivative too.
    public enum Basis: String, Sendable, CaseIterable {
        case canonical
        case canonicalTemporal = "canonical+temporal"
        case canonicalTemporalDispersion = "canonical+temporal+dispersion"
    }
    /// How the noise is modelled: independent (OLS), or AR(1) and prewhitened.
    public enum Noise: String, Sendable, CaseIterable {
        case ols, ar1
    }
    /// How the series is scaled before the fit: as it is, or to percent
    /// signal change about its mean (nilearn's `signal_scaling=0`), which
    /// makes β̂ a percentage and the series centred near 0.
    public enum Scaling: String, Sendable, CaseIterable {
        case none, percent
    }
    public var basis: Basis = .canonical
    public var scaling: Scaling = .none
    /// High-pass cut-off of SPM's cosine drift basis in seconds; nil for none.
    public var driftCutoff: Double? = 128
    /// Columns of the time series' table added to the design as they are.
    public var confounds: [String] = []
    public var noise: Noise = .ar1
    public var location: SourceLocation

    /// The longest high-pass period the parser takes; a cut-off past the
    /// series' length simply gives no drift columns.
    public static let cutoffRange: ClosedRange<Double> = 1...100_000
}
