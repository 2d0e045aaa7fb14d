/// The kinds of figure a lesson can ask for, each with the options it accepts.
/// Keeping the option table here lets the spec reader refuse a misspelt option
/// before anything is fitted or drawn.
public enum FigureKind: String, CaseIterable, Sendable {
    case scatterFit = "scatter-fit"
    case probabilityModel = "probability-model"
    case dummyMeans = "dummy-means"
    case regressionPlane = "regression-plane"
    case designMatrix = "design-matrix"
    case dummyCoding = "dummy-coding"
    case tDistribution = "t-distribution"
    case coefficientTable = "coefficient-table"

    public static var names: [String] { allCases.map(\.rawValue) }

    /// Options every kind accepts.
    static let commonOptions: [String: FigureOption.ValueType] = [
        "width": .integer(200...4000),
        "height": .integer(150...4000),
        "title": .string,
        "x-label": .string,
        "y-label": .string,
    ]

    /// Options this kind accepts beyond the common ones.
    var specificOptions: [String: FigureOption.ValueType] {
        switch self {
        case .scatterFit:
            return [
                "x": .string, "residuals": .bool,
                "bands": .choices(["confidence", "prediction"]),
                "level": .number(0.5...0.999),
                "annotate": .choices(["equation", "r-squared", "slope", "slope-triangle", "sigma"]),
            ]
        case .probabilityModel:
            return ["x": .string, "at": .numbers, "points": .bool, "density-width": .number(0.05...0.5)]
        case .dummyMeans:
            return ["group": .string, "jitter": .number(0...0.4), "seed": .integer(0...Int(Int32.max))]
        case .regressionPlane:
            return ["azimuth": .number(-360...360), "elevation": .number(-90...90), "residuals": .bool]
        case .designMatrix:
            return ["numbers": .choice(["auto", "always", "never"]), "scaling": .choice(["column", "none"])]
        case .dummyCoding:
            return ["variable": .string]
        case .tDistribution:
            return ["term": .string, "alpha": .number(0.0001...0.5)]
        case .coefficientTable:
            return ["level": .number(0.5...0.999)]
        }
    }

    var allOptions: [String: FigureOption.ValueType] {
        FigureKind.commonOptions.merging(specificOptions) { a, _ in a }
            .merging(animates ? FigureKind.animationOptions : [:]) { a, _ in a }
    }
}
