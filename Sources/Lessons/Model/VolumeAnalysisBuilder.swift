import Foundation
import GLM

/// Builds the `VolumeAnalysis` of an fMRI model whose data is scanner
/// volumes, and the fitted model around it. Each run gets its own design
/// (its events, drift and constant, from the GLM target's `FMRIDesign`), the
/// GLM target's voxelwise fit estimates every masked voxel at once and
/// combines the runs by fixed effects, as nilearn's FirstLevelModel does;
/// the contrasts fitted are those the lesson's `stat-map` and `voxel-fit`
/// figures name. The voxels those figures show (each map's peak, or one a
/// figure names) are fitted again on their own, all runs stacked with one
/// block each, so the time-series figure kinds can draw them.
enum VolumeAnalysisBuilder {
    static func fittedModel(_ model: ModelSpec, in spec: LessonSpec) throws -> FittedModel {
        let lesson = VolumeFiles.located(spec)
        guard let fmri = model.fmri, let spec = lesson.dataSpec(for: model).volumes, let eventsSpec = lesson.events else {
            throw LessonError(.badSpec, at: model.location, message: "model '\(model.name)' is not an fMRI design with volumes and events")
        }
        guard fmri.confounds.isEmpty else {
            throw LessonError(.badSpec, at: fmri.location,
                              message: "model '\(model.name)': confounds are columns of a time series' table, and volumes have none",
                              suggestion: "leave 'confounds' out of a model of volumes")
        }
        let runs = try spec.boldPaths.map { try VolumeFiles.read($0, lesson: lesson, location: spec.boldLocation) }
        let geometry = runs[0].geometry
        for (run, path) in zip(runs, spec.boldPaths) where !run.geometry.sameGrid(as: geometry) {
            throw LessonError(.badData, at: spec.boldLocation,
                              message: "NIfTI file '\(path)' is on a \(run.geometry.dims.map(String.init).joined(separator: " × ")) grid unlike '\(spec.boldPaths[0])' (\(geometry.dims.map(String.init).joined(separator: " × ")))",
                              suggestion: "give the runs of one subject, in one space")
        }
        let runLabels = spec.runs.isEmpty ? [""] : spec.runs
        let events = try runLabels.map { try runEvents(eventsSpec, run: $0, runs: spec.runs, lesson: lesson) }
        let options = FMRIDesignOptions(basis: FMRIAnalysisBuilder.basis(fmri.basis),
                                        drift: fmri.driftCutoff.map { .cosine(cutoff: $0) } ?? DriftModel.none)
        let mean = meanVolume(runs)
        do {
            let timings = try runs.map { try ScanTiming(tr: spec.tr, scans: $0.timePoints) }
            let designs = try zip(events, timings).map { try FMRIDesign(runs: [FMRIRun(events: $0, timing: $1, confounds: [])], options: options) }
            for (design, path) in zip(designs, spec.boldPaths) where design.x.columns >= design.x.rows {
                throw LessonError(.badData, at: spec.boldLocation,
                                  message: "'\(path)' has \(design.x.rows) scans for \(design.x.columns) design columns; a fit needs more scans than columns",
                                  suggestion: "use longer runs or a longer drift cut-off")
            }
            let mask = try self.mask(spec, mean: mean, geometry: geometry, lesson: lesson)
            guard mask.contains(true) else {
                throw LessonError(.badData, at: spec.maskLocation ?? spec.location, message: "the mask holds no voxel, so nothing can be fitted",
                                  suggestion: "lower 'mean-above', or check the mask file")
            }
            let background = try self.background(spec, mean: mean, geometry: geometry, lesson: lesson)
            let contrasts = requestedContrasts(model, in: lesson)
            let fit = try FMRIVoxelwiseFit.fit(
                runCount: runs.count, loadRun: { runs[$0] }, designs: designs, mask: mask, geometry: geometry,
                contrasts: contrasts.map { FMRIContrastRequest(name: $0, expression: $0) },
                options: FMRIVoxelwiseOptions(noise: fmri.noise == .ar1 ? .ar1() : .ols, scaling: spec.percentSignal ? .percentPerRun : .none))
            let maps = fit.contrasts.map { contrast in
                var values = [Double](repeating: .nan, count: geometry.voxelCount)
                for (i, voxel) in fit.voxels.enumerated() { values[voxel] = contrast.statistic[i] }
                return VolumeAnalysis.StatisticMap(contrast: contrast.expression, values: values, rows: contrast.rows, df: Double(fit.residualDF))
            }
            var volume = VolumeAnalysis(
                dims: Array(geometry.dims.prefix(3)), voxelSize: Array(geometry.voxelSize.prefix(3)), affine: geometry.affine,
                mask: mask, background: background, backgroundName: spec.background == .mean ? "mean EPI" : "anatomy",
                scansPerRun: runs.map(\.timePoints), noise: fmri.noise.rawValue, maps: maps, voxelModels: [:])
            let shown = try shownVoxels(model, in: lesson, volume: volume)
            let stacked = try FMRIDesign(runs: zip(events, timings).map { FMRIRun(events: $0, timing: $1, confounds: []) }, options: options)
            for index in shown {
                let signal = series(runs, voxel: index, percent: spec.percentSignal)
                let analysis = try voxelAnalysis(signal: signal, design: stacked, events: events, timings: timings, fmri: fmri, tr: spec.tr, percent: spec.percentSignal)
                volume.voxelModels[index] = try FittedModel(fmriSpec: model, analysis: analysis, whitened: nil, labels: lesson.labels,
                                                            notation: lesson.notation)
            }
            var fitted = try volume.voxelModels[shown.first ?? fit.voxels[0]] ?? FittedModel(
                fmriSpec: model, analysis: voxelAnalysis(signal: series(runs, voxel: fit.voxels[0], percent: spec.percentSignal), design: stacked,
                                                         events: events, timings: timings, fmri: fmri, tr: spec.tr, percent: spec.percentSignal),
                whitened: nil, labels: lesson.labels, notation: lesson.notation)
            volume.summarisedVoxel = shown.first ?? fit.voxels[0]
            fitted.volume = volume
            return fitted
        } catch let diagnostic as Diagnostic {
            throw LessonError(diagnostic, model: model)
        } catch let error as FitError {
            throw LessonError(.badData, at: model.location, message: "model '\(model.name)' cannot be fitted: \(error)")
        }
    }

    /// One run's events: the lesson's event files with `{run}` read as this run.
    static func runEvents(_ spec: EventsSpec, run: String, runs: [String], lesson: LessonSpec) throws -> EventTable {
        func file(_ f: EventFile) -> EventFile {
            var f = f
            f.path = runs.isEmpty ? f.path : f.path.replacingOccurrences(of: VolumeSpec.runMarker, with: run)
            return f
        }
        let events: [FMRIAnalysis.Event]
        switch spec.source {
        case .inline(let written):
            events = written.map { FMRIAnalysis.Event(condition: $0.condition, onset: $0.onset, duration: $0.duration, amplitude: $0.amplitude) }
        case .fsl(let files):
            events = try files.flatMap { try EventFiles.fsl(file($0), lesson: lesson) }
        case .bids(let f):
            events = try EventFiles.bids(file(f), lesson: lesson)
        case .codes:
            throw LessonError(.badSpec, at: spec.location, message: "event codes are read from a time series' table, and volumes have none",
                              suggestion: "give the events as FSL or BIDS files (with {run} for the run), or as a list")
        }
        return EventTable(events.map { FMRIEvent(condition: $0.condition, onset: $0.onset, duration: $0.duration, amplitude: $0.amplitude) })
    }

    /// The mean of every scan of every run, voxel by voxel (the mean EPI).
    static func meanVolume(_ runs: [NIfTIVolume]) -> [Double] {
        let count = runs[0].geometry.voxelCount
        var sum = [Double](repeating: 0, count: count)
        var scans = 0
        for run in runs {
            for t in 0..<run.timePoints {
                for v in 0..<count { sum[v] += Double(run.data[t * count + v]) }
            }
            scans += run.timePoints
        }
        return sum.map { $0 / Double(max(scans, 1)) }
    }

    static func mask(_ spec: VolumeSpec, mean: [Double], geometry: NIfTIGeometry, lesson: LessonSpec) throws -> [Bool] {
        switch spec.mask {
        case .all: return mean.map { _ in true }
        case .meanAbove(let level): return FMRIMask.meanAbove(level, mean: mean)
        case .file(let path):
            let location = spec.maskLocation ?? spec.location
            let url = try VolumeFiles.url(path, lesson: lesson, location: location)
            do {
                return try FMRIMask.read(url.path, grid: geometry)
            } catch let diagnostic as Diagnostic {
                throw LessonError(.badData, at: location, message: "mask '\(path)': \(diagnostic.message)", suggestion: diagnostic.suggestion)
            }
        }
    }

    static func background(_ spec: VolumeSpec, mean: [Double], geometry: NIfTIGeometry, lesson: LessonSpec) throws -> [Double] {
        switch spec.background {
        case .mean: return mean
        case .file(let path):
            let location = spec.backgroundLocation ?? spec.location
            let image = try VolumeFiles.read(path, lesson: lesson, location: location)
            guard image.geometry.sameGrid(as: geometry) else {
                throw LessonError(.badData, at: location,
                                  message: "background '\(path)' is on a \(image.geometry.dims.map(String.init).joined(separator: " × ")) grid, not the BOLD images' \(geometry.dims.map(String.init).joined(separator: " × "))",
                                  suggestion: "resample it to the BOLD grid, or write background: mean")
            }
            return (0..<geometry.voxelCount).map { Double(image.data[$0]) }
        }
    }

    /// The lesson's `stat-map` and `voxel-fit` figures of this model.
    static func volumeFigures(_ model: ModelSpec, in lesson: LessonSpec) -> [FigureSpec] {
        lesson.figures.filter { figure in
            (figure.kind == .statMap || figure.kind == .voxelFit)
                && (figure.model == model.name || (figure.model == nil && lesson.models.first?.name == model.name))
        }
    }

    /// The contrasts the lesson's volume figures of this model name, in order, once each.
    static func requestedContrasts(_ model: ModelSpec, in lesson: LessonSpec) -> [String] {
        var seen: [String] = []
        for figure in volumeFigures(model, in: lesson) {
            guard let contrast = figure.value(VolumeOptions.contrast),
                  !seen.contains(where: { VolumeAnalysis.normalised($0) == VolumeAnalysis.normalised(contrast) }) else { continue }
            seen.append(contrast)
        }
        return seen
    }

    /// The voxels the figures show: each figure's named voxel, else its map's peak;
    /// those of `voxel-fit` figures first, since the first is the one the model's
    /// summary in fits.json describes, and a voxel-fit figure draws its fit.
    static func shownVoxels(_ model: ModelSpec, in lesson: LessonSpec, volume: VolumeAnalysis) throws -> [Int] {
        var shown: [Int] = []
        let figures = volumeFigures(model, in: lesson)
        for figure in figures.filter({ $0.kind == .voxelFit }) + figures.filter({ $0.kind != .voxelFit }) {
            guard let contrast = figure.value(VolumeOptions.contrast), let map = volume.map(contrast) else { continue }
            var index = map.peak?.index
            if let written = figure.value(VolumeOptions.voxel) {
                let dims = volume.dims
                if written.count == 3, written.allSatisfy({ $0 == $0.rounded() && $0 >= 0 }), (0..<3).allSatisfy({ Int(written[$0]) < dims[$0] }) {
                    index = volume.index(written.map { Int($0) })
                }
            }
            if let index, volume.mask[index], !shown.contains(index) { shown.append(index) }
        }
        return shown
    }

    /// A voxel's series over every run, each scaled as the voxelwise fit scaled it.
    static func series(_ runs: [NIfTIVolume], voxel: Int, percent: Bool) -> [Double] {
        runs.flatMap { FMRIVoxelwiseFit.scaledSeries($0, voxel: voxel, scaling: percent ? .percentPerRun : .none) }
    }

    /// One voxel's analysis with every run stacked, one block each.
    static func voxelAnalysis(signal: [Double], design: FMRIDesign, events: [EventTable], timings: [ScanTiming],
                              fmri: FMRIModelSpec, tr: Double, percent: Bool) throws -> FMRIAnalysis {
        let (columns, roles) = FMRIAnalysisBuilder.columnsAndRoles(design)
        let ols = try design.fit(signal)
        let rho = AR1Prewhitening.yuleWalkerLag1(ols.residuals)
        // Scan times run on across runs, so the panels read as one session.
        var times: [Double] = []
        var offset = 0.0
        for timing in timings {
            times += timing.frameTimes.map { $0 + offset }
            offset += Double(timing.scanCount) * tr
        }
        var allEvents: [FMRIAnalysis.Event] = []
        offset = 0
        for (table, timing) in zip(events, timings) {
            allEvents += table.events.map { FMRIAnalysis.Event(condition: $0.condition, onset: $0.onset + offset, duration: $0.duration, amplitude: $0.amplitude) }
            offset += Double(timing.scanCount) * tr
        }
        let timing = timings[0]
        let curves = FMRIAnalysisBuilder.basis(.canonicalTemporalDispersion)
            .functions(microtimeStep: FMRIAnalysisBuilder.curveStep, microtimeResolution: timing.microtimeResolution)
        let kernel = design.options.basis.functions(microtimeStep: timing.microtimeStep, microtimeResolution: timing.microtimeResolution)[0]
        let micro = design.conditions.map { condition in
            Array(FMRIRegressor.convolve(FMRIRegressor.stimulus(events[0].events(of: condition), timing: timing), with: kernel)
                .dropFirst(FMRIRegressor.microtimeOffset))
        }
        return FMRIAnalysis(
            seriesName: "bold", signal: signal, tr: tr, times: times, events: allEvents, conditions: design.conditions,
            columnNames: design.columnNames, columns: columns, roles: roles, basisStep: FMRIAnalysisBuilder.curveStep, basisCurves: curves,
            microtimeStep: timing.microtimeStep, microtimeRegressors: micro, ols: FMRIAnalysisBuilder.estimates(ols), prewhitened: nil,
            ar1: rho, ar1Used: 0, scaling: percent ? .percent : .none, contrasts: [])
    }
}
