import GLM
import Support

/// What `glmviz fmri fit` prints: the fit's size, then each contrast's range and
/// its peak with voxel and world coordinates, then where the maps went.
enum FMRIFitSummary {
    static func text(
        _ fit: FMRIVoxelwiseFit, runs: Int, tr: Double, mask: String, written: [String], folder: String
    ) -> String {
        func n(_ value: Double, _ precision: Precision = .decimals(2)) -> String {
            NumberFormat.number(value, precision).text(.unicode)
        }
        let scans = Set(fit.scansPerRun).count == 1
            ? "\(fit.scansPerRun[0]) scans" : fit.scansPerRun.map(String.init).joined(separator: "/") + " scans"
        var lines = [
            "\(runs) run\(runs == 1 ? "" : "s") × \(scans), TR \(NumberFormat.label(tr).text(.unicode)) s; "
                + "\(fit.voxels.count) voxels fitted (mask \(mask): \(fit.mask.filter { $0 }.count) voxels)",
            "noise \(fit.options.noise == .ols ? "OLS" : "AR(1)"), "
                + "\(fit.options.scaling == .percentPerRun ? "percent signal per run" : "unscaled"), "
                + "runs combined by fixed effects; residual df \(fit.residualDF)",
        ]
        for (index, c) in fit.contrasts.enumerated() {
            let kind = c.isF ? "F" : "t"
            let finite = c.statistic.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max(), let peak = fit.peak(contrast: index) else {
                lines.append("\(c.expression): no finite \(kind)")
                continue
            }
            let world = peak.world.map { n($0, .decimals(1)) }.joined(separator: ", ")
            lines.append(
                "\(c.expression): \(kind) from \(n(low)) to \(n(high)); peak \(kind) = \(n(peak.value)) "
                    + "at voxel (\(peak.voxel.map(String.init).joined(separator: ", "))), (\(world)) mm")
        }
        lines.append("wrote \(written.count) files to \(folder)")
        return lines.joined(separator: "\n")
    }
}
