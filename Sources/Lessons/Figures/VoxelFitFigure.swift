import Plot
import Support

/// `voxel-fit`: one voxel's time series and its fitted model, taken apart as
/// `timeseries-fit` takes a series apart (the same drawing: signal and fit,
/// each condition's contribution, drift and constant, residuals), under a
/// small map of the contrast that rings the voxel, so the series is tied to
/// its place in the brain. The voxel is the one `voxel` names, else the
/// map's peak. The series is in percent signal when the volumes are scaled.
enum VoxelFitFigure: FigureKindDefinition {
    static let name = "voxel-fit"
    static let summary = "the time series and fitted model of one voxel (the peak, or one named by its indices), under a small map of the contrast that rings it"

    static let options: [any FigureOptionDeclaring] = [VolumeOptions.contrast, VolumeOptions.voxel, TimeWindow.fromOption, TimeWindow.toOption]
    static let animation: FigureKindAnimation? = nil
    static func exports(_ context: FigureContext) throws -> [FigureExport] { [] }

    /// The voxel, its map, and a context whose model is the voxel's own fit,
    /// so `timeseries-fit` draws it.
    static func voxelContext(_ context: FigureContext) throws -> (volume: VolumeAnalysis, map: VolumeAnalysis.StatisticMap, index: Int, voxel: FigureContext) {
        let volume = try context.volumeAnalysis()
        let map = try context.statisticMap(volume)
        guard let index = try context.chosenVoxel(volume, map: map) else { throw context.fail("the map of '\(map.contrast)' has no fitted voxel") }
        guard let model = volume.voxelModels[index] else { throw context.fail("voxel \(volume.voxel(index)) was not prepared for drawing") }
        return (volume, map, index, FigureContext(figure: context.figure, model: model))
    }

    /// The small map: the voxel's slice only, the threshold a map at p < 0.001 uncorrected would use.
    static func locator(_ volume: VolumeAnalysis, map: VolumeAnalysis.StatisticMap, index: Int, width: Double) throws -> StatMap {
        let slices = VolumeSlices(volume)
        let at = slices.position(of: volume.voxel(index))
        let threshold = StatThreshold(.uncorrected(p: StatMapFigure.p.defaultValue), map: map)
        let size = slices.voxelSize(volume)
        var figure = StatMap(size: Size(width: width, height: 300), title: nil,
                             slices: [StatMap.Slice(label: slices.label(slice: at.slice, volume: volume),
                                                    values: slices.grid(map.values, slice: at.slice, volume: volume),
                                                    background: slices.grid(volume.background, slice: at.slice, volume: volume))],
                             voxelWidth: size.width, voxelHeight: size.height,
                             threshold: map.isF ? .upper(threshold.value) : .twoSided(threshold.value))
        figure.statisticLabel = map.isF ? "$F$" : "$t$"
        figure.marker = StatMap.Voxel(slice: 0, row: at.row, column: at.column)
        // The whole map's colours, not this slice's: a voxel looks as it does on the full map.
        figure.limit = map.fitted.map { abs($0.value) }.max()
        let inMask = volume.background.indices.filter { volume.mask[$0] }.map { volume.background[$0] }
        if let lo = inMask.min(), let hi = inMask.max(), hi > lo { figure.backgroundRange = lo...hi }
        figure.notes = ["Ringed: " + VolumeOptions.place(index, volume: volume) + "; " + VolumeOptions.statisticName(map) + " = "
                        + NumberFormat.statistic(map.values[index]).text(.unicode) + " for " + VolumeOptions.shown(map.contrast)
                        + "; coloured at " + StatMapFigure.rule(threshold, map: map) + "."]
        // A tall slice (the 25 mm brain is 6 × 10 voxels) would make the
        // locator as tall as the panels under it; past 360 px it shrinks.
        figure.size.height = min(try figure.fittedHeight(), 360)
        return figure
    }

    static func make(_ context: FigureContext) throws -> any Figure {
        let (volume, map, index, voxel) = try voxelContext(context)
        let width = context.size.width
        var panels = try TimeseriesFitFigure.make(voxel)
        if var shared = panels as? SharedXPanels {
            let v = volume.voxel(index)
            shared.title = context.title ?? "The series at voxel (\(v[0]), \(v[1]), \(v[2])) and its fit"
            panels = shared
        }
        // The map is small: it says where, the panels say what.
        return FigureColumn([try locator(volume, map: map, index: index, width: min(width, max(400, 0.75 * width))), panels])
    }

    /// "The fit at voxel (12, 8, 0) at x = 23, y = −5, z = 0 mm (t = −7.5 for face − house), ringed on its slice; " + the time-series description.
    static func describe(_ context: FigureContext) throws -> String {
        let (volume, map, index, voxel) = try voxelContext(context)
        return "A map of " + VolumeOptions.shown(map.contrast) + " ringing " + VolumeOptions.place(index, volume: volume) + " ("
            + VolumeOptions.statisticName(map) + " = " + NumberFormat.statistic(map.values[index]).text(.unicode) + "), over its series: "
            + (try TimeseriesFitFigure.describe(voxel))
    }
}

extension FigureKind {
    public static let voxelFit = FigureKind(VoxelFitFigure.self)
}
