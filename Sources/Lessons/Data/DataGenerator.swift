import Foundation
import GLM

/// Draws teaching data from a `GeneratorSpec`.
public enum DataGenerator {
    /// The generated table plus the design it was built from (handy for tests
    /// and for checking that a model's fit reproduces `beta`).
    public struct Output: Sendable {
        public var table: DataTable
        public var design: Matrix
        public var designColumns: [String]
    }

    public static func generate(_ spec: GeneratorSpec) throws -> Output {
        var random = Xoshiro256StarStar(seed: spec.seed)
        var table = DataTable()
        var designColumns: [[Double]] = [[Double](repeating: 1, count: spec.n)]
        var designNames = ["(Intercept)"]

        for predictor in spec.predictors {
            switch predictor.source {
            case .groups(let levels, let reference):
                var labels: [String] = []
                for level in levels { labels += Array(repeating: level.name, count: level.count) }
                table.set(predictor.name, .categorical(labels: labels, levels: levels.map(\.name)))
                for level in levels where level.name != reference {
                    designColumns.append(labels.map { $0 == level.name ? 1 : 0 })
                    designNames.append(predictor.name + level.name)
                }
            default:
                var values = draw(predictor.source, n: spec.n, random: &random)
                if let decimals = predictor.decimals {
                    let factor = pow(10, Double(decimals))
                    values = values.map { ($0 * factor).rounded() / factor }
                }
                table.set(predictor.name, .numeric(values))
                designColumns.append(values)
                designNames.append(predictor.name)
            }
        }

        let x = Matrix(columns: designColumns)
        let beta = designNames.map { spec.beta[$0] ?? 0 }
        var noise = (0..<spec.n).map { _ in standardNormal(&random) }
        if spec.exact {
            do {
                noise = try NoiseProjection.residual(of: noise, orthogonalTo: x)
            } catch NoiseProjection.Failure.rankDeficient(let column) {
                throw LessonError(.badData, at: spec.location,
                                  message: "the generated design is rank deficient: column '\(designNames[column])' depends on the others, so 'exact' cannot pin β",
                                  suggestion: "give that predictor more than one distinct value, or drop it")
            }
            let degreesOfFreedom = Double(spec.n - x.columns)
            let length = noise.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let target = spec.sigma * degreesOfFreedom.squareRoot()
            noise = length > 0 ? noise.map { $0 * target / length } : noise
        } else {
            noise = noise.map { $0 * spec.sigma }
        }
        let mean = x.multiplied(by: beta)
        table.set(spec.response, .numeric(zip(mean, noise).map(+)))
        return Output(table: table, design: x, designColumns: designNames)
    }

    static func draw(_ source: PredictorSpec.Source, n: Int, random: inout Xoshiro256StarStar) -> [Double] {
        switch source {
        case .normal(let mean, let sd):
            return (0..<n).map { _ in mean + sd * standardNormal(&random) }
        case .uniform(let low, let high):
            return (0..<n).map { _ in low + (high - low) * random.nextUnitInterval() }
        case .fixed(let values):
            return values
        case .sequence(let from, let to):
            guard n > 1 else { return [from] }
            return (0..<n).map { from + (to - from) * Double($0) / Double(n - 1) }
        case .groups:
            return []
        }
    }

    /// One standard normal draw by inversion: Rmath's normal quantile (Wichura's
    /// AS 241, accurate to double precision) of one uniform in (0, 1). One
    /// uniform per draw keeps the stream simple to reason about and to reproduce.
    static func standardNormal(_ random: inout Xoshiro256StarStar) -> Double {
        standardNormalDistribution.quantile(random.nextUnitInterval())
    }

    static let standardNormalDistribution = NormalDistribution(mean: 0, standardDeviation: 1)
}
