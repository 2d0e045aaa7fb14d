import Foundation

/// How each run's time series are scaled before fitting.
public enum FMRISignalScaling: Sendable, Equatable {
    /// As read.
    case none
    /// Percent signal change per run and voxel, as nilearn's `signal_scaling=0`:
    /// 100·(y/ȳ − 1), with ȳ the voxel's mean over the run's scans (a mean of
    /// exactly 0 is taken as 1, as nilearn does).
    case percentPerRun
}

/// Options of a voxelwise fit.
public struct FMRIVoxelwiseOptions: Sendable, Equatable {
    /// AR(1) by default: fMRI noise is autocorrelated (the nitime series' OLS
    /// residuals have lag-1 r ≈ 0.88), and OLS t values are then too large.
    public var noise: FMRINoiseModel = .ar1()
    public var scaling: FMRISignalScaling = .percentPerRun
    /// Voxels per block; nil chooses from the cache size (`blockSize(scans:)`).
    public var blockSize: Int? = nil
    /// Fit only in-mask voxels whose flat index (i fastest, then j, k) lies in this
    /// range: one piece of a fit split over processes or machines.
    public var voxelRange: Range<Int>? = nil

    public init(
        noise: FMRINoiseModel = .ar1(), scaling: FMRISignalScaling = .percentPerRun, blockSize: Int? = nil,
        voxelRange: Range<Int>? = nil
    ) {
        self.noise = noise
        self.scaling = scaling
        self.blockSize = blockSize
        self.voxelRange = voxelRange
    }
}

/// A named contrast, written as `FMRIDesign.contrastWeights` reads it
/// (`face - house`; rows separated by `;` for F).
public struct FMRIContrastRequest: Sendable, Equatable {
    public var name: String
    public var expression: String
    public init(name: String, expression: String) {
        self.name = name
        self.expression = expression
    }
}

/// One contrast over every fitted voxel, combined over runs by fixed effects.
public struct FMRIContrastMap: Sendable {
    public let name: String
    public let expression: String
    /// Rows of the contrast: 1 gives t, more give F.
    public let rows: Int
    public var isF: Bool { rows > 1 }
    /// The contrast estimate per fitted voxel, `rows` values each (voxel i's at
    /// i·rows …), averaged over runs: Cβ̂ for t; for F nilearn's whitened
    /// (C(XᵀX)⁺Cᵀ)^(−1/2)Cβ̂.
    public let effect: [Double]
    /// One value per fitted voxel, summed over runs and divided by runs²: the
    /// variance σ̂²·C(XᵀX)⁺Cᵀ of Cβ̂ for t; σ̂² for F. Then t = effect/√variance
    /// and F = Σ effect² / rows / variance, nilearn's fixed-effects statistics
    /// (its F over runs is the approximation nilearn warns about; for one run it
    /// is the exact F).
    public let variance: [Double]
    /// t (one row) or F (several) per fitted voxel.
    public let statistic: [Double]
    /// Residual degrees of freedom summed over runs (the t's df; F's second df).
    public let residualDF: Int
}

/// The strongest voxel of a map.
public struct FMRIPeak: Sendable, Equatable {
    /// Flat voxel index in the grid.
    public let index: Int
    /// (i, j, k) in the grid, from 0.
    public let voxel: [Int]
    /// World coordinate (mm) through the image's affine.
    public let world: [Double]
    public let value: Double
}

/// The GLM fitted at every voxel of one subject's runs: for each run its own
/// design (its drift and constant), one factorisation per run, BLAS level 3 on
/// blocks of voxels; runs combined by fixed effects as nilearn's FirstLevelModel
/// combines them (contrast estimates averaged, variances added and divided by
/// runs², degrees of freedom summed), so t = ΣCβ̂ᵣ / √(Σ Var ᵣ).
public struct FMRIVoxelwiseFit: Sendable {
    public let geometry: NIfTIGeometry
    /// The mask over the whole grid (before `voxelRange`).
    public let mask: [Bool]
    /// Flat indices of the voxels fitted, ascending.
    public let voxels: [Int]
    public let options: FMRIVoxelwiseOptions
    /// Conditions with a β map (the first basis column of each).
    public let conditions: [String]
    /// β̂ per condition and fitted voxel: the mean over runs.
    public let beta: [[Double]]
    /// σ̂² per fitted voxel: the mean over runs.
    public let sigma2: [Double]
    /// The AR(1) coefficient used, per fitted voxel (mean over runs); nil under OLS.
    public let arCoefficient: [Double]?
    /// Residual degrees of freedom summed over runs.
    public let residualDF: Int
    public let contrasts: [FMRIContrastMap]
    public let scansPerRun: [Int]
    /// Voxels per block used.
    public let blockSize: Int
    /// The design matrix of each run and its column names, as fitted.
    public let designMatrices: [Matrix]
    public let designColumnNames: [[String]]

    /// The voxels per block for runs of `scans` scans: a block of Y (scans × block
    /// doubles) about four times the L2 cache, the size at which OpenBLAS's own
    /// tiling runs at full speed while the working set (Y, residuals, whitened Y:
    /// three blocks) stays a few MB whatever the image size.
    public static func blockSize(scans: Int) -> Int {
        var cache = sysconf(Int32(_SC_LEVEL2_CACHE_SIZE))
        if cache <= 0 { cache = 1 << 20 }
        let bytes = 4 * max(cache, 256 << 10)
        return min(16384, max(64, bytes / (8 * max(scans, 1))))
    }

    /// Fits runs read one at a time by `loadRun` (so at most one run's data is in
    /// memory), with `designs[r]` the design of run r (one run each) and contrasts
    /// written with its column names.
    public static func fit(
        runCount: Int, loadRun: (Int) throws -> NIfTIVolume, designs: [FMRIDesign], mask: [Bool],
        geometry: NIfTIGeometry, contrasts requests: [FMRIContrastRequest], options: FMRIVoxelwiseOptions = .init(),
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> FMRIVoxelwiseFit {
        precondition(designs.count == runCount && runCount > 0, "one design per run")
        let weights = try designs.map { d in try requests.map { try d.contrastWeights($0.expression) } }
        let conditions = designs[0].conditions
        return try fit(
            runCount: runCount, loadRun: loadRun, matrices: designs.map(\.x),
            columnNames: designs.map(\.columnNames), weights: weights, conditions: conditions,
            conditionColumns: designs.map { d in conditions.map { d.columnIndices(condition: $0).first } },
            mask: mask, geometry: geometry, contrasts: requests, options: options, progress: progress)
    }

    /// The same from design matrices given as they are (e.g. another program's),
    /// with each contrast's weights per run and the column of each condition's β.
    static func fit(
        runCount: Int, loadRun: (Int) throws -> NIfTIVolume, matrices: [Matrix], columnNames: [[String]],
        weights: [[Matrix]], conditions: [String], conditionColumns: [[Int?]], mask: [Bool],
        geometry: NIfTIGeometry, contrasts requests: [FMRIContrastRequest], options: FMRIVoxelwiseOptions,
        progress: ((_ done: Int, _ total: Int) -> Void)?
    ) throws -> FMRIVoxelwiseFit {
        precondition(matrices.count == runCount && weights.count == runCount && runCount > 0, "one design per run")
        guard mask.count == geometry.voxelCount else {
            throw Diagnostic(.badData, "the mask has \(mask.count) voxels but the images have \(geometry.voxelCount)")
        }
        let voxels = mask.indices.filter { mask[$0] && options.voxelRange?.contains($0) != false }
        let count = voxels.count
        let sums = FixedEffectsSums(
            voxels: count, conditions: conditions.count, contrastRows: weights[0].map(\.rows))
        var df = 0
        var scans: [Int] = []
        let maxScans = matrices.map { $0.rows }.max() ?? 1
        let block = max(1, options.blockSize ?? blockSize(scans: maxScans))
        let blockStarts = Array(Swift.stride(from: 0, to: count, by: block))
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, blockStarts.count))
        let progressReport = ProgressReport(total: count * runCount, report: progress)
        for r in 0..<runCount {
            let volume = try loadRun(r)
            let source = volume.source ?? "run \(r + 1)"
            guard volume.geometry.sameGrid(as: geometry) else {
                throw Diagnostic(
                    .badData,
                    "has a \(volume.geometry.dims.map(String.init).joined(separator: "×")) grid or an affine unlike the first run's \(geometry.dims.map(String.init).joined(separator: "×"))",
                    location: .init(file: source), suggestion: "give runs of one subject in one space")
            }
            let x = matrices[r]
            let n = volume.timePoints
            guard n == x.rows else {
                throw Diagnostic(
                    .badData, "has \(n) scans but its design has \(x.rows)", location: .init(file: source),
                    suggestion: "give one events file per run, in the order of the runs")
            }
            for (c, w) in weights[r].enumerated() where w.rows != weights[0][c].rows {
                throw Diagnostic(.badFormula, "contrast \"\(requests[c].name)\" has a different number of rows in run \(r + 1)")
            }
            scans.append(n)
            let design = try FactorisedDesign(x: x, contrasts: weights[r])
            let fitters = (0..<workers).map { _ in VoxelBlockFitter(design: design, noise: options.noise) }
            let columns = conditionColumns[r]
            let failure = FirstFailure()
            try volume.data.withUnsafeBufferPointer { data in
                let samples = RunSamples(base: data.baseAddress!, stride: geometry.voxelCount, scans: n)
                // Each worker fits every `workers`-th block with its own buffers and its own
                // fitter; blocks never share a voxel, so the sums they add to are disjoint
                // and the maps do not depend on which worker fitted which block.
                let work: @Sendable (Int) -> Void = { w in
                    let fitter = fitters[w]
                    var y = [Double](repeating: 0, count: n * min(block, count))
                    for index in Swift.stride(from: w, to: blockStarts.count, by: workers) {
                        if failure.happened { return }
                        let start = blockStarts[index]
                        let b = min(block, count - start)
                        if y.count != n * b { y = [Double](repeating: 0, count: n * b) }
                        samples.gather(voxels, from: start, count: b, into: &y)
                        if options.scaling == .percentPerRun { Self.percentSignal(&y, scans: n, voxels: b) }
                        do {
                            let result = try fitter.fit(y, voxels: b)
                            sums.add(result, at: start, voxels: b, regressors: x.columns, conditionColumns: columns)
                            progressReport.advance(by: b)
                        } catch {
                            failure.record(error)
                            return
                        }
                    }
                }
                if workers == 1 {
                    work(0)
                } else {
                    // Two levels of threads would fight for the cores: each worker's products
                    // run on its own thread.
                    BLASMatrixProduct.withOneLibraryThread {
                        DispatchQueue.concurrentPerform(iterations: workers, execute: work)
                    }
                }
                if let error = failure.error { throw error }
            }
            // Whitening (xₜ − ρ·xₜ₋₁, row 0 kept) is invertible, so an AR(1) fit keeps
            // the design's rank and its residual degrees of freedom.
            df += design.residualDF
        }
        let (betaSum, sigmaSum, arSum, effectSum, varianceSum) = sums.totals
        let runs = Double(runCount)
        let maps = requests.indices.map { c -> FMRIContrastMap in
            let q = weights[0][c].rows
            let effect = effectSum[c].map { $0 / runs }
            let variance = varianceSum[c].map { $0 / (runs * runs) }
            var statistic = [Double](repeating: 0, count: count)
            for i in 0..<count {
                if q == 1 {
                    statistic[i] = effect[i] / variance[i].squareRoot()
                } else {
                    var s = 0.0
                    for r in 0..<q { s += effect[i * q + r] * effect[i * q + r] }
                    statistic[i] = s / Double(q) / variance[i]
                }
            }
            return FMRIContrastMap(
                name: requests[c].name, expression: requests[c].expression, rows: q, effect: effect,
                variance: variance, statistic: statistic, residualDF: df)
        }
        return FMRIVoxelwiseFit(
            geometry: geometry, mask: mask, voxels: voxels, options: options, conditions: conditions,
            beta: betaSum.map { $0.map { $0 / runs } }, sigma2: sigmaSum.map { $0 / runs },
            arCoefficient: options.noise == .ols ? nil : arSum.map { $0 / runs }, residualDF: df,
            contrasts: maps, scansPerRun: scans, blockSize: block, designMatrices: matrices,
            designColumnNames: columnNames)
    }

    /// Percent signal change of each of the b series in `y` (stored v + t·b), in
    /// place: the voxel's mean summed over scans in order, as one series' mean is.
    private static func percentSignal(_ y: inout [Double], scans n: Int, voxels b: Int) {
        var mean = [Double](repeating: 0, count: b)
        y.withUnsafeMutableBufferPointer { y in
            mean.withUnsafeMutableBufferPointer { mean in
                for t in 0..<n { for v in 0..<b { mean[v] += y[t * b + v] } }
                for v in 0..<b {
                    mean[v] /= Double(n)
                    if mean[v] == 0 { mean[v] = 1 }
                }
                for t in 0..<n { for v in 0..<b { y[t * b + v] = 100 * (y[t * b + v] / mean[v] - 1) } }
            }
        }
    }

    /// A 3-D map of per-voxel `values` (one per fitted voxel) on the grid, 0 outside
    /// the fitted voxels (as nilearn's maps are 0 outside the mask).
    public func volume(_ values: [Double]) -> NIfTIVolume {
        precondition(values.count == voxels.count, "one value per fitted voxel")
        var data = [Float](repeating: 0, count: geometry.voxelCount)
        for (i, v) in voxels.enumerated() { data[v] = Float(values[i]) }
        return NIfTIVolume(geometry: geometry, data: data)
    }

    /// The fitted voxels as a 0/1 map.
    public var fittedMask: NIfTIVolume { volume([Double](repeating: 1, count: voxels.count)) }

    /// The voxel with the largest |statistic| of contrast `index` (t keeps its sign).
    public func peak(contrast index: Int) -> FMRIPeak? {
        let values = contrasts[index].statistic
        guard let best = values.indices.filter({ values[$0].isFinite }).max(by: {
            (abs(values[$0]), voxels[$1]) < (abs(values[$1]), voxels[$0])
        }) else { return nil }
        let flat = voxels[best]
        let ijk = geometry.voxel(flat)
        return FMRIPeak(index: flat, voxel: ijk, world: geometry.world(ijk), value: values[best])
    }

    /// The time series of fitted voxel `flat` in run `run` as fitted (after scaling),
    /// with the design's fit — what a voxel-fit figure draws.
    public static func scaledSeries(_ volume: NIfTIVolume, voxel flat: Int, scaling: FMRISignalScaling) -> [Double] {
        var y = volume.series(at: flat).map(Double.init)
        if scaling == .percentPerRun, !y.isEmpty { percentSignal(&y, scans: y.count, voxels: 1) }
        return y
    }
}
