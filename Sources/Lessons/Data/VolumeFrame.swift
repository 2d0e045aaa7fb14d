import GLM

/// The table of a lesson on scanner volumes: one row per scan of every run,
/// with `run` (1, 2, …), `scan` (1, 2, … within the run) and `time` (seconds
/// from the run's first scan), and `mean`, the mean BOLD of the scan over
/// the grid. A formula model on the same data can use them; an fMRI model
/// reads the images themselves (`VolumeAnalysisBuilder`).
enum VolumeFrame {
    static func frame(_ volumes: VolumeSpec, in spec: LessonSpec) throws -> Frame {
        let lesson = VolumeFiles.located(spec)
        var run: [Double] = [], scan: [Double] = [], time: [Double] = [], mean: [Double] = []
        for (r, path) in volumes.boldPaths.enumerated() {
            let image = try VolumeFiles.read(path, lesson: lesson, location: volumes.boldLocation)
            let count = image.geometry.voxelCount
            for t in 0..<image.timePoints {
                run.append(Double(r + 1)); scan.append(Double(t + 1)); time.append(Double(t) * volumes.tr)
                var sum = 0.0
                for v in 0..<count { sum += Double(image.data[t * count + v]) }
                mean.append(sum / Double(max(count, 1)))
            }
        }
        return try Frame(columns: [("run", .numeric(run)), ("scan", .numeric(scan)), ("time", .numeric(time)), ("mean", .numeric(mean))],
                         source: volumes.location.file)
    }
}
