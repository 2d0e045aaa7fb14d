// swift-tools-version:6.0
// libFuzzer targets for glmviz's parsers and exporters, kept in their own package so the
// fuzzer and address-sanitizer flags never reach `swift build` or `swift test`
// of the main package. Build and run them with `fuzz/run` (see README.md).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its directory, so the root package is
/// `main` in one checkout and `wt-fuzz` in another; read it instead of guessing.
let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// Instrumentation for coverage-guided fuzzing and memory errors. `fuzz/run` also
/// passes these flags to the whole build so GLM, Plot, Lessons and the YAML
/// parser underneath are instrumented too.
let fuzzerSwift: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver"] + products.map { .product(name: $0, package: root) },
        path: "Sources/\(name)",
        swiftSettings: fuzzerSwift,
        linkerSettings: fuzzerLink)
}

let package = Package(
    name: "glmviz-fuzz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fuzz-formula", targets: ["FuzzFormula"]),
        .executable(name: "fuzz-csv", targets: ["FuzzCSV"]),
        .executable(name: "fuzz-tex", targets: ["FuzzTeX"]),
        .executable(name: "fuzz-spec", targets: ["FuzzSpec"]),
        .executable(name: "fuzz-exporters", targets: ["FuzzExporters"]),
        .executable(name: "fuzz-render", targets: ["FuzzRender"]),
    ],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzDriver", dependencies: ["CLibFuzzer"], swiftSettings: fuzzerSwift),
        fuzzTarget("FuzzFormula", ["GLM"]),
        fuzzTarget("FuzzCSV", ["GLM"]),
        fuzzTarget("FuzzTeX", ["Plot"]),
        fuzzTarget("FuzzSpec", ["Lessons"]),
        fuzzTarget("FuzzExporters", ["Lessons", "GLM", "Support"]),
        fuzzTarget("FuzzRender", ["Lessons", "Plot"]),
    ]
)
