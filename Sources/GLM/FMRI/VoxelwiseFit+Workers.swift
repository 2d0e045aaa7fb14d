import Foundation

// The pieces a voxelwise fit shares between its worker threads. Each worker fits
// whole blocks of voxels with its own buffers and its own `VoxelBlockFitter`; what
// they share is read-only (the run's samples, the voxel list) or guarded by a lock
// and written at disjoint places (the fixed-effects sums), so a map never depends on
// which worker fitted which block.

/// One run's samples as NIfTI stores them (volume t is the `stride` values at
/// t·stride), read by every worker.
struct RunSamples: @unchecked Sendable {
    let base: UnsafePointer<Float>
    let stride: Int
    let scans: Int

    /// Copies the series of voxels[start ..< start + count] into `y` as Double, in
    /// the image's own order: scan t of the block's voxel v at v + t·count.
    ///
    /// Each scan's values for the block are one run of the image row when the
    /// voxels are consecutive (a whole-volume mask), so nothing is transposed.
    func gather(_ voxels: [Int], from start: Int, count: Int, into y: inout [Double]) {
        guard count > 0 else { return }
        let n = scans
        y.withUnsafeMutableBufferPointer { yy in
            voxels.withUnsafeBufferPointer { vv in
                let first = vv[start]
                if vv[start + count - 1] - first == count - 1 {
                    for t in 0..<n {
                        let row = base + t * stride + first
                        let out = yy.baseAddress! + t * count
                        for slot in 0..<count { out[slot] = Double(row[slot]) }
                    }
                } else {
                    for t in 0..<n {
                        let row = base + t * stride
                        let out = yy.baseAddress! + t * count
                        for slot in 0..<count { out[slot] = Double(row[vv[start + slot]]) }
                    }
                }
            }
        }
    }
}

/// The per-voxel sums over runs that fixed effects divides at the end: β̂ of each
/// condition, σ̂², the AR(1) coefficient, and each contrast's effect and variance.
final class FixedEffectsSums: @unchecked Sendable {
    private let lock = NSLock()
    private var beta: [[Double]]
    private var sigma2: [Double]
    private var ar: [Double]
    private var effect: [[Double]]
    private var variance: [[Double]]
    private let contrastRows: [Int]

    init(voxels count: Int, conditions: Int, contrastRows: [Int]) {
        self.contrastRows = contrastRows
        beta = (0..<conditions).map { _ in [Double](repeating: 0, count: count) }
        sigma2 = [Double](repeating: 0, count: count)
        ar = [Double](repeating: 0, count: count)
        effect = contrastRows.map { [Double](repeating: 0, count: count * $0) }
        variance = contrastRows.map { _ in [Double](repeating: 0, count: count) }
    }

    /// Adds one block's results (voxels start ..< start + b); `conditionColumns[k]`
    /// is the design column of condition k's β̂ (nil: no column in this run).
    func add(_ result: VoxelBlockResult, at start: Int, voxels b: Int, regressors p: Int, conditionColumns: [Int?]) {
        lock.lock(); defer { lock.unlock() }
        for (k, column) in conditionColumns.enumerated() {
            guard let column else { continue }
            Self.accumulate(&beta[k], at: start, count: b) { result.beta[$0 * p + column] }
        }
        Self.accumulate(&sigma2, at: start, count: b) { result.sigma2[$0] }
        Self.accumulate(&ar, at: start, count: b) { result.arCoefficient[$0] }
        for (c, q) in contrastRows.enumerated() {
            Self.accumulate(&effect[c], at: start * q, count: q * b) { result.effects[c][$0] }
            Self.accumulate(&variance[c], at: start, count: b) { result.variances[c][$0] }
        }
    }

    var totals: (beta: [[Double]], sigma2: [Double], ar: [Double], effect: [[Double]], variance: [[Double]]) {
        lock.lock(); defer { lock.unlock() }
        return (beta, sigma2, ar, effect, variance)
    }

    /// sums[offset + k] += value(k) for k < count, through one unique buffer.
    @inline(__always)
    private static func accumulate(_ sums: inout [Double], at offset: Int, count: Int, _ value: (Int) -> Double) {
        sums.withUnsafeMutableBufferPointer { s in
            for k in 0..<count { s[offset + k] += value(k) }
        }
    }
}

/// The first error a worker met; the others stop at their next block.
final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?

    func record(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if first == nil { first = error }
    }

    var happened: Bool { error != nil }

    var error: Error? {
        lock.lock(); defer { lock.unlock() }
        return first
    }
}

/// Voxel fits done so far, passed to the caller's progress callback one report at
/// a time, whichever worker finished.
final class ProgressReport: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private let report: ((_ done: Int, _ total: Int) -> Void)?

    init(total: Int, report: ((_ done: Int, _ total: Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance(by count: Int) {
        lock.lock(); defer { lock.unlock() }
        done += count
        report?(done, total)
    }
}
