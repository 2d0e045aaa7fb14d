import Foundation

/// The lessons and datasets that ship inside glmviz, so `glmviz lesson
/// simple-regression` works from any directory.
public enum BundledResources {
    static var root: URL? {
        Bundle.module.url(forResource: "Bundled", withExtension: nil)
    }

    /// Bundled lesson names, sorted.
    public static var lessonNames: [String] {
        guard let folder = root?.appendingPathComponent("lessons"),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    public static func lessonText(named name: String) -> String? {
        guard let url = root?.appendingPathComponent("lessons/\(name).yaml"),
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    public static func dataset(named name: String) -> Data? {
        guard let url = root?.appendingPathComponent("data/\(name).csv") else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }
}
