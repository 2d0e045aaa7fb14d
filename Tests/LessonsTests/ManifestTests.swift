import Foundation
import XCTest
import GLM
@testable import Lessons

/// `output/manifest.json`: stable bytes, one entry per lesson updated alone,
/// no lost entries under parallel rendering, and hashes anyone can recompute.
final class ManifestTests: XCTestCase {
    var workspace: CheckWorkspace!

    override func setUpWithError() throws { workspace = try CheckWorkspace() }
    override func tearDown() { workspace.remove() }

    func testSHA256IsTheStandardOne() {
        // FIPS 180-2, appendix B.1 and B.2 (the one- and two-block messages).
        XCTAssertEqual(ContentHash.sha256(Data("abc".utf8)),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ContentHash.sha256(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testEveryRecordedHashIsTheFilesAndTheStatisticsAreTheFit() throws {
        try workspace.render(["simple-regression"])
        let manifest = try ManifestStore(root: workspace.output).read()
        let record = try XCTUnwrap(manifest.lessons["simple-regression"])
        XCTAssertEqual(Set(record.fileHashes.keys),
                       ["fits.json", "simple-reg.png", "simple-reg.svg", "simple-reg-table.png", "simple-reg-table.svg",
                        "simple-reg-residuals.png", "simple-reg-residuals.svg"])
        for (file, hash) in record.fileHashes {
            XCTAssertEqual(hash, ContentHash.sha256(try Data(contentsOf: workspace.url("simple-regression/\(file)"))), file)
        }
        XCTAssertEqual(record.formats, ["png", "svg"])
        let figure = try XCTUnwrap(record.figures["simple-reg"])
        XCTAssertEqual(figure.kind, "scatter-fit")
        XCTAssertEqual(figure.model, "hours")
        // Kutner et al., Table 1.1 fit: b1 = 3.5702, s{b1} = 0.3470, MSE = 2,384 on 23 df.
        let statistics = figure.statistics
        XCTAssertEqual(statistics.coefficients.map(\.term), ["(Intercept)", "lot_size"])
        XCTAssertEqual(try XCTUnwrap(statistics.coefficients[1].estimate), 3.5702, accuracy: 0.00005)
        XCTAssertEqual(try XCTUnwrap(statistics.coefficients[1].stdError), 0.3470, accuracy: 0.00005)
        XCTAssertEqual(try XCTUnwrap(statistics.sigma) * (try XCTUnwrap(statistics.sigma)), 2384, accuracy: 0.5)
        XCTAssertEqual(statistics.dfResidual, 23)
        XCTAssertEqual(statistics.dfModel, 1)
        XCTAssertEqual(statistics.n, 25)
        XCTAssertEqual(record.glmvizVersion, GLMModule.version)
    }

    func testRenderingTwiceGivesTheSameBytesAndNoTimestamps() throws {
        try workspace.render()
        let first = try Data(contentsOf: workspace.url("manifest.json"))
        try workspace.render()
        XCTAssertEqual(try Data(contentsOf: workspace.url("manifest.json")), first)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertNil(text.range(of: #"20\d\d-\d\d-\d\d"#, options: .regularExpression), "no dates")
        XCTAssertTrue(text.contains("\"categorical-predictors\" : {\n      \"figures\""), "keys sorted")
    }

    func testRenderingOneLessonUpdatesOnlyItsEntry() throws {
        try workspace.render()
        let before = try ManifestStore(root: workspace.output).read()
        try workspace.edit(workspace.lessons.appendingPathComponent("toluca.csv"), replacing: "30,121", with: "30,321")
        try workspace.render(["toluca-local"])
        let after = try ManifestStore(root: workspace.output).read()
        XCTAssertEqual(Set(after.lessons.keys), Set(before.lessons.keys))
        for name in before.lessons.keys where name != "toluca-local" {
            XCTAssertEqual(after.lessons[name], before.lessons[name], name)
        }
        XCTAssertNotEqual(after.lessons["toluca-local"]?.specSHA256, before.lessons["toluca-local"]?.specSHA256)
        XCTAssertNotEqual(after.lessons["toluca-local"]?.fitsSHA256, before.lessons["toluca-local"]?.fitsSHA256)
    }

    func testParallelUpdatesLoseNoEntry() throws {
        // `lesson --all` renders in parallel; every lesson must land in the manifest.
        try workspace.render()
        XCTAssertEqual(Set(try ManifestStore(root: workspace.output).read().lessons.keys), Set(workspace.catalogue.names))

        // And many writers at once, each adding its own entry, lose none.
        let store = ManifestStore(root: workspace.output)
        let record = try XCTUnwrap(try store.read().lessons["inference"])
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            try? store.record(record, for: "copy-\(index)")
        }
        XCTAssertEqual(try store.read().lessons.keys.filter { $0.hasPrefix("copy-") }.count, 64)
    }

    func testSpecHashCoversTheDataFilesAndBuiltinDatasets() throws {
        let source = try workspace.catalogue.source(for: "toluca-local")
        let spec = try source.parse()
        let original = SpecFingerprint.sha256(of: spec, text: source.text)
        try workspace.edit(workspace.lessons.appendingPathComponent("toluca.csv"), replacing: "30,121", with: "30,122")
        XCTAssertNotEqual(SpecFingerprint.sha256(of: spec, text: source.text), original, "a data byte changes the hash")

        let builtin = try workspace.catalogue.source(for: "simple-regression")
        let builtinSpec = try builtin.parse()
        var textOnly = FramedHasher()
        textOnly.add(SpecFingerprint.scheme, Data())
        textOnly.add("spec", Data(builtin.text.utf8))
        let textOnlyHash = textOnly.finalize()
        XCTAssertNotEqual(SpecFingerprint.sha256(of: builtinSpec, text: builtin.text), textOnlyHash,
                          "the built-in Toluca bytes are hashed too")
    }

    func testAMalformedManifestIsAClearErrorNamingTheFile() throws {
        try FileManager.default.createDirectory(at: workspace.output, withIntermediateDirectories: true)
        try Data(#"{"schema": 1, "lessons": {"x": {"spec_sha256": 3}}}"#.utf8).write(to: workspace.url("manifest.json"))
        XCTAssertThrowsError(try ManifestStore(root: workspace.output).read()) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.exitStatus, LessonExitStatus.badInput)
            XCTAssertEqual(error?.file, workspace.url("manifest.json").path)
            XCTAssertTrue(error?.message.contains("at .lessons.x.spec_sha256") ?? false, error?.message ?? "")
        }
    }
}
