/// How far each element of the probability-model figure is drawn in one frame
/// of its animation. The animation tells the model in the chapter's order, one
/// step at a time, holding after each so it can be read: the line E(Y) is
/// drawn; a normal density grows at each chosen x and σ̂ is marked on one;
/// the observations drop out of the densities onto their values; and one
/// residual εᵢ is drawn from E(Y) to its observation. The last frame, every
/// element complete, is the still.
struct ProbabilityModelStage: Equatable {
    /// Fraction of the line drawn, left to right.
    var line: Double
    /// Growth of each density, 0 (flat on its stem) to 1.
    var densities: [Double]
    /// Whether ±1σ̂ and ±2σ̂ are marked.
    var sigma: Bool
    /// How far the observations have dropped from E(Y) to their values.
    var points: Double
    /// Fraction of the residual εᵢ drawn, from E(Y) towards its observation.
    var residual: Double

    /// Everything drawn: the still.
    static func complete(densities: Int) -> ProbabilityModelStage {
        ProbabilityModelStage(line: 1, densities: Array(repeating: 1, count: densities), sigma: true, points: 1, residual: 1)
    }
}

/// The steps of the animation and how long each lasts, in shares of the
/// frames. Moves are eased (slow in, slow out); holds repeat a frame.
enum ProbabilityModelStory {
    enum Step: Equatable {
        case drawLine, growDensity(Int), markSigma, dropPoints, drawResidual, hold
    }

    /// The steps for `densities` densities, with their weights. Holds are long
    /// where there is new text to read (σ̂'s marks) and short between densities.
    static func steps(densities: Int, points: Bool) -> [(step: Step, weight: Double)] {
        var steps: [(Step, Double)] = [(.drawLine, 1.0), (.hold, 0.8)]
        for index in 0..<densities { steps += [(.growDensity(index), 0.6), (.hold, 0.3)] }
        steps += [(.markSigma, 0.1), (.hold, 1.6)]
        if points { steps += [(.dropPoints, 1.2), (.hold, 1.0), (.drawResidual, 0.6)] }
        return steps.map { (step: $0.0, weight: $0.1) }
    }

    /// `count` stages: the story spread over the first `count − 1` frames, and
    /// the complete figure last.
    static func stages(count: Int, densities: Int, points: Bool) -> [ProbabilityModelStage] {
        let complete = ProbabilityModelStage.complete(densities: densities)
        guard count > 1 else { return [complete] }
        let steps = steps(densities: densities, points: points)
        let total = steps.map(\.weight).reduce(0, +)
        var stages: [ProbabilityModelStage] = []
        for frame in 0..<(count - 1) {
            let time = Double(frame) / Double(count - 1) * total
            var stage = ProbabilityModelStage(line: 0, densities: Array(repeating: 0, count: densities), sigma: false,
                                              points: points ? 0 : 1, residual: points ? 0 : 1)
            var start = 0.0
            for (step, weight) in steps {
                // Steps before this time are complete; the one it falls in is under way.
                let progress = min(1, max(0, (time - start) / weight))
                start += weight
                guard progress > 0 else { break }
                let eased = progress * progress * (3 - 2 * progress)
                switch step {
                case .drawLine: stage.line = eased
                case .growDensity(let index): stage.densities[index] = eased
                case .markSigma: stage.sigma = true
                case .dropPoints: stage.points = eased
                case .drawResidual: stage.residual = eased
                case .hold: break
                }
            }
            stages.append(stage)
        }
        stages.append(complete)
        return stages
    }
}
