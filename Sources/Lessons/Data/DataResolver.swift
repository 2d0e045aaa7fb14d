import Foundation
import GLM

/// Turns a model's `data` block into a GLM `Frame`: CSV files (relative to the
/// spec) and the bundled datasets go through GLM's CSV reader, inline columns
/// and generated data are built in memory.
public enum DataResolver {
    /// The model's data, with the level orders the model asks for; generated
    /// groups keep the order the generator lists them in unless the model's
    /// `levels` say otherwise, so dummy columns come out as the spec reads.
    public static func frame(for model: ModelSpec, in spec: LessonSpec) throws -> Frame {
        do {
            let data = spec.dataSpec(for: model)
            return try rawFrame(for: data, in: spec)
                .reordered(levels: generatedLevelOrder(data).merging(model.levelOrder) { $1 }, model: model)
        } catch let diagnostic as Diagnostic {
            throw LessonError(diagnostic, model: model)
        }
    }

    /// The order a generator lists each group predictor's levels in.
    static func generatedLevelOrder(_ data: DataSpec) -> [String: [String]] {
        guard case .generated(let generator) = data else { return [:] }
        var orders: [String: [String]] = [:]
        for predictor in generator.predictors {
            if case .groups(let levels, _) = predictor.source { orders[predictor.name] = levels.map(\.name) }
        }
        return orders
    }

    static func rawFrame(for data: DataSpec, in spec: LessonSpec) throws -> Frame {
        switch data {
        case .builtin(let name, let location):
            guard let bytes = BundledResources.dataset(named: name) else {
                throw LessonError(.missingInput, at: location, message: "the built-in dataset '\(name)' is missing from this build")
            }
            return try Frame(csv: Array(bytes), source: "\(name).csv (built in)")
        case .csv(let path, let location):
            let url = try spec.courseFile(path, what: "data file", kind: "data", at: location)
            // A pipe or device would block or never end; a folder has no bytes to read.
            let bytes = try readCSV(at: url, path: path, location: location)
            return try Frame(csv: Array(bytes), source: path)
        case .inline(let columns, _):
            var table = DataTable()
            for column in columns {
                switch column.values {
                case .numeric(let values): table.set(column.name, .numeric(values))
                case .categorical(let labels):
                    table.set(column.name, .categorical(labels: labels, levels: DataTable.levelsInOrder(labels)))
                }
            }
            return try table.frame(source: spec.file)
        case .generated(let generator):
            return try DataGenerator.generate(generator).table.frame(source: spec.file)
        case .timeseries(let series):
            return try timeseriesFrame(series, in: spec)
        case .volumes(let volumes):
            return try VolumeFrame.frame(volumes, in: spec)
        }
    }

    /// The series' table with `scan` (1, 2, …) and `time` (seconds from the
    /// first scan) added unless it has them, after checking that the series'
    /// column is there, numeric, and has a value at every scan: a scan left
    /// out would shift every later scan's time.
    static func timeseriesFrame(_ series: TimeseriesSpec, in spec: LessonSpec) throws -> Frame {
        let table: Frame
        switch series.source {
        case .builtin(let name):
            table = try rawFrame(for: .builtin(name: name, location: series.sourceLocation), in: spec)
        case .csv(let path):
            table = try rawFrame(for: .csv(path: path, location: series.sourceLocation), in: spec)
        }
        let source = table.source ?? spec.file
        guard let column = table[series.column] else {
            throw LessonError(.badSpec, at: series.columnLocation,
                              message: "the time series' table \(source) has no column '\(series.column)'",
                              suggestion: NearestWord.suggestion(for: series.column, among: table.names).map { "did you mean '\($0)'?" }
                                  ?? "its columns are \(table.names.joined(separator: ", "))")
        }
        guard column.numericValues != nil else {
            throw LessonError(.badData, at: series.columnLocation,
                              message: "column '\(series.column)' of \(source) holds words, not the numbers of a time series")
        }
        if let gap = (0..<column.count).first(where: column.isMissing) {
            throw LessonError(.badData, at: series.columnLocation,
                              message: "column '\(series.column)' of \(source) has no value at scan \(gap + 1) (data row \(gap + 1)); a time series needs one at every scan",
                              suggestion: "fill the scan in (interpolate it) or cut the series before it")
        }
        guard column.count >= minimumScans else {
            throw LessonError(.badData, at: series.columnLocation,
                              message: "column '\(series.column)' of \(source) has \(column.count) scans; a time series needs at least \(minimumScans)")
        }
        var named = zip(table.names, table.columns).map { (name: $0, column: $1) }
        if table["scan"] == nil { named.append(("scan", .numeric((1...column.count).map(Double.init)))) }
        if table["time"] == nil { named.append(("time", .numeric(series.times(count: column.count)))) }
        return try Frame(columns: named, source: source)
    }

    /// Fewer scans than this leave no room for a response, a drift and a residual.
    static let minimumScans = 4

    /// The bytes of a spec's CSV file, or a message saying what the path really
    /// names when it is not a readable regular file.
    static func readCSV(at url: URL, path: String, location: SourceLocation) throws -> Data {
        let kind = FileKind.of(url.path)
        switch kind {
        case .regularFile:
            break
        case .missing:
            throw LessonError(.missingInput, at: location,
                              message: "data file '\(path)' not found (looked at \(url.path))",
                              suggestion: "paths are relative to the spec's folder")
        case .folder:
            throw LessonError(.badSpec, at: location, message: "data file '\(path)' is a folder, not a CSV file",
                              suggestion: "point 'csv' at a CSV file in it")
        case .namedPipe, .socket, .device, .kernelFile:
            throw LessonError(.badSpec, at: location, message: "data file '\(path)' is \(kind.phrase)",
                              suggestion: "point 'csv' at a CSV file")
        case .symbolicLinkLoop:
            throw LessonError(.missingInput, at: location, message: "data file '\(path)' is \(kind.phrase)",
                              suggestion: "point the link at the CSV file itself")
        case .tooLong(let problem):
            throw LessonError(.missingInput, at: location, message: "data file '\(path)' cannot be opened: \(problem)",
                              suggestion: "use a shorter path")
        case .inaccessible(let code):
            throw LessonError(.missingInput, at: location,
                              message: "data file '\(path)' cannot be opened: \(SystemErrorText.words(errno: code))")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw LessonError(.missingInput, at: location,
                              message: "data file '\(path)' cannot be read: \(SystemErrorText.words(for: error, path: url.path))")
        }
    }
}
