/// An fMRI model made concrete: the series, the events, the design's columns
/// and what each stands for, and the fit with and without AR(1)
/// prewhitening. The figure kinds of the fMRI chapter draw from this alone,
/// so none of them repeats a statistic (built in `FMRIAnalysis+Build`).
public struct FMRIAnalysis: Sendable {
    /// One stimulus event, in seconds from the first scan.
    public struct Event: Sendable, Equatable {
        public var condition: String
        public var onset: Double
        public var duration: Double
        public var amplitude: Double
    }

    /// What a design column stands for.
    public enum Role: Sendable, Equatable {
        /// A condition's events convolved with the canonical HRF.
        case condition(String)
        /// A further basis function of a condition (temporal or dispersion derivative).
        case derivative(String)
        case drift
        case confound
        case constant
    }

    /// One least-squares fit of the series: by OLS, or on prewhitened data.
    public struct Estimates: Sendable {
        public var beta: [Double]
        public var standardErrors: [Double]
        public var t: [Double]
        public var residualDF: Int
        /// Residuals in the series' units (for a prewhitened fit, of the
        /// whitened series; these are what the autocorrelation figure shows).
        public var residuals: [Double]
    }

    /// The series' column name and its values, one per scan.
    public var seriesName: String
    public var signal: [Double]
    public var tr: Double
    /// Scan times (seconds from the first scan's start).
    public var times: [Double]
    public var events: [Event]
    /// Conditions in design order.
    public var conditions: [String]
    public var columnNames: [String]
    /// Design columns, one value per scan each.
    public var columns: [[Double]]
    public var roles: [Role]
    /// The response basis on a fine grid from 0 (for the HRF figure): the
    /// canonical HRF, its temporal and its dispersion derivative, each
    /// scaled as SPM's basis set scales it, `basisStep` seconds apart.
    public var basisStep: Double
    public var basisCurves: [[Double]]
    /// Each condition's canonical regressor before sampling: events
    /// convolved at microtime resolution, `microtimeStep` seconds apart from 0.
    public var microtimeStep: Double
    public var microtimeRegressors: [[Double]]
    public var ols: Estimates
    /// The fit after AR(1) prewhitening; nil when the model says `noise: ols`.
    public var prewhitened: Estimates?
    /// The AR(1) coefficient estimated from the OLS residuals (nilearn's
    /// lag-1 Yule–Walker estimate).
    public var ar1: Double
    /// The coefficient the prewhitening used: `ar1` truncated to a multiple of
    /// 0.01, as nilearn groups voxels (0 without prewhitening).
    public var ar1Used: Double
    /// How the series was scaled before the fit.
    public var scaling: FMRIModelSpec.Scaling
    /// Contrasts by name, as weights over the columns (`face - house`).
    public var contrasts: [(name: String, weights: [Double])]

    /// The fit the model reports: prewhitened when it asks for AR(1), else OLS.
    public var reported: Estimates { prewhitened ?? ols }

    /// The series the model predicts (OLS): Xβ̂.
    public var fitted: [Double] { contribution(of: Array(columns.indices), beta: ols.beta) }

    /// Σⱼ βⱼ xⱼ over the columns `indices`.
    public func contribution(of indices: [Int], beta: [Double]) -> [Double] {
        var sum = [Double](repeating: 0, count: signal.count)
        for j in indices { for i in sum.indices { sum[i] += beta[j] * columns[j][i] } }
        return sum
    }

    /// The columns of one role.
    public func indices(_ matches: (Role) -> Bool) -> [Int] { roles.indices.filter { matches(roles[$0]) } }

    /// The column of a condition's canonical regressor.
    public func column(of condition: String) -> Int? { roles.firstIndex(of: .condition(condition)) }
}
