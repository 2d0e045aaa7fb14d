import CLapack

/// The thin SVD A = U·diag(σ)·Vᵀ of a small matrix, through LAPACK's `dgesdd`.
///
/// Used on the triangular factor of a design (at most p×p), never on the n-row design
/// itself, so its cost does not grow with the number of observations.
struct SingularValueDecomposition {
    /// Singular values, largest first.
    let values: [Double]
    /// Left singular vectors, rows(A) × k.
    let u: Matrix
    /// Right singular vectors as rows, k × columns(A).
    let vt: Matrix

    init(_ matrix: Matrix) throws {
        let m = matrix.rows, n = matrix.columns
        let k = min(m, n)
        guard k > 0 else {
            values = []
            u = Matrix(rows: m, columns: 0)
            vt = Matrix(rows: 0, columns: n)
            return
        }
        var a = matrix.storage
        var s = [Double](repeating: 0, count: k)
        var uStorage = [Double](repeating: 0, count: m * k)
        var vtStorage = [Double](repeating: 0, count: k * n)
        let info = glmviz_dgesdd(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "S")), Int32(m), Int32(n), &a, Int32(m), &s,
            &uStorage, Int32(m), &vtStorage, Int32(k))
        try LeastSquares.check("dgesdd", info)
        values = s
        u = Matrix(rows: m, columns: k, columnMajor: uStorage)
        vt = Matrix(rows: k, columns: n, columnMajor: vtStorage)
    }

    /// A⁺b keeping the first `rank` singular values: Σᵢ vᵢ (uᵢᵀb) / σᵢ.
    func pseudoInverseApplied(to b: [Double], rank: Int) -> [Double] {
        var result = [Double](repeating: 0, count: vt.columns)
        for i in 0..<rank {
            var projection = 0.0
            for r in 0..<u.rows { projection += u[r, i] * b[r] }
            let weight = projection / values[i]
            for j in 0..<vt.columns { result[j] += vt[i, j] * weight }
        }
        return result
    }

    /// (AᵀA)⁺ keeping the first `rank` singular values: Σᵢ vᵢvᵢᵀ / σᵢ².
    func pseudoInverseGram(rank: Int) -> Matrix {
        let n = vt.columns
        var gram = Matrix(rows: n, columns: n)
        for i in 0..<rank {
            let w = 1 / (values[i] * values[i])
            for c in 0..<n {
                let vc = vt[i, c] * w
                for r in 0..<n { gram[r, c] += vt[i, r] * vc }
            }
        }
        return gram
    }
}
