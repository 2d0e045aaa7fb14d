// swift-tools-version:6.0
// glmviz: figures and fitted numbers for teaching the General Linear Model.
//
// Targets, one concern each; imports point one way:
//   CLapack, CRmath, CCairo  system libraries (LAPACKE/OpenBLAS, R's standalone
//   CGif, CImageQuant,       math library, cairo + pangocairo, giflib, libimagequant,
//   CHarfBuzz                HarfBuzz for the fonts' OpenType MATH tables)
//   Support                  what GLM, Plot and Lessons share and none owns: escaping
//                            user text for each output language, numbers as a
//                            statistics text sets them, edit distance, atomic
//                            file writes
//   GLM                      statistics only: frames, formulas, designs, fits
//   Plot                     drawing only: canvas, scales, marks, encoders
//   Lessons                  lesson specs, figure kinds, rendering, manifests
//   glmviz                   the command line, kept thin
import PackageDescription

let package = Package(
    name: "glmviz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "glmviz", targets: ["glmviz"]),
        .library(name: "GLM", targets: ["GLM"]),
        .library(name: "Plot", targets: ["Plot"]),
        .library(name: "Lessons", targets: ["Lessons"]),
        .library(name: "Support", targets: ["Support"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack", path: "Sources/CLapack",
            providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]),
        .systemLibrary(
            name: "CRmath", path: "Sources/CRmath", pkgConfig: "libRmath",
            providers: [.apt(["r-mathlib"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CGif", path: "Sources/CGif",
            providers: [.apt(["libgif-dev"])]),
        .systemLibrary(
            name: "CImageQuant", path: "Sources/CImageQuant", pkgConfig: "imagequant",
            providers: [.apt(["libimagequant-dev"])]),
        .systemLibrary(
            name: "CGLib", path: "Sources/CGLib", pkgConfig: "glib-2.0",
            providers: [.apt(["libglib2.0-dev"])]),
        .systemLibrary(
            name: "CNifti", path: "Sources/CNifti",
            providers: [.apt(["libnifti2-dev"])]),
        .systemLibrary(
            name: "CCairo", path: "Sources/CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(
            name: "CHarfBuzz", path: "Sources/CHarfBuzz", pkgConfig: "harfbuzz",
            providers: [.apt(["libharfbuzz-dev"])]),

        // Each module's README states its decisions; it is not a resource.
        .target(name: "Support", exclude: ["README.md"]),
        .target(name: "GLM", dependencies: ["Support", "CLapack", "CRmath", "CNifti"],
                exclude: ["README.md", "FMRI/README.md"]),
        .target(name: "Plot", dependencies: ["Support", "CCairo", "CHarfBuzz", "CGif", "CImageQuant", "CZlib"]),
        .target(
            name: "Lessons",
            dependencies: [
                "Support", "GLM", "Plot", "CGLib", .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(
            name: "glmviz",
            dependencies: [
                "GLM", "Lessons",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        // Helpers the test targets share (timing, small thread stacks); not shipped.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GLMTests", dependencies: ["GLM", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Support", "TestSupport"],
                    resources: [.copy("Golden"), .copy("Fixtures")]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "GLM", "Plot", "Support", "TestSupport"],
                    exclude: ["StressCorpus"]),
    ]
)
