import Foundation

/// A scratch course folder for one catalogue section.
struct ScratchFolder {
    let url: URL

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("glmviz-catalogue-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // The resolved path, so it matches what the program prints.
        url = URL(fileURLWithPath: RealPath.of(base.path))
    }

    func write(_ bytes: Data, to path: String) throws {
        let target = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: target)
    }

    /// Shows paths under the scratch folder relative to it.
    func relativize(_ text: String) -> String {
        text.replacingOccurrences(of: url.path + "/", with: "").replacingOccurrences(of: url.path, with: ".")
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Paths with symbolic links resolved (the temporary folder is often a link).
enum RealPath {
    static func of(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The built `glmviz`, run as a user would run it.
enum GlmvizProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        /// Standard output followed by standard error.
        var output: String { standardOutput + standardError }
    }

    /// `swift build` puts the executable beside the test bundle.
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [beside, Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
        return candidates.map { $0.appendingPathComponent("glmviz") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? beside.appendingPathComponent("glmviz")
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }
}
