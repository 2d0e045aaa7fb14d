import Foundation

/// C = α·op(A)·op(B) + β·C for column-major Double matrices, through OpenBLAS's
/// `cblas_dgemm` (BLAS level 3), found at run time like the LAPACK routines in
/// CLapack's shim (OpenBLAS is opened on first use, never linked, so commands
/// that fit nothing do not pay for loading it).
///
/// The voxelwise fit spends nearly all its time in two products per block of
/// voxels (β̂ = X⁺Y and the residuals Y − Xβ̂); a level-3 routine reads each block
/// from memory once and keeps both cores busy. When no BLAS can be loaded a plain
/// loop gives the same numbers, slower.
enum BLASMatrixProduct {
    private typealias DGEMM = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32,
        UnsafePointer<Double>?, Int32, Double, UnsafeMutablePointer<Double>?, Int32
    ) -> Void

    private static let colMajor: Int32 = 102, noTrans: Int32 = 111, trans: Int32 = 112

    private static let dgemm: DGEMM? = {
        for name in ["libopenblas.so.0", "libcblas.so.3", "libblas.so.3", "libopenblas.dylib"] {
            if let library = dlopen(name, RTLD_LAZY | RTLD_LOCAL), let symbol = dlsym(library, "cblas_dgemm") {
                return unsafeBitCast(symbol, to: DGEMM.self)
            }
        }
        return nil
    }()

    private typealias ThreadCount = @convention(c) () -> Int32
    private typealias SetThreadCount = @convention(c) (Int32) -> Void

    /// OpenBLAS's own thread count, read and set (nil for a BLAS without threads).
    private static let threads: (get: ThreadCount, set: SetThreadCount)? = {
        guard let library = dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_LOCAL),
              let get = dlsym(library, "openblas_get_num_threads"),
              let set = dlsym(library, "openblas_set_num_threads") else { return nil }
        return (unsafeBitCast(get, to: ThreadCount.self), unsafeBitCast(set, to: SetThreadCount.self))
    }()
    private static let threadLock = NSLock()
    nonisolated(unsafe) private static var singleThreadedCallers = 0
    nonisolated(unsafe) private static var savedThreads: Int32 = 1

    /// Runs `body` with OpenBLAS computing each product on the calling thread.
    ///
    /// A voxelwise fit runs one worker per core, each with its own blocks; were
    /// OpenBLAS to split every small product over the cores as well, its threads
    /// would spin waiting for each other (perf, before: about a quarter of the
    /// `fmri fit` command's samples in the kernel's scheduler and `sched_yield`). The library's count is restored when the last caller leaves.
    static func withOneLibraryThread<T>(_ body: () throws -> T) rethrows -> T {
        guard let threads else { return try body() }
        threadLock.lock()
        if singleThreadedCallers == 0 {
            savedThreads = threads.get()
            threads.set(1)
        }
        singleThreadedCallers += 1
        threadLock.unlock()
        defer {
            threadLock.lock()
            singleThreadedCallers -= 1
            if singleThreadedCallers == 0 { threads.set(savedThreads) }
            threadLock.unlock()
        }
        return try body()
    }

    /// Whether products go through a BLAS library (false: the fallback loop).
    static var usesLibrary: Bool { dgemm != nil }

    /// C (m × n) = α·op(A)·op(B) + β·C; op(A) is m × k, op(B) is k × n.
    static func multiply(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double = 1,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, beta: Double = 0,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        if let dgemm {
            dgemm(
                colMajor, transposeA ? trans : noTrans, transposeB ? trans : noTrans, Int32(m), Int32(n), Int32(k),
                alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            return
        }
        for j in 0..<n {
            for i in 0..<m {
                var sum = 0.0
                for l in 0..<k {
                    let x = transposeA ? a[l + i * lda] : a[i + l * lda]
                    let y = transposeB ? b[j + l * ldb] : b[l + j * ldb]
                    sum += x * y
                }
                c[i + j * ldc] = alpha * sum + (beta == 0 ? 0 : beta * c[i + j * ldc])
            }
        }
    }
}
