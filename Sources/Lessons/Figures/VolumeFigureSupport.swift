import Plot
import Support

/// What the `stat-map` and `voxel-fit` kinds share: the volume analysis of
/// the figure's model, the contrast and voxel options, the threshold, and
/// how a voxel is named in words.
extension FigureContext {
    /// The voxelwise fit of the figure's model, or a refusal naming the kind
    /// when the model's data is not scanner volumes.
    func volumeAnalysis() throws -> VolumeAnalysis {
        guard let volume = model.volume else {
            throw fail("\(figure.kind.rawValue) draws a model fitted at every voxel; model '\(model.spec.name)' has no volumes",
                       suggestion: "give the model data: {volumes: {bold: …, tr: …}} and an 'fmri:' design")
        }
        return volume
    }

    /// The map of the figure's `contrast` option.
    func statisticMap(_ volume: VolumeAnalysis) throws -> VolumeAnalysis.StatisticMap {
        guard let contrast = value(VolumeOptions.contrast) else {
            throw fail("\(figure.kind.rawValue) needs a 'contrast' (e.g. 'face - house')",
                       suggestion: "add contrast: <condition> - <condition> to the figure's options")
        }
        guard let map = volume.map(contrast) else {
            throw fail("no map of contrast '\(contrast)' was fitted")
        }
        return map
    }

    /// The voxel the figure points at: `voxel: [i, j, k]`, else the map's peak.
    func chosenVoxel(_ volume: VolumeAnalysis, map: VolumeAnalysis.StatisticMap) throws -> Int? {
        if let written = value(VolumeOptions.voxel) {
            return try VolumeOptions.voxelIndex(written, volume: volume, figure: self)
        }
        return map.peak?.index
    }
}

enum VolumeOptions {
    static let contrast = FigureOptionKey.text(
        "contrast", absent: "required", "the contrast mapped, by condition names (`face - house`; `face; house` for an F map)")
    static let voxel = FigureOptionKey.numbers(
        "voxel", absent: "the peak", placesData: false, "the voxel shown, as [i, j, k] voxel indices from 0 (as the NIfTI file counts them)")

    /// The flat index of `[i, j, k]`, refused unless three whole numbers inside the grid.
    static func voxelIndex(_ written: [Double], volume: VolumeAnalysis, figure context: FigureContext) throws -> Int {
        let dims = volume.dims
        guard written.count == 3, written.allSatisfy({ $0 == $0.rounded() && $0 >= 0 }),
              (0..<3).allSatisfy({ Int(written[$0]) < dims[$0] }) else {
            throw context.fail("'voxel' is [i, j, k], three whole voxel indices from 0 inside the \(dims[0]) × \(dims[1]) × \(dims[2]) grid, found ["
                               + written.map { FMRIText.number($0) }.joined(separator: ", ") + "]",
                               suggestion: "e.g. voxel: [0, 0, 0] for the first voxel; leave it out to show the peak")
        }
        let index = volume.index(written.map { Int($0) })
        guard volume.mask[index] else {
            throw context.fail("voxel [" + written.map { FMRIText.number($0) }.joined(separator: ", ") + "] is outside the mask, so it was not fitted",
                               suggestion: "choose a voxel inside the mask, or leave 'voxel' out to show the peak")
        }
        return index
    }

    /// "voxel (12, 8, 0) at x = 23, y = −5, z = 0 mm".
    static func place(_ index: Int, volume: VolumeAnalysis) -> String {
        let v = volume.voxel(index), w = volume.world(v)
        return "voxel (\(v[0]), \(v[1]), \(v[2])) at x = " + FMRIText.number(w[0]) + ", y = " + FMRIText.number(w[1])
            + ", z = " + FMRIText.number(w[2]) + " mm"
    }

    /// "t" or "F", as text and as TeX.
    static func statisticName(_ map: VolumeAnalysis.StatisticMap) -> String { map.isF ? "F" : "t" }

    /// The contrast as a title reads it: "face − house".
    static func shown(_ contrast: String) -> String {
        contrast.split(separator: " ", omittingEmptySubsequences: true).map { $0 == "-" ? "−" : String($0) }.joined(separator: " ")
    }
}
