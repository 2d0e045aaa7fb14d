/// Reads the `data: generate:` block of a lesson spec.
enum GeneratorSpecParser {
    static let keys = ["n", "seed", "sigma", "exact", "response", "predictors", "beta"]
    static let predictorKeys = ["distribution", "mean", "sd", "min", "max", "values", "from", "to",
                                "levels", "reference", "decimals"]

    static func parse(_ node: SpecNode) throws -> GeneratorSpec {
        let map = try node.mapping("'generate'")
        try map.allowOnly(keys)
        let n = try map.required("n").int("'n' (the number of rows)", in: 2...LessonSpecParser.maximumRows)
        let seed = try map["seed"].map { UInt64(try $0.int("'seed'", in: 0...Int.max)) } ?? 1
        let sigmaNode = try map.required("sigma")
        let sigma = try sigmaNode.double("'sigma' (the noise standard deviation)")
        guard sigma >= 0 else { throw sigmaNode.fail("'sigma' must not be negative, found \(sigma)") }
        let exact = try map["exact"].map { try $0.bool("'exact'") } ?? false
        let response = try map["response"].map { try $0.string("the response column's name") } ?? "y"

        let predictorMap = try map.required("predictors").mapping("'predictors'")
        let predictors = try predictorMap.entries.map { entry -> PredictorSpec in
            guard entry.key != response else {
                throw entry.keyNode.fail("predictor '\(entry.key)' has the same name as the response")
            }
            return try parsePredictor(entry.value, name: entry.key, n: n, keyNode: entry.keyNode)
        }

        let betaNode = try map.required("beta")
        let betaMap = try betaNode.mapping("'beta' (design column: coefficient)")
        let columns = designColumnNames(predictors)
        var beta: [String: Double] = [:]
        var betaLocations: [String: SourceLocation] = [:]
        for entry in betaMap.entries {
            guard columns.contains(entry.key) else {
                throw entry.keyNode.fail("'beta' names '\(entry.key)', which is not a column of the generated design",
                                         suggestion: NearestWord.hint(for: entry.key, among: columns))
            }
            beta[entry.key] = try entry.value.double("the coefficient of '\(entry.key)'")
            betaLocations[entry.key] = entry.keyNode.location
        }
        if exact && n <= columns.count {
            throw try map.required("n").fail(
                "'exact' needs more rows than design columns (n = \(n), columns = \(columns.count)) to leave room for noise")
        }
        return GeneratorSpec(n: n, seed: seed, sigma: sigma, exact: exact, response: response,
                             predictors: predictors, beta: beta, betaLocations: betaLocations,
                             location: node.location)
    }

    /// Design column names in R's style: `(Intercept)`, numeric names, then
    /// `name` + level for each non-reference level.
    static func designColumnNames(_ predictors: [PredictorSpec]) -> [String] {
        var names = ["(Intercept)"]
        for predictor in predictors {
            if case .groups(let levels, let reference) = predictor.source {
                names += levels.map(\.name).filter { $0 != reference }.map { predictor.name + $0 }
            } else {
                names.append(predictor.name)
            }
        }
        return names
    }

    static func parsePredictor(_ node: SpecNode, name: String, n: Int, keyNode: SpecNode) throws -> PredictorSpec {
        let map = try node.mapping("predictor '\(name)'")
        try map.allowOnly(predictorKeys)
        let decimals = try map["decimals"].map { try $0.int("'decimals'", in: 0...12) }
        let source: PredictorSpec.Source
        if let distributionNode = map["distribution"] {
            let distribution = try distributionNode.string("a distribution")
            switch distribution {
            case "normal":
                let mean = try map["mean"].map { try $0.double("'mean'") } ?? 0
                let sdNode = map["sd"]
                let sd = try sdNode.map { try $0.double("'sd'") } ?? 1
                guard sd > 0 else { throw (sdNode ?? node).fail("'sd' must be positive, found \(sd)") }
                source = .normal(mean: mean, sd: sd)
            case "uniform":
                let low = try map.required("min").double("'min'")
                let highNode = try map.required("max")
                let high = try highNode.double("'max'")
                guard high > low else { throw highNode.fail("'max' must be greater than 'min' (\(low))") }
                source = .uniform(min: low, max: high)
            default:
                throw distributionNode.fail("unknown distribution '\(distribution)'",
                                            suggestion: NearestWord.hint(for: distribution, among: ["normal", "uniform"]))
            }
        } else if let valuesNode = map["values"] {
            let values = try valuesNode.doubles("'values'")
            guard values.count == n else {
                throw valuesNode.fail("'values' of '\(name)' has \(values.count) numbers but n is \(n)")
            }
            source = .fixed(values)
        } else if let fromNode = map["from"] {
            let from = try fromNode.double("'from'")
            let to = try map.required("to").double("'to'")
            source = .sequence(from: from, to: to)
        } else if let levelsNode = map["levels"] {
            let levelMap = try levelsNode.mapping("'levels' (level: count)")
            guard levelMap.entries.count >= 2 else {
                throw levelsNode.fail("a group predictor needs at least two levels")
            }
            let levels = try levelMap.entries.map {
                (name: $0.key, count: try $0.value.int("the count of level '\($0.key)'", in: 1...LessonSpecParser.maximumRows))
            }
            let total = levels.reduce(0) { $0 + $1.count }
            guard total == n else {
                throw levelsNode.fail("the level counts of '\(name)' add up to \(total) but n is \(n)")
            }
            var reference = levels[0].name
            if let referenceNode = map["reference"] {
                reference = try referenceNode.string("the reference level")
                guard levels.contains(where: { $0.name == reference }) else {
                    throw referenceNode.fail("reference level '\(reference)' is not one of the levels",
                                             suggestion: NearestWord.hint(for: reference, among: levels.map(\.name)))
                }
            }
            source = .groups(levels: levels, reference: reference)
        } else {
            throw node.fail("predictor '\(name)' needs 'distribution', 'values', 'from'/'to' or 'levels'")
        }
        return PredictorSpec(name: name, source: source, decimals: decimals, location: keyNode.location)
    }
}
