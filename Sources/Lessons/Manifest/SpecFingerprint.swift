import Foundation

/// The content hash of a lesson spec: its text plus the bytes of every data
/// file it reads (for a built-in dataset, the bytes compiled into glmviz).
/// Inline and generated data live in the spec text, so the text covers them.
/// A changed hash with unchanged outputs is how a stale render is spotted.
public enum SpecFingerprint {
    /// Format tag hashed first, so a change to what is hashed changes every hash.
    static let scheme = "glmviz-spec-sha256-v1"

    public static func sha256(of spec: LessonSpec, text: String) -> String {
        var hasher = FramedHasher()
        hasher.add(scheme, Data())
        hasher.add("spec", Data(text.utf8))
        var seen = Set<String>()
        for data in [spec.data].compactMap({ $0 }) + spec.models.compactMap(\.data) {
            guard let (label, bytes) = dataBytes(data, spec: spec), seen.insert(label).inserted else { continue }
            hasher.add(label, bytes)
        }
        for file in spec.events?.files ?? [] where seen.insert("events \(file.path)").inserted {
            guard let (_, bytes) = dataBytes(.csv(path: file.path, location: file.location), spec: spec) else { continue }
            hasher.add("events \(file.path)", bytes)
        }
        return hasher.finalize()
    }

    /// The bytes a data block reads from outside the spec, labelled by source;
    /// nil for data written in the spec itself.
    static func dataBytes(_ data: DataSpec, spec: LessonSpec) -> (String, Data)? {
        switch data {
        case .builtin(let name, _):
            return ("builtin \(name)", BundledResources.dataset(named: name) ?? Data())
        case .csv(let path, _):
            let base = spec.baseDirectory ?? FileManager.default.currentDirectoryPath
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                : URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL
            return ("csv \(path)", FileManager.default.contents(atPath: url.path) ?? Data())
        case .inline, .generated:
            return nil
        case .timeseries(let series):
            switch series.source {
            case .builtin(let name): return dataBytes(.builtin(name: name, location: series.sourceLocation), spec: spec)
            case .csv(let path): return dataBytes(.csv(path: path, location: series.sourceLocation), spec: spec)
            }
        case .volumes(let volumes):
            var bytes = Data()
            for path in volumes.files { bytes += dataBytes(.csv(path: path, location: volumes.location), spec: spec)?.1 ?? Data() }
            return ("volumes \(volumes.bold)", bytes)
        }
    }
}
