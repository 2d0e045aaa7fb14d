import FuzzDriver
import GLM

/// A small frame with every kind of column a formula can meet: numeric with and
/// without a missing value, a name that needs backticks, and categorical columns
/// with two and three levels (one of them missing in a row).
///
/// Built afresh for every input rather than kept in a global: LeakSanitizer
/// cannot follow the pointers Swift stores with an enum tag in their spare bits,
/// so a long-lived categorical column would be reported as leaked at exit.
private func makeFrame() -> Frame {
    do {
        return try Frame(columns: [
            (name: "y", column: .numeric([1.5, 2.0, 3.25, 4.0, 5.5, 6.0, 7.75, 9.0])),
            (name: "x", column: .numeric([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0])),
            (name: "z", column: .numeric([2, -1, 0, 3, Double.nan, 1, 4, -2])),
            (name: "lot size", column: .numeric([80, 30, 50, 90, 70, 60, 120, 80])),
            (name: "g", column: .categorical(["a", "b", "c", "a", "b", "c", "a", "b"])),
            (name: "sex", column: .categorical(["f", "m", nil, "m", "f", "f", "m", "f"])),
        ], source: "fuzz")
    } catch {
        fatalError("the fixed fuzzing frame is invalid: \(error)")
    }
}

/// Parses the input as a formula; when it parses, builds its design on `frame`
/// and the design rows for the same frame, with a reference level for `g`
/// whenever the input's length is even so both codings are exercised.
private func fuzzFormula(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let formula = try? Formula(text) else { return 0 }
    _ = formula.description
    _ = formula.variables
    let frame = makeFrame()
    let references = size % 2 == 0 ? ["g": "b"] : [:]
    if let design = try? Design(formula: formula, frame: frame, referenceLevels: references) {
        _ = try? design.rows(for: frame)
    }
    return 0
}

@main
enum FuzzFormulaMain {
    static func main() { runFuzzer(fuzzFormula) }
}
