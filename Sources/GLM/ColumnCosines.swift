extension Matrix {
    /// |cos θ| between every pair of columns, a′b / √(a′a · b′b) in magnitude,
    /// as SPM's design review shows the orthogonality of a design: 0 for
    /// orthogonal columns, 1 for collinear ones (an aliased pair). The columns
    /// are not centred, so this is the correlation only for columns with zero
    /// mean. A column of zeros has no direction: its cosines are NaN.
    ///
    /// The sums are kept in extended precision (`ExtendedSum`) so that an aliased
    /// pair comes out as 1 to the last bit or two, not 0.9999… from rounding in a
    /// long column; the result is clamped to 1.
    public func absoluteColumnCosines() -> [[Double]] {
        let columnValues = (0..<columns).map { column($0) }
        // Squared lengths, and one square root of their product: a column and a
        // copy of it give √(a′a · a′a) = a′a exactly, so the copy's cosine is 1,
        // where √(a′a) · √(a′a) can miss a′a in the last bit.
        let squares = columnValues.map { Self.dot($0, $0) }
        var cosines = [[Double]](repeating: [Double](repeating: 0, count: columns), count: columns)
        for i in 0..<columns {
            for j in i..<columns {
                let denominator = (squares[i] * squares[j]).squareRoot()
                let value = denominator == 0 ? Double.nan : min(1, abs(Self.dot(columnValues[i], columnValues[j])) / denominator)
                cosines[i][j] = value
                cosines[j][i] = value
            }
        }
        return cosines
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = ExtendedSum()
        for (x, y) in zip(a, b) { sum.add(x * y) }
        return sum.value
    }
}
