import Plot
import Support

/// `stat-map`: a contrast's t (or F) map over the mean EPI or the anatomy,
/// thresholded and said how: uncorrected at p from the map's degrees of
/// freedom, or Benjamini–Hochberg FDR at q, every p-value from Rmath through
/// the GLM target's distributions (`StatThreshold`). Axial slices in a row
/// or a mosaic, voxels at their true aspect, the colour bar with the
/// threshold marked, orientation letters and each slice's height; the peak
/// (or the voxel a `voxel-fit` figure shows) ringed.
enum StatMapFigure: FigureKindDefinition {
    static let name = "stat-map"
    static let summary = "a contrast's thresholded t or F map over the mean EPI or anatomy, axial slices with a colour bar, the threshold (uncorrected p or FDR) stated and the peak marked"

    static let correction = FigureOptionKey.choice(
        "correction", ["none", "fdr"], default: "none",
        "`none` thresholds each voxel at p; `fdr` keeps the false discovery rate at q (Benjamini–Hochberg)")
    static let p = FigureOptionKey.number("p", in: 1e-12...0.5, default: 0.001, "the uncorrected p-value threshold (two-sided for t)")
    static let q = FigureOptionKey.number("q", in: 1e-6...0.5, default: 0.05, "the false discovery rate with `correction: fdr`")
    static let columns = FigureOptionKey.optionalInteger(
        "columns", in: 1...40, absent: "all slices in one row", "slices per row of the mosaic")
    static let marker = FigureOptionKey.flag("marker", default: true, "ring the peak voxel, or the one `voxel` names")
    static let allSlices = FigureOptionKey.flag(
        "all-slices", default: false, "draw every slice, not only those with a fitted voxel")
    static let options: [any FigureOptionDeclaring] = [VolumeOptions.contrast, correction, p, q, columns, VolumeOptions.voxel, marker, allSlices]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    static func threshold(_ context: FigureContext, map: VolumeAnalysis.StatisticMap) -> StatThreshold {
        context.value(correction) == "fdr"
            ? StatThreshold(.fdr(q: context.value(q)), map: map)
            : StatThreshold(.uncorrected(p: context.value(p)), map: map)
    }

    /// The slices drawn, inferior first: those holding a fitted voxel (all with `all-slices`).
    static func shownSlices(_ volume: VolumeAnalysis, _ slices: VolumeSlices, all: Bool) -> [Int] {
        let every = Array(0..<slices.sliceCount)
        guard !all else { return every }
        let some = every.filter { s in
            (0..<slices.rows).contains { r in (0..<slices.columns).contains { c in volume.mask[volume.index(slices.voxel(slice: s, row: r, column: c))] } }
        }
        return some.isEmpty ? every : some
    }

    /// "Coloured: |t| ≥ 3.29, p < 0.001 uncorrected (2 376 df)."
    static func rule(_ threshold: StatThreshold, map: VolumeAnalysis.StatisticMap) -> String {
        let stat = VolumeOptions.statisticName(map)
        let shown = (map.isF ? stat : "|\(stat)|") + " ≥ " + NumberFormat.statistic(threshold.value).text(.unicode)
        let df = map.isF ? "\(map.rows) and " + FMRIText.number(map.df) + " df" : FMRIText.number(map.df) + " df"
        switch threshold.rule {
        case .uncorrected(let p):
            return shown + ", p < " + FMRIText.number(p) + " uncorrected (" + df + ")"
        case .fdr(let q):
            return shown + ", FDR q = " + FMRIText.number(q) + " (Benjamini–Hochberg, " + df + ")"
        }
    }

    /// "34 voxels of 530", or "no voxel of 108 reaches it".
    static func reaching(_ threshold: StatThreshold, fitted: Int) -> String {
        threshold.suprathreshold == 0 ? "no voxel of " + FMRIText.number(Double(fitted)) + " reaches it"
            : FigureDescription.count(threshold.suprathreshold, "voxel") + " of " + FMRIText.number(Double(fitted))
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let volume = try context.volumeAnalysis()
        let map = try context.statisticMap(volume)
        let threshold = threshold(context, map: map)
        let slices = VolumeSlices(volume)
        let shown = shownSlices(volume, slices, all: context.value(allSlices))
        let statMapSlices = shown.map { s in
            StatMap.Slice(label: slices.label(slice: s, volume: volume),
                          values: slices.grid(map.values, slice: s, volume: volume),
                          background: slices.grid(volume.background, slice: s, volume: volume))
        }
        let size = slices.voxelSize(volume)
        var figure = StatMap(size: context.size, title: context.title ?? (VolumeOptions.shown(map.contrast) + ", " + VolumeOptions.statisticName(map) + " map"),
                             slices: statMapSlices, voxelWidth: size.width, voxelHeight: size.height,
                             threshold: map.isF ? .upper(threshold.value) : .twoSided(threshold.value))
        figure.statisticLabel = map.isF ? "$F$" : "$t$"
        figure.columns = context.value(columns)
        figure.limit = map.fitted.map { map.isF ? $0.value : abs($0.value) }.max()
        let inMask = volume.background.indices.filter { volume.mask[$0] }.map { volume.background[$0] }
        if let lo = inMask.min(), let hi = inMask.max(), hi > lo { figure.backgroundRange = lo...hi }
        if context.value(marker), let index = try context.chosenVoxel(volume, map: map) {
            let at = slices.position(of: volume.voxel(index))
            if let k = shown.firstIndex(of: at.slice) { figure.marker = StatMap.Voxel(slice: k, row: at.row, column: at.column) }
        }
        figure.notes = ["Coloured: " + rule(threshold, map: map) + "; " + reaching(threshold, fitted: map.fitted.count)
                        + ". Under it: the " + volume.backgroundName
                        + "; axial slices at height z (mm)."]
        if context.value(CommonFigureOptions.height) == nil { figure.size.height = try figure.fittedHeight() }
        return figure
    }

    /// "face − house t map (AR(1), 2 376 df) over the mean EPI, one axial slice at z = 0 mm (left on the left, anterior up):
    /// 53 of 530 fitted voxels have |t| ≥ 3.29 (p < 0.001 uncorrected), 48 negative and 5 positive; the peak, t = −7.5,
    /// is voxel (12, 8, 0) at x = 23, y = −5, z = 0 mm, ringed."
    static func describe(_ context: FigureContext) throws -> String {
        let volume = try context.volumeAnalysis()
        let map = try context.statisticMap(volume)
        let threshold = threshold(context, map: map)
        let slices = VolumeSlices(volume)
        let shown = shownSlices(volume, slices, all: context.value(allSlices))
        let stat = VolumeOptions.statisticName(map)
        let heights = shown.map { FMRIText.number(slices.height(slice: $0, volume: volume)) + " mm" }
        var text = VolumeOptions.shown(map.contrast) + " " + stat + " map (" + (volume.noise == "ar1" ? "AR(1) prewhitened" : "OLS") + ") over the "
            + volume.backgroundName + ", " + FigureDescription.count(shown.count, "axial slice")
            + (shown.count == 1 ? " at z = " + heights[0] : " from z = " + heights.first! + " to " + heights.last!)
            + " (left on the left, anterior up): " + FigureDescription.count(threshold.suprathreshold, "voxel") + " of "
            + FMRIText.number(Double(map.fitted.count)) + " fitted reach " + rule(threshold, map: map)
        if !map.isF {
            let u = threshold.value
            let negative = map.fitted.filter { $0.value <= -u }.count, positive = map.fitted.filter { $0.value >= u }.count
            text += ", \(negative) negative and \(positive) positive"
        }
        if let peak = map.peak {
            text += "; the peak, " + stat + " = " + NumberFormat.statistic(peak.value).text(.unicode) + ", is "
                + VolumeOptions.place(peak.index, volume: volume)
            if context.value(marker), context.value(VolumeOptions.voxel) == nil { text += ", ringed" }
        }
        if context.value(marker), context.value(VolumeOptions.voxel) != nil, let index = try context.chosenVoxel(volume, map: map) {
            text += "; ringed: " + VolumeOptions.place(index, volume: volume)
        }
        return text + "."
    }
}

extension FigureKind {
    public static let statMap = FigureKind(StatMapFigure.self)
}
