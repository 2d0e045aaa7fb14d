/// Growable storage for the numbers of every column of one chunk during pass one.
///
/// Appending to `[[Double]]` checks uniqueness and capacity of two arrays per cell;
/// on the reader's hottest loop, plain pointers with one capacity check are
/// measurably faster. Memory is released when the object goes away.
final class CSVNumberColumns {
    private let width: Int
    private let bases: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    private let counts: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>

    init(width: Int, capacity: Int) {
        self.width = width
        bases = .allocate(capacity: max(width, 1))
        counts = .allocate(capacity: max(width, 1))
        capacities = .allocate(capacity: max(width, 1))
        for c in 0..<width {
            bases[c] = .allocate(capacity: max(capacity, 16))
            counts[c] = 0
            capacities[c] = max(capacity, 16)
        }
    }

    deinit {
        for c in 0..<width { bases[c].deallocate() }
        bases.deallocate()
        counts.deallocate()
        capacities.deallocate()
    }

    @inline(__always)
    func append(_ value: Double, to column: Int) {
        let count = counts[column]
        if count == capacities[column] { grow(column) }
        bases[column][count] = value
        counts[column] = count + 1
    }

    /// Forgets a column's numbers (it turned out to hold text).
    func clear(_ column: Int) {
        counts[column] = 0
    }

    /// Frees a column's storage once it has been copied out, so that for a large
    /// file the chunks' numbers and the merged columns are not all held at once.
    func release(_ column: Int) {
        bases[column].deallocate()
        bases[column] = .allocate(capacity: 1)
        counts[column] = 0
        capacities[column] = 1
    }

    func count(of column: Int) -> Int { counts[column] }

    /// The numbers of `column`, for copying into the frame.
    func values(of column: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: bases[column], count: counts[column])
    }

    private func grow(_ column: Int) {
        let capacity = capacities[column] * 2
        let grown = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
        grown.update(from: bases[column], count: counts[column])
        bases[column].deallocate()
        bases[column] = grown
        capacities[column] = capacity
    }
}
