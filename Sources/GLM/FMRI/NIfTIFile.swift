import CNifti
import Foundation

/// Reading and writing NIfTI-1 and NIfTI-2 images (`.nii`, `.nii.gz`) through the
/// NIfTI reference C library, which already knows both headers, byte order,
/// qform quaternions and gzip.
///
/// The library reports problems by printing (when its debug level is above 0) and
/// returning NULL; it never exits on a bad file. Its printing is switched off and
/// every failure is turned into one `Diagnostic` naming the file and what is wrong:
/// 66 when the file cannot be opened, 65 when it is not a usable image.
public enum NIfTIFile {
    /// Reads a 3-D or 4-D image, applying scl_slope/scl_inter and converting the
    /// data to Float32.
    ///
    /// The data are read a slab at a time (`slabBytes`) and converted into the
    /// result as they come, rather than loaded whole by `nifti_image_load`: a
    /// float32 series loaded whole and then copied was held twice, so the peak
    /// memory of a fit was more than twice the data's size.
    public static func read(_ path: String) throws -> NIfTIVolume {
        try read(path, slabBytes: slabBytes)
    }

    /// `read` with slabs of a given size (tests use small ones to cross slab edges).
    static func read(_ path: String, slabBytes: Int) throws -> NIfTIVolume {
        try open(path) { nim, header in
            let voxels = header.geometry.voxelCount, timePoints = header.timePoints
            let image = nim.pointee
            let reader = sampleReader(Int(image.datatype))!
            var slope = image.scl_slope, intercept = image.scl_inter
            if slope == 0 || !slope.isFinite {
                slope = 1
                intercept = 0
            }
            if !intercept.isFinite { intercept = 0 }
            let count = voxels * timePoints
            let truncated = bad(path, "is truncated or its compressed data is damaged (the data could not be read)")
            guard let file = znzopen(path, "rb", nifti_is_gzfile(path)) else { throw truncated }
            var handle: znzFile? = file
            defer { _ = Xznzclose(&handle) }
            // fseek returns 0, gzseek the new offset; both return -1 on failure.
            guard znzseek(file, Int(image.iname_offset), SEEK_SET) >= 0 else { throw truncated }
            let swap = image.swapsize > 1 && image.byteorder != nifti_short_order()
            let perSlab = max(1, slabBytes / reader.bytes)
            var slab = [UInt8](repeating: 0, count: min(count, perSlab) * reader.bytes)
            var data = [Float](repeating: 0, count: count)
            try data.withUnsafeMutableBufferPointer { out in
                try slab.withUnsafeMutableBytes { buffer in
                    var done = 0
                    while done < count {
                        let n = min(perSlab, count - done)
                        guard znzread(buffer.baseAddress!, reader.bytes, n, file) == n else { throw truncated }
                        if swap { nifti_swap_Nbytes(Int64(n), image.swapsize, buffer.baseAddress!) }
                        reader.convert(UnsafeRawPointer(buffer.baseAddress!), n, slope, intercept, out.baseAddress! + done)
                        done += n
                    }
                }
            }
            if let bad = data.firstIndex(where: { !$0.isFinite }) {
                let ijk = header.geometry.voxel(bad % voxels)
                let count = data.lazy.filter { !$0.isFinite }.count
                throw Self.bad(
                    path,
                    "holds \(count) non-finite value\(count == 1 ? "" : "s") (the first, \(data[bad]), at voxel (\(ijk.map(String.init).joined(separator: ", "))), volume \(bad / voxels))",
                    suggestion: "a fit needs a number in every voxel and scan: set those voxels to 0 (nibabel: np.nan_to_num) so a mask leaves them out")
            }
            return NIfTIVolume(
                geometry: header.geometry, timePoints: timePoints, tr: header.tr, data: data, format: header.format,
                source: path)
        }
    }

    /// Bytes read and converted at a time: 4 MiB, a few volumes of a typical run.
    static let slabBytes = 4 << 20

    /// The header of an image (grid, geometry, scans, TR), checked as `read`
    /// checks it, without reading the data.
    public static func readHeader(_ path: String) throws -> NIfTIHeader {
        try open(path) { _, header in header }
    }

    private static func open<T>(
        _ path: String, _ body: (UnsafeMutablePointer<nifti_image>, NIfTIHeader) throws -> T
    ) throws -> T {
        quietLibrary()
        guard FileManager.default.isReadableFile(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Diagnostic(
                .missingFile,
                exists && isDirectory.boolValue
                    ? "is a folder, not a NIfTI image" : exists ? "cannot be read" : "no such NIfTI image",
                location: .init(file: path),
                suggestion: "give the path of a .nii or .nii.gz file")
        }
        guard let nim = nifti_image_read(path, 0) else {
            throw bad(path, "is not a NIfTI-1 or NIfTI-2 image (its header is missing, too short or invalid)")
        }
        defer { nifti_image_free(nim) }
        // nifti_image_read reports NIfTI-2 files as type 1 too; the header's own
        // version tells them apart.
        var version: Int32 = 0
        if let header = nifti_read_header(path, &version, 0) { free(header) }
        let image = nim.pointee
        guard image.nifti_type == 1 || image.nifti_type == 4 else {
            throw bad(
                path, "is an ANALYZE or two-file (.hdr/.img) image; only single-file NIfTI (.nii, .nii.gz) is read",
                suggestion: "convert it to .nii, e.g. with nibabel or fslchfiletype")
        }
        let dims = tuple8(image.dim).map { Int($0) }
        let ndim = dims[0]
        guard (1...7).contains(ndim), (1...ndim).allSatisfy({ dims[$0] >= 1 }) else {
            throw bad(path, "has invalid dimensions \(dims[1...max(1, min(ndim, 7))].map(String.init).joined(separator: " × "))")
        }
        if ndim > 4, (5...ndim).contains(where: { dims[$0] > 1 }) {
            throw bad(path, "has \(ndim) dimensions; a 3-D volume or a 4-D series (x, y, z, time) is needed")
        }
        let spatial = (1...3).map { $0 <= ndim ? dims[$0] : 1 }
        let timePoints = ndim >= 4 ? dims[4] : 1
        let voxels = spatial.reduce(1, *)
        guard let reader = sampleReader(Int(image.datatype)) else {
            throw bad(
                path, "stores its data as NIfTI type \(image.datatype) (complex or RGB); real numbers are needed",
                suggestion: "save the image as int16 or float32")
        }
        guard Int(image.nbyper) == reader.bytes else {
            throw bad(path, "has \(image.nbyper) bytes per voxel for data type \(image.datatype)")
        }
        let expectedBytes = Int64(voxels) * Int64(timePoints) * Int64(reader.bytes)
        if nifti_is_gzfile(path) == 0 {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? nil
            if let size, size < Int64(image.iname_offset) + expectedBytes {
                throw bad(
                    path,
                    "is truncated: its header promises \(expectedBytes) bytes of data after byte \(image.iname_offset) but the file has \(size) bytes")
            }
        }
        let pixdim = tuple8(image.pixdim)
        let spaceScale: Double
        switch Int(image.xyz_units) {
        case 1: spaceScale = 1000  // metres
        case 3: spaceScale = 0.001  // microns
        default: spaceScale = 1  // millimetres, or unknown (read as millimetres)
        }
        var tr: Double? = nil
        if ndim >= 4, pixdim[4] > 0, pixdim[4].isFinite {
            switch Int(image.time_units) {
            case 0, 8: tr = pixdim[4]  // seconds, or unknown (read as seconds)
            case 16: tr = pixdim[4] / 1000  // milliseconds
            case 24: tr = pixdim[4] / 1_000_000  // microseconds
            default: tr = nil  // Hz, ppm, rad/s: not a repetition time
            }
        }
        let stored = (1...3).map { abs(pixdim[$0]) > 0 ? abs(pixdim[$0]) : 1 }
        let geometry = NIfTIGeometry(
            dims: spatial, voxelSize: stored.map { $0 * spaceScale },
            qform: matrix(image.qto_xyz), qformCode: Int(image.qform_code),
            sform: matrix(image.sto_xyz), sformCode: Int(image.sform_code),
            storedPixdim: stored, spatialUnitCode: Int(image.xyz_units))
        return try body(
            nim,
            NIfTIHeader(
                geometry: geometry, timePoints: timePoints, tr: tr, format: version == 2 ? .nifti2 : .nifti1,
                source: path))
    }

    /// Writes `volume` as float32 with its geometry (qform, sform, codes, units)
    /// and its TR in seconds, as NIfTI-1 or NIfTI-2; gzipped when `path` ends in
    /// `.gz`. The file is written beside its final name and renamed into place,
    /// so a reader never sees half a map.
    public static func write(
        _ volume: NIfTIVolume, to path: String, format: NIfTIFormat? = nil, description: String? = nil
    ) throws {
        quietLibrary()
        guard path.hasSuffix(".nii") || path.hasSuffix(".nii.gz") else {
            throw Diagnostic(
                .usage, "a NIfTI image is written as .nii or .nii.gz", location: .init(file: path))
        }
        let g = volume.geometry
        let is4D = volume.timePoints > 1
        var dims: [Int64] = [is4D ? 4 : 3, Int64(g.dims[0]), Int64(g.dims[1]), Int64(g.dims[2]),
                             Int64(volume.timePoints), 1, 1, 1]
        guard let nim = nifti_make_new_nim(&dims, Int32(GLMVIZ_DT_FLOAT32), 0) else {
            throw Diagnostic(.badData, "could not make a NIfTI header", location: .init(file: path))
        }
        defer { nifti_image_free(nim) }
        let count = volume.data.count
        guard let buffer = malloc(max(count, 1) * MemoryLayout<Float>.size) else {
            throw Diagnostic(.badData, "not enough memory to write the image", location: .init(file: path))
        }
        volume.data.withUnsafeBytes { source in
            if let base = source.baseAddress { memcpy(buffer, base, count * MemoryLayout<Float>.size) }
        }
        nim.pointee.data = buffer
        nim.pointee.scl_slope = 1
        nim.pointee.scl_inter = 0
        withUnsafeMutableBytes(of: &nim.pointee.pixdim) { raw in
            let p = raw.bindMemory(to: Double.self)
            p[0] = 1  // qfac placeholder, set again from the qform below
            for a in 0..<3 { p[a + 1] = g.storedPixdim[a] }
            p[4] = volume.tr ?? 0
        }
        nim.pointee.dx = g.storedPixdim[0]
        nim.pointee.dy = g.storedPixdim[1]
        nim.pointee.dz = g.storedPixdim[2]
        nim.pointee.dt = volume.tr ?? 0
        nim.pointee.xyz_units = Int32(g.spatialUnitCode == 0 ? 2 : g.spatialUnitCode)
        nim.pointee.time_units = volume.tr == nil ? 0 : 8
        nim.pointee.qform_code = Int32(g.qformCode)
        nim.pointee.sform_code = Int32(g.sformCode)
        let q = dmat44(g.qform)
        nim.pointee.qto_xyz = q
        var qb = 0.0, qc = 0.0, qd = 0.0, qx = 0.0, qy = 0.0, qz = 0.0, dx = 0.0, dy = 0.0, dz = 0.0, qfac = 0.0
        nifti_dmat44_to_quatern(q, &qb, &qc, &qd, &qx, &qy, &qz, &dx, &dy, &dz, &qfac)
        nim.pointee.quatern_b = qb
        nim.pointee.quatern_c = qc
        nim.pointee.quatern_d = qd
        nim.pointee.qoffset_x = qx
        nim.pointee.qoffset_y = qy
        nim.pointee.qoffset_z = qz
        nim.pointee.qfac = qfac
        nim.pointee.sto_xyz = dmat44(g.sform)
        if let description {
            withUnsafeMutableBytes(of: &nim.pointee.descrip) { raw in
                let bytes = Array(description.utf8.prefix(79))
                for (i, b) in bytes.enumerated() { raw[i] = b }
                raw[bytes.count] = 0
            }
        }
        let chosen = format ?? volume.format
        nim.pointee.nifti_type = chosen == .nifti2 ? 4 : 1
        let name = (path as NSString).lastPathComponent
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(getpid())-" + name
        guard nifti_set_filenames(nim, temporary, 0, 1) == 0 else {
            throw Diagnostic(.badData, "cannot name the image file", location: .init(file: path))
        }
        nim.pointee.nifti_type = chosen == .nifti2 ? 4 : 1
        if chosen == .nifti2 {
            try writeNIfTI2(nim, to: temporary, compressed: path.hasSuffix(".gz"), reported: path)
        } else {
            nifti_set_iname_offset(nim, 1)
            nifti_image_write(nim)
        }
        guard let check = nifti_image_read(temporary, 0) else {
            unlink(temporary)
            throw Diagnostic(
                .missingFile, "could not be written (is its folder missing or read-only?)",
                location: .init(file: path))
        }
        nifti_image_free(check)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Diagnostic(.missingFile, "could not be written", location: .init(file: path))
        }
    }

    /// A single-file NIfTI-2 image: the library's 540-byte header, four zero
    /// extension bytes, then the data from byte 544. (nifti_clib 3.0.1 would put
    /// the data at byte 0 over its own header.)
    private static func writeNIfTI2(
        _ nim: UnsafeMutablePointer<nifti_image>, to path: String, compressed: Bool, reported: String
    ) throws {
        var header = [UInt8](repeating: 0, count: 540)
        guard nifti_convert_nim2n2hdr(nim, &header) == 0 else {
            throw Diagnostic(.badData, "could not make a NIfTI-2 header", location: .init(file: reported))
        }
        withUnsafeBytes(of: Int64(544).littleEndian) { bytes in
            for i in 0..<8 { header[168 + i] = bytes[i] }  // vox_offset
        }
        for (i, b) in [UInt8(ascii: "n"), UInt8(ascii: "+"), UInt8(ascii: "2"), 0, 0x0d, 0x0a, 0x1a, 0x0a]
            .enumerated()
        {
            header[4 + i] = b  // magic: single file
        }
        guard let opened = znzopen(path, "wb", compressed ? 1 : 0) else {
            throw Diagnostic(
                .missingFile, "could not be written (is its folder missing or read-only?)",
                location: .init(file: reported))
        }
        var file: znzFile? = opened
        let extender = [UInt8](repeating: 0, count: 4)
        let bytes = Int(nim.pointee.nvox) * Int(nim.pointee.nbyper)
        let written = znzwrite(header, 1, 540, opened) + znzwrite(extender, 1, 4, opened)
            + znzwrite(nim.pointee.data, 1, bytes, opened)
        let closed = Xznzclose(&file)
        guard written == 544 + bytes, closed == 0 else {
            unlink(path)
            throw Diagnostic(.missingFile, "could not be written (is the disk full?)", location: .init(file: reported))
        }
    }

    /// The library prints its complaints to stderr when its debug level is above 0;
    /// every complaint is turned into a Diagnostic here instead.
    private static func quietLibrary() { nifti_set_debug_level(0) }

    private static func bad(_ path: String, _ message: String, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.badData, message, location: .init(file: path), suggestion: suggestion)
    }

    private static func tuple8<T>(_ t: (T, T, T, T, T, T, T, T)) -> [T] { [t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7] }

    private static func matrix(_ m: nifti_dmat44) -> [[Double]] {
        var copy = m
        return withUnsafeBytes(of: &copy.m) { raw in
            let p = raw.bindMemory(to: Double.self)
            return (0..<4).map { r in (0..<4).map { c in p[r * 4 + c] } }
        }
    }

    private static func dmat44(_ rows: [[Double]]) -> nifti_dmat44 {
        var m = nifti_dmat44()
        withUnsafeMutableBytes(of: &m.m) { raw in
            let p = raw.bindMemory(to: Double.self)
            for r in 0..<4 { for c in 0..<4 { p[r * 4 + c] = rows[r][c] } }
        }
        return m
    }

    /// How to turn one stored sample type into scaled Float32.
    private struct SampleReader {
        let bytes: Int
        let convert: (UnsafeRawPointer, Int, Double, Double, UnsafeMutablePointer<Float>) -> Void
    }

    private static func reader<T: BinaryInteger>(_: T.Type) -> SampleReader {
        SampleReader(bytes: MemoryLayout<T>.size) { raw, n, slope, intercept, out in
            let p = raw.bindMemory(to: T.self, capacity: n)
            if slope == 1 && intercept == 0 {
                for i in 0..<n { out[i] = Float(p[i]) }
            } else {
                for i in 0..<n { out[i] = Float(Double(p[i]) * slope + intercept) }
            }
        }
    }

    private static func sampleReader(_ datatype: Int) -> SampleReader? {
        switch datatype {
        case 2: return reader(UInt8.self)
        case 4: return reader(Int16.self)
        case 8: return reader(Int32.self)
        case 256: return reader(Int8.self)
        case 512: return reader(UInt16.self)
        case 768: return reader(UInt32.self)
        case 1024: return reader(Int64.self)
        case 1280: return reader(UInt64.self)
        case 16:
            return SampleReader(bytes: 4) { raw, n, slope, intercept, out in
                let p = raw.bindMemory(to: Float.self, capacity: n)
                for i in 0..<n { out[i] = slope == 1 && intercept == 0 ? p[i] : Float(Double(p[i]) * slope + intercept) }
            }
        case 64:
            return SampleReader(bytes: 8) { raw, n, slope, intercept, out in
                let p = raw.bindMemory(to: Double.self, capacity: n)
                for i in 0..<n { out[i] = Float(p[i] * slope + intercept) }
            }
        default: return nil
        }
    }
}
