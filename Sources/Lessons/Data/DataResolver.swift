import Foundation

/// Turns a spec's `data` block into a `DataTable`, reading files relative to
/// the spec and the bundled datasets from the resources.
public enum DataResolver {
    public static func table(for model: ModelSpec, in spec: LessonSpec) throws -> DataTable {
        try table(for: spec.dataSpec(for: model), in: spec)
    }

    public static func table(for dataSpec: DataSpec, in spec: LessonSpec) throws -> DataTable {
        switch dataSpec {
        case .builtin(let name, let location):
            guard let data = BundledResources.dataset(named: name) else {
                throw LessonError(.missingInput, at: location, message: "the built-in dataset '\(name)' is missing from this build")
            }
            return try CSVTableReader.read(data, file: "\(name).csv (built in)")
        case .csv(let path, let location):
            let base = spec.baseDirectory ?? FileManager.default.currentDirectoryPath
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LessonError(.missingInput, at: location,
                                  message: "data file '\(path)' not found (looked at \(url.path))",
                                  suggestion: "paths are relative to the spec's folder")
            }
            return try CSVTableReader.read(data, file: path)
        case .inline(let columns, _):
            var table = DataTable()
            for column in columns {
                switch column.values {
                case .numeric(let values): table.set(column.name, .numeric(values))
                case .categorical(let labels):
                    table.set(column.name, .categorical(labels: labels, levels: DataTable.levelsInOrder(labels)))
                }
            }
            return table
        case .generated(let generator):
            return try DataGenerator.generate(generator).table
        }
    }
}
