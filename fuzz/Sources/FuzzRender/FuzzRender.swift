import FuzzDriver
import Foundation
import Lessons
import Plot

/// `FUZZ_RENDER_VERBOSE=1` prints how far each input got, to check that seeds
/// reach the drawing code.
private let verbose = ProcessInfo.processInfo.environment["FUZZ_RENDER_VERBOSE"] != nil

/// Largest canvas side, in logical pixels, a fuzzed figure is drawn at.
private let maximumSide = 300
/// Most rows of data a fuzzed lesson may have; larger inputs are skipped so that each
/// run stays fast (drawing cost grows with the rows, finding bugs does not).
private let maximumRows = 400

/// Reads the input as a lesson spec with inline, built-in or generated data, fits its
/// models and draws every figure to PNG and SVG in memory, charts at most 300 × 300
/// pixels (tables at the size of their text).
/// Nothing is read from or written to disk: there is no base directory, and specs
/// that name a CSV file are skipped. A caught error is a correct answer.
private func fuzzRender(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard var spec = try? LessonSpecParser.parse(yaml: text, file: "fuzz.yaml", name: "fuzz", baseDirectory: nil),
          small(spec.data), spec.models.allSatisfy({ small($0.data) }) else { return 0 }
    for index in spec.figures.indices {
        var figure = spec.figures[index]
        if figure.kind == .coefficientTable || figure.kind == .dummyCoding {
            // Tables take the size of their text, which the row limit bounds.
            figure.options["width"] = nil
            figure.options["height"] = nil
        } else {
            figure.options["width"] = .integer(min(figure.value(CommonFigureOptions.width) ?? maximumSide, maximumSide))
            figure.options["height"] = .integer(min(figure.value(CommonFigureOptions.height) ?? maximumSide, maximumSide))
        }
        spec.figures[index] = figure
    }
    let drawings: [(figure: FigureSpec, drawing: any Figure)]
    do {
        drawings = try PreparedLesson(spec).drawings()
    } catch {
        if verbose { print("refused: \(error)") }
        return 0
    }
    for (figure, drawing) in drawings {
        let png = try? drawing.pngData(scale: 1)
        let svg = try? drawing.svgData()
        if verbose { print("\(figure.id): PNG \(png?.count ?? 0) bytes, SVG \(svg?.count ?? 0) bytes") }
    }
    return 0
}

/// Data that is neither a file nor more than `maximumRows` rows.
private func small(_ data: DataSpec?) -> Bool {
    switch data {
    case nil, .builtin: return true
    case .csv, .timeseries, .volumes: return false
    case .inline(let columns, _): return columns.allSatisfy { $0.count <= maximumRows }
    case .generated(let generator): return generator.n <= maximumRows
    }
}

@main
enum FuzzRenderMain {
    static func main() { runFuzzer(fuzzRender) }
}
