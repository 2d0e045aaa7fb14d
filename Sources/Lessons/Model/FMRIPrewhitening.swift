/// AR(1) prewhitening as nilearn's `ar1` noise model does it, for the fMRI
/// lessons until the GLM target has its own: the coefficient is the
/// Yule–Walker estimate from the OLS residuals, ρ̂ = Σ eₜeₜ₋₁ / Σ eₜ² (no
/// mean removed: the residuals of a model with a constant sum to zero), and
/// whitening subtracts ρ̂ times the previous scan from every scan but the
/// first, which is kept as it is (nilearn's `ARModel.whiten`). nilearn also
/// rounds ρ̂ down to a multiple of 0.01 to share fits between voxels; one
/// series needs no sharing, so ρ̂ is used as estimated.
enum FMRIPrewhitening {
    static func ar1(_ residuals: [Double]) -> Double {
        let denominator = residuals.reduce(0) { $0 + $1 * $1 }
        guard denominator > 0, residuals.count > 1 else { return 0 }
        var numerator = 0.0
        for t in 1..<residuals.count { numerator += residuals[t] * residuals[t - 1] }
        return numerator / denominator
    }

    static func whiten(_ x: [Double], rho: Double) -> [Double] {
        x.indices.map { $0 == 0 ? x[0] : x[$0] - rho * x[$0 - 1] }
    }
}
