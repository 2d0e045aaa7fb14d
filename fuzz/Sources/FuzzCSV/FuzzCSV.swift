import FuzzDriver
import GLM

/// Column names the option sets draw from: the ones the corpus uses plus an
/// empty name and one that never appears, so overrides hit and miss.
private let names = ["x", "y", "g", "group", "a b", "", "missing"]

/// Reads the input as CSV. The first byte picks which names are forced
/// categorical (low bits) and forced numeric (high bits), so the same text is
/// read under different option sets; the rest is the file.
private func fuzzCSV(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    guard size > 0 else { return 0 }
    let selector = data[0]
    var options = CSVOptions()
    for (bit, name) in names.prefix(4).enumerated() where selector & (1 << bit) != 0 {
        options.categorical.insert(name)
    }
    for (bit, name) in names.suffix(4).enumerated() where selector & (16 << bit) != 0 {
        options.numeric.insert(name)
    }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if let frame = try? Frame(csv: bytes, source: "fuzz.csv", options: options) {
        for name in frame.names { _ = frame[name]?.count }
    }
    return 0
}

@main
enum FuzzCSVMain {
    static func main() { runFuzzer(fuzzCSV) }
}
