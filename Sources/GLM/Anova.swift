import Foundation

/// An analysis-of-variance table of a fitted design, as R prints it:
///
/// - **type I** (sequential), R's `anova(lm)`: each term's sum of squares is the
///   drop in the residual sum of squares when it is added after the terms before
///   it; a term whose columns are all aliased with earlier ones is left out, as R
///   leaves it out.
/// - **type II**, `car::Anova(type = 2)`: each term after every other term that
///   does not contain it (marginality respected), by model comparison, so an
///   aliased design still has a table (a term with no columns of its own left
///   shows df 0 and no sum of squares, as car shows it).
/// - **type III**, `car::Anova(type = 3)`: each term, the intercept included,
///   after every other term. It depends on the coding: with treatment coding it
///   tests simple effects at the reference levels, so R users fit it with sum
///   coding (`--coding x=sum` or `C(x, contr.sum)`). Refused, as car refuses it,
///   when columns are aliased.
///
/// Sums of squares are differences of residual sums of squares of nested fits on
/// column subsets of the design (the solver's, so in extended precision for small
/// designs); F is each mean square over σ̂² of the full model, p from Rmath's `pf`.
public struct AnovaTable: Sendable, Equatable {
    public enum Kind: Int, Sendable, CaseIterable {
        case sequential = 1, typeII = 2, typeIII = 3

        /// "Type I (sequential)" etc., for headings.
        public var title: String {
            switch self {
            case .sequential: return "Type I (sequential) sums of squares, as R's anova(lm)"
            case .typeII: return "Type II sums of squares, as car::Anova(type = 2)"
            case .typeIII: return "Type III sums of squares, as car::Anova(type = 3)"
            }
        }
    }

    public struct Row: Sendable, Equatable {
        /// The term's label (`wool:tension`, `(Intercept)`), or `Residuals`.
        public let term: String
        public let df: Int
        /// Nil for a term with no degrees of freedom left (type II of an aliased design).
        public let sumOfSquares: Double?
        public let meanSquare: Double?
        /// Nil on the residual row, and when undefined.
        public let f: Double?
        public let p: Double?
    }

    public let kind: Kind
    /// One row per term, then the `Residuals` row.
    public let rows: [Row]

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case aliased(columns: [String])
        case noResidualDegreesOfFreedom

        public var description: String {
            switch self {
            case .aliased(let columns):
                return "a type III table needs every column estimable, and \(columns.map { "'\($0)'" }.joined(separator: ", ")) "
                    + "\(columns.count == 1 ? "is" : "are") aliased (car::Anova refuses it too)"
            case .noResidualDegreesOfFreedom:
                return "no residual degrees of freedom, so the table has no F tests"
            }
        }
    }
}

extension Design {
    /// Whether an interaction term holds a treatment-coded categorical variable,
    /// which makes a type III table test main effects at reference levels.
    public var hasTreatmentCodedInteraction: Bool {
        components.indices.contains { j in
            columnTerms[j].contains(":") && components[j].contains { if case .indicator = $0 { return true } else { return false } }
        }
    }

    /// The ANOVA table of this design's least-squares fit.
    public func anova(_ kind: AnovaTable.Kind) throws -> AnovaTable {
        let full = try residualSumOfSquares(columns: Array(0..<x.columns))
        let n = x.rows
        let dfResidual = n - full.rank
        guard dfResidual > 0 else { throw AnovaTable.Failure.noResidualDegreesOfFreedom }
        let sigmaSquared = full.rss / Double(dfResidual)
        func row(_ term: String, df: Int, ss: Double?) -> AnovaTable.Row {
            guard df > 0, let ss else { return .init(term: term, df: df, sumOfSquares: nil, meanSquare: nil, f: nil, p: nil) }
            // A sum of squares that differs from zero only by rounding is zero.
            let clean = max(ss, 0)
            let mean = clean / Double(df)
            let f = mean / sigmaSquared
            let p = FDistribution(numerator: Double(df), denominator: Double(dfResidual)).survival(f)
            return .init(term: term, df: df, sumOfSquares: clean, meanSquare: mean, f: f, p: p)
        }
        let termLabels = formula.terms.map(\.label)
        let columnsOf: [String: [Int]] = Dictionary(grouping: columnTerms.indices, by: { columnTerms[$0] })
        var rows: [AnovaTable.Row] = []
        switch kind {
        case .sequential:
            var included = columnsOf["(Intercept)"] ?? []
            var previous = try residualSumOfSquares(columns: included)
            for label in termLabels {
                included += columnsOf[label] ?? []
                let next = try residualSumOfSquares(columns: included.sorted())
                let df = next.rank - previous.rank
                // R's anova.lm leaves out a term whose columns are all aliased.
                if df > 0 { rows.append(row(label, df: df, ss: previous.rss - next.rss)) }
                previous = next
            }
        case .typeII:
            let factorSets = formula.terms.map { Set($0.factors) }
            for (k, label) in termLabels.enumerated() {
                // Terms that contain this one (its higher-order relatives).
                let relatives = termLabels.indices.filter { $0 != k && factorSets[$0].isSuperset(of: factorSets[k]) }
                let without = Set(relatives.flatMap { columnsOf[termLabels[$0]] ?? [] })
                let own = Set(columnsOf[label] ?? [])
                let larger = try residualSumOfSquares(columns: (0..<x.columns).filter { !without.contains($0) })
                let smaller = try residualSumOfSquares(
                    columns: (0..<x.columns).filter { !without.contains($0) && !own.contains($0) })
                let df = larger.rank - smaller.rank
                rows.append(row(label, df: df, ss: df > 0 ? smaller.rss - larger.rss : nil))
            }
        case .typeIII:
            guard full.rank == x.columns else {
                let aliased = try fit().coefficients.filter { !$0.estimable }.map(\.term)
                throw AnovaTable.Failure.aliased(columns: aliased)
            }
            for label in (hasIntercept ? ["(Intercept)"] : []) + termLabels {
                let own = Set(columnsOf[label] ?? [])
                let smaller = try residualSumOfSquares(columns: (0..<x.columns).filter { !own.contains($0) })
                rows.append(row(label, df: own.count, ss: smaller.rss - full.rss))
            }
        }
        rows.append(.init(term: "Residuals", df: dfResidual, sumOfSquares: full.rss,
                          meanSquare: full.rss / Double(dfResidual), f: nil, p: nil))
        return AnovaTable(kind: kind, rows: rows)
    }

    /// The residual sum of squares and rank of the fit on a subset of the columns
    /// (no columns: y′y and rank 0).
    private func residualSumOfSquares(columns: [Int]) throws -> (rss: Double, rank: Int) {
        if columns.isEmpty { return (y.reduce(0) { $0 + $1 * $1 }, 0) }
        let sub = columns.count == x.columns ? x : Matrix(columns: columns.map { x.column($0) })
        let solution = try LeastSquares.solve(sub, y)
        return (solution.residualSumOfSquares, solution.rank)
    }
}
