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
        }
    }
}
