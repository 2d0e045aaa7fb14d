import Foundation
import XCTest
@testable import GLM

/// NIfTI reading and writing against images nibabel wrote
/// (Fixtures/fmri/nifti/make_nifti_fixtures.py) and the real Haxby slice.
final class NIfTIFileTests: XCTestCase {
    private func nifti(_ name: String) -> String { FMRIFixtures.path("nifti/" + name) }

    private var reference: [String: Any] { get throws { try FMRIFixtures.json("nifti/nibabel_reference.json") } }

    /// Stored integers are i + 10j + 100k + 1000t; scl_slope 0.5, scl_inter 10;
    /// TR 2000 ms; sform code 4 (used) differs from the qform.
    func testNIfTI1ScalingMillisecondsAndSform() throws {
        let v = try NIfTIFile.read(nifti("scaled_msec_n1.nii.gz"))
        XCTAssertEqual(v.dims, [3, 4, 2, 5])
        XCTAssertEqual(v.format, .nifti1)
        XCTAssertEqual(v.tr, 2.0)
        XCTAssertEqual(v.voxelSize, [2, 2.5, 3])
        let g = v.geometry
        for (i, j, k, t) in [(0, 0, 0, 0), (1, 2, 1, 3), (2, 3, 1, 4)] {
            let stored = Double(i + 10 * j + 100 * k + 1000 * t)
            XCTAssertEqual(Double(v.data[g.index([i, j, k]) + t * g.voxelCount]), stored * 0.5 + 10)
        }
        XCTAssertEqual(Double(v.data[g.index([1, 2, 1]) + 3 * g.voxelCount]), try reference["value_n1_1_2_1_3"] as! Double)
        let affine = try reference["affine_n1"] as! [[Double]]
        let qform = try reference["qform_n1"] as! [[Double]]
        for r in 0..<4 {
            for c in 0..<4 {
                XCTAssertEqual(v.affine[r][c], affine[r][c], accuracy: 1e-6, "sform [\(r)][\(c)]")
                XCTAssertEqual(g.qform[r][c], qform[r][c], accuracy: 1e-6, "qform [\(r)][\(c)]")
            }
        }
        XCTAssertEqual(g.sformCode, 4)
        XCTAssertEqual(g.world([1, 1, 1]), [-2 + 0.1 + 31, 2.5 + 0.2 - 41, 0.05 + 3 - 21].map { $0 }, accuracy: 1e-6)
    }

    /// NIfTI-2, float32, qform only: the affine falls back to the qform.
    func testNIfTI2QformOnly() throws {
        let v = try NIfTIFile.read(nifti("float_n2.nii"))
        XCTAssertEqual(v.format, .nifti2)
        XCTAssertEqual(v.tr, 1.5)
        XCTAssertEqual(v.geometry.sformCode, 0)
        XCTAssertEqual(v.affine.flatMap { $0 }, (try reference["affine_n2"] as! [[Double]]).flatMap { $0 })
        XCTAssertEqual(v.data[v.geometry.index([2, 3, 1]) + 4 * 24], Float(2 + 30 + 100 + 4000) / 8)
    }

    /// Big-endian images (int16 scaled by 0.5 and +10; gzipped float32): the values
    /// nibabel reads from them, whatever the size of the slabs read at a time
    /// (3 bytes is less than one sample; 50 cuts samples' runs mid-volume).
    func testBigEndianImagesInAnySlabSize() throws {
        for (file, key) in [("bigendian_i2.nii", "bigendian_i2_values"), ("bigendian_f4.nii.gz", "bigendian_f4_values")] {
            let expected = try reference[key] as! [Double]
            XCTAssertEqual(expected.count, 3 * 4 * 2 * 5)
            for slab in [3, 50, NIfTIFile.slabBytes] {
                let v = try NIfTIFile.read(nifti(file), slabBytes: slab)
                XCTAssertEqual(v.dims, [3, 4, 2, 5], file)
                XCTAssertEqual(v.data.map(Double.init), expected, "\(file), slabs of \(slab) bytes")
            }
        }
        // i + 10j + 100k + 1000t stored, so (1, 2, 1, 3) is 3121 → 0.5·3121 + 10.
        let v = try NIfTIFile.read(nifti("bigendian_i2.nii"))
        XCTAssertEqual(v.data[v.geometry.index([1, 2, 1]) + 3 * v.geometry.voxelCount], 1570.5)
    }

    /// The real Haxby slice (int16, gzipped): the grid, TR and affine nibabel reports.
    func testHaxbySlice() throws {
        let v = try NIfTIFile.read(FMRIFixtures.path("haxby-slice/run001/bold_1slice.nii.gz"))
        XCTAssertEqual(v.dims, [40, 20, 1, 121])
        XCTAssertEqual(v.tr, 2.5)
        XCTAssertEqual(v.affine[0][0], -3.1, accuracy: 1e-6)
        XCTAssertEqual(v.affine[0][3], 60.45, accuracy: 1e-5)
        XCTAssertEqual(v.affine[1][3], -35.625, accuracy: 1e-6)
    }

    /// Written maps read back identical, gzipped NIfTI-1 and plain NIfTI-2, with the
    /// geometry (both transforms and their codes) and the TR kept.
    func testRoundTrip() throws {
        let source = try NIfTIFile.read(nifti("scaled_msec_n1.nii.gz"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nifti-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, format) in [("a.nii.gz", NIfTIFormat.nifti1), ("b.nii", .nifti2)] {
            let path = folder.appendingPathComponent(name).path
            try NIfTIFile.write(source, to: path, format: format)
            let back = try NIfTIFile.read(path)
            XCTAssertEqual(back.format, format)
            XCTAssertEqual(back.dims, source.dims)
            XCTAssertEqual(back.data, source.data)
            XCTAssertEqual(back.tr, 2.0)
            XCTAssertEqual(back.geometry.sformCode, 4)
            XCTAssertEqual(back.geometry.qformCode, 1)
            for r in 0..<4 {
                for c in 0..<4 {
                    XCTAssertEqual(back.affine[r][c], source.affine[r][c], accuracy: 1e-5)
                    XCTAssertEqual(back.geometry.qform[r][c], source.geometry.qform[r][c], accuracy: 1e-5)
                }
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.nii.gz", "b.nii"])
    }

    /// An image with NaN or ±Inf (a float32 series written by another program)
    /// is refused, counting them and placing the first by voxel and volume.
    func testNonFiniteValuesAreCountedAndPlaced() throws {
        let source = try NIfTIFile.read(nifti("scaled_msec_n1.nii.gz"))
        var data = source.data
        let g = source.geometry
        data[g.index([2, 1, 1]) + 3 * g.voxelCount] = .nan
        data[g.index([0, 3, 1]) + 4 * g.voxelCount] = -.infinity
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nonfinite-\(getpid()).nii").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try NIfTIFile.write(NIfTIVolume(geometry: g, timePoints: source.timePoints, tr: source.tr, data: data, format: .nifti1, source: nil), to: path)
        XCTAssertThrowsError(try NIfTIFile.read(path)) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.category, .badData)
            XCTAssertEqual(d?.message, "holds 2 non-finite values (the first, nan, at voxel (2, 1, 1), volume 3)")
            XCTAssertEqual(d?.suggestion?.contains("np.nan_to_num"), true)
        }
    }

    func testBadFilesAreDiagnosedNotCrashed() throws {
        let cases: [(String, Diagnostic.Category, String)] = [
            ("missing.nii", .missingFile, "no such NIfTI image"),
            ("not_nifti.nii", .badData, "is not a NIfTI-1 or NIfTI-2 image"),
            ("truncated.nii", .badData, "is truncated"),
            ("damaged.nii.gz", .badData, "is truncated or its compressed data is damaged"),
        ]
        for (name, category, message) in cases {
            XCTAssertThrowsError(try NIfTIFile.read(nifti(name)), name) { error in
                let d = error as! Diagnostic
                XCTAssertEqual(d.category, category, name)
                XCTAssertTrue(d.description.hasPrefix(nifti(name) + ": " + message), d.description)
            }
        }
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
