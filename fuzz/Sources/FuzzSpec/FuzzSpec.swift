import FuzzDriver
import Lessons

/// Reads the input as a lesson spec: YAML parsing and the full validation the
/// `lesson` command does before it loads data, with no base directory so nothing
/// is read from or written to disk.
private func fuzzSpec(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? LessonSpecParser.parse(yaml: text, file: "fuzz.yaml", name: "fuzz", baseDirectory: nil)
    return 0
}

@main
enum FuzzSpecMain {
    static func main() { runFuzzer(fuzzSpec) }
}
