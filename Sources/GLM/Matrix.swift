/// A dense matrix of `Double`, stored column-major so it can be handed to LAPACK
/// without copying or transposing.
///
/// Deliberately small: the GLM needs construction, element access, columns and a
/// few products; heavy lifting goes to LAPACK.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Column-major storage: element (i, j) is at `storage[i + j * rows]`.
    public var storage: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// Builds a matrix from column-major storage.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
        precondition(storage.count == rows * columns, "storage does not match \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// Builds a matrix from its columns, each of the same length.
    public init(columns: [[Double]]) {
        let n = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == n }, "columns differ in length")
        self.init(rows: n, columns: columns.count, columnMajor: columns.flatMap { $0 })
    }

    /// Builds a matrix from its rows (convenient for literals in tests).
    public init(rows: [[Double]]) {
        let p = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == p }, "rows differ in length")
        var m = Matrix(rows: rows.count, columns: p)
        for (i, row) in rows.enumerated() {
            for (j, value) in row.enumerated() { m[i, j] = value }
        }
        self = m
    }

    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// A copy of column `j`.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// A copy of row `i`.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { self[i, $0] }
    }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t[j, i] = self[i, j] }
        }
        return t
    }

    /// The diagonal of a square (or rectangular) matrix.
    public var diagonal: [Double] {
        (0..<Swift.min(rows, columns)).map { self[$0, $0] }
    }

    /// Matrix–vector product `self · v`.
    public func multiplied(by v: [Double]) -> [Double] {
        precondition(v.count == columns, "vector length \(v.count) does not match \(columns) columns")
        var out = [Double](repeating: 0, count: rows)
        for j in 0..<columns where v[j] != 0 {
            let vj = v[j]
            let base = j * rows
            for i in 0..<rows { out[i] += storage[base + i] * vj }
        }
        return out
    }

    /// Matrix product `self · other`.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        var out = Matrix(rows: rows, columns: other.columns)
        for j in 0..<other.columns {
            let product = multiplied(by: other.column(j))
            for i in 0..<rows { out[i, j] = product[i] }
        }
        return out
    }
}
