import FuzzDriver
import Plot

/// Translates the input, read as UTF-8, from the TeX subset to Pango markup.
private func fuzzTeX(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TeX.markup(text)
    return 0
}

@main
enum FuzzTeXMain {
    static func main() { runFuzzer(fuzzTeX) }
}
