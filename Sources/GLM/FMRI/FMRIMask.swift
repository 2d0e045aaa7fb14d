import Foundation

/// Which voxels a voxelwise fit visits.
///
/// A mask is a `[Bool]` over the grid (i fastest, then j, k). It comes from a
/// NIfTI file (nonzero voxels), from a threshold on the mean EPI (the Haxby
/// reference fit keeps voxels whose mean exceeds 100), or from nilearn's
/// `compute_epi_mask`, step for step.
public enum FMRIMask {
    /// The nonzero voxels of a 3-D image on the same grid as the runs.
    public static func read(_ path: String, grid: NIfTIGeometry) throws -> [Bool] {
        let image = try NIfTIFile.read(path)
        guard image.geometry.sameGrid(as: grid) else {
            throw Diagnostic(
                .badData,
                "is a \(image.geometry.dims.map(String.init).joined(separator: "×")) mask on another grid than the \(grid.dims.map(String.init).joined(separator: "×")) images",
                location: .init(file: path), suggestion: "resample the mask to the functional images first")
        }
        let v = grid.voxelCount
        var mask = [Bool](repeating: false, count: v)
        for i in 0..<v { mask[i] = image.data[i] != 0 }
        guard mask.contains(true) else {
            throw Diagnostic(.badData, "has no nonzero voxel, so there is nothing to fit", location: .init(file: path))
        }
        return mask
    }

    /// Voxels whose mean EPI is above `threshold`.
    public static func meanAbove(_ threshold: Double, mean: [Double]) -> [Bool] { mean.map { $0 > threshold } }

    /// nilearn's `compute_epi_mask` (lower 0.2, upper 0.85, opening 2, connected)
    /// on a mean EPI: smooth by a Gaussian of 1 voxel FWHM, cut at the middle of the
    /// largest gap between sorted values in the 20–85 % range, erode twice, keep the
    /// largest 6-connected component, dilate four times, erode twice.
    ///
    /// As nilearn's erosion treats the grid's outside as background, a volume one
    /// slice thick (the Haxby slice) erodes to nothing; give such data a threshold.
    public static func epi(mean: [Double], grid: NIfTIGeometry) -> [Bool] {
        var smoothed = mean.map { $0.isFinite ? $0 : 0 }
        let fwhmToSigma = 1 / (8 * log(2.0)).squareRoot()
        // nilearn smooths the mean with an identity affine: 1 voxel FWHM, not 1 mm.
        for axis in 0..<3 { smoothed = gaussian1D(smoothed, dims: grid.dims, axis: axis, sigma: fwhmToSigma) }
        let sorted = smoothed.sorted()
        let count = sorted.count
        let lower = Int((0.2 * Double(count)).rounded(.down))
        let upper = min(Int((0.85 * Double(count)).rounded(.down)), count - 1)
        var best = 0, gap = -Double.infinity
        if upper > lower {
            for i in 0..<(upper - lower) {
                let d = sorted[lower + i + 1] - sorted[lower + i]
                if d > gap {
                    gap = d
                    best = i
                }
            }
        }
        let threshold = upper > lower ? 0.5 * (sorted[best + lower] + sorted[best + lower + 1]) : sorted.first ?? 0
        var mask = smoothed.map { $0 >= threshold }
        mask = morph(mask, dims: grid.dims, dilate: false, times: 2)
        if mask.contains(true) { mask = largestComponent(mask, dims: grid.dims) }
        mask = morph(mask, dims: grid.dims, dilate: true, times: 4)
        mask = morph(mask, dims: grid.dims, dilate: false, times: 2)
        return mask
    }

    /// scipy's `gaussian_filter1d` (truncate 4, mode "reflect") along one axis.
    static func gaussian1D(_ values: [Double], dims: [Int], axis: Int, sigma: Double) -> [Double] {
        let radius = Int(4 * sigma + 0.5)
        var weights = (-radius...radius).map { exp(-0.5 * Double($0 * $0) / (sigma * sigma)) }
        let total = weights.reduce(0, +)
        weights = weights.map { $0 / total }
        let n = dims[axis]
        let step = axis == 0 ? 1 : axis == 1 ? dims[0] : dims[0] * dims[1]
        var out = values
        for start in 0..<values.count where (start / step) % n == 0 {
            let line = (0..<n).map { values[start + $0 * step] }
            for i in 0..<n {
                var s = 0.0
                for (k, w) in weights.enumerated() {
                    var j = i + k - radius
                    // reflect: d c b a | a b c d | d c b a
                    while j < 0 || j >= n {
                        if j < 0 { j = -j - 1 }
                        if j >= n { j = 2 * n - j - 1 }
                    }
                    s += w * line[j]
                }
                out[start + i * step] = s
            }
        }
        return out
    }

    private static func neighbours(_ index: Int, dims: [Int]) -> [Int?] {
        let i = index % dims[0], j = (index / dims[0]) % dims[1], k = index / (dims[0] * dims[1])
        let sx = 1, sy = dims[0], sz = dims[0] * dims[1]
        return [
            i > 0 ? index - sx : nil, i + 1 < dims[0] ? index + sx : nil,
            j > 0 ? index - sy : nil, j + 1 < dims[1] ? index + sy : nil,
            k > 0 ? index - sz : nil, k + 1 < dims[2] ? index + sz : nil,
        ]
    }

    /// Binary erosion or dilation with the 6-neighbour cross, outside = background
    /// (scipy's defaults), repeated `times`.
    static func morph(_ mask: [Bool], dims: [Int], dilate: Bool, times: Int) -> [Bool] {
        var current = mask
        for _ in 0..<times {
            var next = current
            for index in current.indices {
                let around = neighbours(index, dims: dims)
                if dilate {
                    next[index] = current[index] || around.contains { $0.map { current[$0] } ?? false }
                } else {
                    next[index] = current[index] && around.allSatisfy { $0.map { current[$0] } ?? false }
                }
            }
            current = next
        }
        return current
    }

    /// The largest 6-connected component (the first found in raster order on a tie,
    /// as scipy's labels and numpy's argmax give).
    static func largestComponent(_ mask: [Bool], dims: [Int]) -> [Bool] {
        var label = [Int](repeating: 0, count: mask.count)
        var sizes: [Int] = [0]
        for seed in mask.indices where mask[seed] && label[seed] == 0 {
            let id = sizes.count
            var stack = [seed]
            label[seed] = id
            var size = 0
            while let v = stack.popLast() {
                size += 1
                for case let w? in neighbours(v, dims: dims) where mask[w] && label[w] == 0 {
                    label[w] = id
                    stack.append(w)
                }
            }
            sizes.append(size)
        }
        var best = 1
        for id in 1..<sizes.count where sizes[id] > sizes[best] { best = id }
        return label.map { $0 == best }
    }
}
