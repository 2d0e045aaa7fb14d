import Foundation

/// The lessons and datasets that ship inside glmviz, so `glmviz lesson
/// simple-regression` works from any directory.
public enum BundledResources {
    /// The `Bundled` folder, looked up without `Bundle.module`: SwiftPM's
    /// accessor stops the program when the resource bundle is missing (say, a
    /// binary copied on its own), and a missing lesson should be an error
    /// message, never a crash. Looked for beside the executable (symlinks
    /// resolved), then in the source tree this was built from.
    static let root: URL? = {
        let bundleName = "glmviz_Lessons.resources"
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var candidates = folders.map { $0.appendingPathComponent(bundleName).appendingPathComponent("Bundled") }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Bundled"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent("lessons").path,
                                                  isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }()

    /// Whether the bundled lessons and datasets were found.
    public static var isInstalled: Bool { root != nil }

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
