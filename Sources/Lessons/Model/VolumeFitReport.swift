/// The `volume` entry a model fitted at every voxel adds to its `fits.json`
/// object: the grid, the runs and the mask, each contrast's map (its range,
/// degrees of freedom and peak), and for each `stat-map` figure the
/// threshold it used and how many voxels reach it, so every number a map
/// figure prints can be checked against the file.
struct VolumeFitReport: Encodable, Sendable {
    struct Peak: Encodable, Sendable {
        let voxel: [Int]
        let worldMM: [Double]
        let value: Double
    }
    struct Map: Encodable, Sendable {
        let contrast: String
        let statistic: String
        let df: Double
        let rows: Int
        let minimum: Double?
        let maximum: Double?
        let peak: Peak?
    }
    struct Threshold: Encodable, Sendable {
        let contrast: String
        let correction: String
        let level: Double
        let threshold: Double
        let suprathresholdVoxels: Int
        let fittedVoxels: Int
    }

    /// Which voxel the model's coefficients, R² and σ̂ describe, and how they were
    /// fitted: the maps come from every voxel, the summary from one.
    struct SummarisedVoxel: Encodable, Sendable {
        let voxel: [Int]
        let worldMM: [Double]
        let fit: String
    }

    let grid: [Int]
    let voxelSizeMM: [Double]
    let runs: Int
    let scansPerRun: [Int]
    let noise: String
    let maskedVoxels: Int
    let background: String
    let maps: [Map]
    let thresholds: [String: Threshold]
    let summarisedVoxel: SummarisedVoxel?

    init(_ volume: VolumeAnalysis, figures: [FigureSpec]) {
        grid = volume.dims
        voxelSizeMM = volume.voxelSize
        runs = volume.scansPerRun.count
        scansPerRun = volume.scansPerRun
        noise = volume.noise
        maskedVoxels = volume.maskedCount
        background = volume.backgroundName
        maps = volume.maps.map { map in
            let values = map.fitted.map(\.value)
            return Map(contrast: map.contrast, statistic: map.isF ? "F" : "t", df: map.df, rows: map.rows,
                       minimum: values.min(), maximum: values.max(),
                       peak: map.peak.map { Peak(voxel: volume.voxel($0.index), worldMM: volume.world(volume.voxel($0.index)), value: $0.value) })
        }
        var thresholds: [String: Threshold] = [:]
        for figure in figures where figure.kind == .statMap {
            guard let contrast = figure.value(VolumeOptions.contrast), let map = volume.map(contrast) else { continue }
            let fdr = figure.value(StatMapFigure.correction) == "fdr"
            let level = fdr ? figure.value(StatMapFigure.q) : figure.value(StatMapFigure.p)
            let threshold = StatThreshold(fdr ? .fdr(q: level) : .uncorrected(p: level), map: map)
            thresholds[figure.id] = Threshold(contrast: map.contrast, correction: fdr ? "fdr" : "none", level: level,
                                              threshold: threshold.value, suprathresholdVoxels: threshold.suprathreshold,
                                              fittedVoxels: map.fitted.count)
        }
        self.thresholds = thresholds
        summarisedVoxel = volume.summarisedVoxel.map { index in
            let ijk = volume.voxel(index)
            return SummarisedVoxel(
                voxel: ijk, worldMM: volume.world(ijk),
                fit: "ordinary least squares of this voxel's series on every run's own design (one block of columns per run, "
                    + "so each run is fitted alone); the voxel-fit figures draw it. The maps are "
                    + (volume.noise == "ar1" ? "AR(1)-prewhitened fits" : "ordinary least-squares fits")
                    + " of every voxel, run by run, combined by fixed effects")
        }
    }
}
