/// AR(1) prewhitening for the fMRI lessons (the GLM target has no AR model
/// yet). The coefficient is nilearn's `ar1` estimate, the Yule–Walker
/// estimate from the OLS residuals, ρ̂ = Σ eₜeₜ₋₁ / Σ eₜ² (no mean removed:
/// the residuals of a model with a constant sum to zero; nilearn then rounds
/// ρ̂ down to a multiple of 0.01 to share fits between voxels, which one
/// series does not need). Whitening is Cochrane–Orcutt's: every scan but the
/// first becomes yₜ − ρ̂yₜ₋₁, and the first, which has no predecessor, is left
/// out. nilearn keeps the first scan unchanged instead; then the whitened
/// constant column is 1 in that row and 1 − ρ̂ in every other, so the fit has
/// no intercept and a series in scanner units (≈ 2 000) has one whitened value
/// twice the others, which makes R² near 1 whatever the model explains.
/// Leaving it out keeps the constant constant and R² meaningful, at the cost
/// of one scan of 121 or 3 360.
enum FMRIPrewhitening {
    static func ar1(_ residuals: [Double]) -> Double {
        let denominator = residuals.reduce(0) { $0 + $1 * $1 }
        guard denominator > 0, residuals.count > 1 else { return 0 }
        var numerator = 0.0
        for t in 1..<residuals.count { numerator += residuals[t] * residuals[t - 1] }
        return numerator / denominator
    }

    /// yₜ − ρ yₜ₋₁ for t = 2 … n: one value fewer than `x`.
    static func whiten(_ x: [Double], rho: Double) -> [Double] {
        x.indices.dropFirst().map { x[$0] - rho * x[$0 - 1] }
    }
}
