import Foundation

/// Compares two `fits.json` files model by model: numbers within a relative
/// tolerance, everything else exactly. Differences are named by model and key
/// path, with coefficients named by their term (`coefficients[lot_size].estimate`)
/// rather than their position, since that is how a reader thinks of them.
enum FitsComparison {
    struct Difference: Equatable {
        var model: String
        var path: String
        var detail: String
    }

    /// Every difference, models in name order, the most telling keys first.
    static func differences(committed: Data, fresh: Data, relativeTolerance: Double) throws -> [Difference] {
        try JSONNesting.check(committed)
        let old = try JSONDecoder().decode([String: JSONValue].self, from: committed)
        let new = try JSONDecoder().decode([String: JSONValue].self, from: fresh)
        var found: [Difference] = []
        for model in Set(old.keys).union(new.keys).sorted() {
            switch (old[model], new[model]) {
            case let (before?, after?):
                compare(before, after, path: "", tolerance: relativeTolerance) {
                    found.append(Difference(model: model, path: $0, detail: $1))
                }
            case (nil, _?):
                found.append(Difference(model: model, path: "", detail: "model is missing; the fresh render has it"))
            case (_?, nil):
                found.append(Difference(model: model, path: "", detail: "model is no longer in the spec"))
            case (nil, nil):
                break
            }
        }
        return found
    }

    /// Whether two numbers agree: within `tolerance` of the larger magnitude, or,
    /// inside a matrix or vector, of its largest entry. An entry that is zero in
    /// exact arithmetic (a covariance in an orthogonal design) comes out as
    /// round-off of either sign, which only the matrix's own scale can judge.
    static func agree(_ a: Double, _ b: Double, tolerance: Double, scale: Double = 0) -> Bool {
        a == b || abs(a - b) <= tolerance * max(abs(a), abs(b), scale)
    }

    private static func compare(_ old: JSONValue, _ new: JSONValue, path: String, tolerance: Double, scale: Double = 0,
                                report: (String, String) -> Void) {
        switch (old, new) {
        case let (.number(a), .number(b)):
            if !agree(a, b, tolerance: tolerance, scale: scale) {
                let relative = abs(a - b) / max(abs(a), abs(b))
                report(path, "is \(a), the fresh fit gives \(b) (relative difference \(String(format: "%.2g", relative)))")
            }
        case let (.array(a), .array(b)):
            guard a.count == b.count else {
                report(path, "has \(a.count) entries, the fresh fit \(b.count)")
                return
            }
            let matrixScale = max(largestMagnitude(old) ?? 0, largestMagnitude(new) ?? 0)
            for (index, (x, y)) in zip(a, b).enumerated() {
                compare(x, y, path: path + "[\(label(x, y) ?? String(index))]", tolerance: tolerance,
                        scale: max(scale, matrixScale), report: report)
            }
        case let (.object(a), .object(b)):
            for key in Set(a.keys).union(b.keys).sorted(by: readingOrder) {
                let child = path.isEmpty ? key : "\(path).\(key)"
                switch (a[key], b[key]) {
                case let (x?, y?): compare(x, y, path: child, tolerance: tolerance, report: report)
                case (nil, _?): report(child, "is missing; the fresh fit has it")
                case (_?, nil): report(child, "is not in the fresh fit")
                case (nil, nil): break
                }
            }
        default:
            if old != new { report(path, "is \(old.summary), the fresh fit gives \(new.summary)") }
        }
    }

    /// Keys a reader looks at first come first, so the difference a message
    /// leads with is the estimate rather than, say, the adjusted R².
    static let leadingKeys = ["coefficients", "estimate", "std_error", "sigma", "r_squared", "n", "df_residual"]

    static func readingOrder(_ a: String, _ b: String) -> Bool {
        let rank = { (key: String) in leadingKeys.firstIndex(of: key) ?? leadingKeys.count }
        return (rank(a), a) < (rank(b), b)
    }

    /// The largest |x| of an array made only of numbers, nulls and such arrays
    /// (a vector or matrix); nil for anything else.
    private static func largestMagnitude(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let x): return abs(x)
        case .null: return 0
        case .array(let values):
            var largest = 0.0
            for value in values {
                guard let magnitude = largestMagnitude(value) else { return nil }
                largest = max(largest, magnitude)
            }
            return largest
        default: return nil
        }
    }

    /// A coefficient row's term, when both sides name the same one.
    private static func label(_ a: JSONValue, _ b: JSONValue) -> String? {
        guard case .object(let x) = a, case .object(let y) = b,
              case .string(let term)? = x["term"], x["term"] == y["term"] else { return nil }
        return term
    }
}
