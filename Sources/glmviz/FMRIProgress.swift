import Foundation
import Support

/// Progress of a long voxelwise fit on stderr: a percentage rewritten in place,
/// at most every 0.2 s, only when stderr is a terminal or `--progress` asks, so
/// scripts and CI logs get no control characters.
final class FMRIProgress {
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var last: UInt64 = 0
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func report(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard done == total || now - last > 200_000_000 else { return }
        last = now
        shown = true
        let seconds = Double(now - started) / 1e9
        let percent = Int((100 * Double(done) / Double(total)).rounded(.down))
        let line = "\rfitting: \(percent)% of \(total) voxel fits, \(NumberFormat.number(seconds, .decimals(1)).text(.unicode)) s"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
