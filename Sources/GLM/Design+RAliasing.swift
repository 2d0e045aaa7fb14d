import Foundation
import Support

/// R's answer for aliased designs, beside glmviz's minimum-norm one.
///
/// R's `lm` runs LINPACK's `dqrdc2`, a Householder QR with limited pivoting: the
/// columns are taken left to right, and one whose norm, after removing its part
/// in the span of the columns kept before it, falls below `tol` = 1e-7 times its
/// own norm is moved to the end and reported as `NA`. So of an aliased set R
/// drops the last column and estimates the rest (whose values then depend on the
/// column order), and a column that is merely close to the span of earlier ones
/// (Longley's `I(Year^3)`, left with 3·10⁻⁹ of its norm) counts as aliased, while
/// glmviz's rank tolerance, max(n, p)·ε·σ_max on the equilibrated design, keeps it.
extension Design {
    /// R's default tolerance in `lm` (`qr(tol = 1e-07)`).
    public static let rTolerance = 1e-7

    /// A column R's `lm` would report as `NA`, with the share of its norm left
    /// after the columns R keeps before it.
    public struct RAliasedColumn: Sendable, Equatable {
        public let index: Int
        public let name: String
        public let remainingNorm: Double
    }

    /// The columns R's pivoting QR would drop, in order, found by the same rule
    /// (Gram–Schmidt, twice for accuracy, against the columns kept so far).
    public func aliasedColumnsAsR(tolerance: Double = Design.rTolerance) -> [RAliasedColumn] {
        var kept: [[Double]] = []  // orthonormal basis of the kept columns
        var aliased: [RAliasedColumn] = []
        for j in 0..<x.columns {
            var v = x.column(j)
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else {
                aliased.append(.init(index: j, name: columnNames[j], remainingNorm: 0))
                continue
            }
            for _ in 0..<2 {
                for q in kept {
                    var dot = 0.0
                    for i in v.indices { dot += q[i] * v[i] }
                    for i in v.indices { v[i] -= dot * q[i] }
                }
            }
            let left = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if left < tolerance * norm {
                aliased.append(.init(index: j, name: columnNames[j], remainingNorm: left / norm))
            } else {
                kept.append(v.map { $0 / left })
            }
        }
        return aliased
    }

    /// The design without the columns R would drop: fitting it gives R's
    /// estimates for the others.
    public func droppingColumns(_ indices: [Int]) -> Design {
        let drop = Set(indices)
        let keep = (0..<x.columns).filter { !drop.contains($0) }
        return Design(
            formula: formula, x: Matrix(columns: keep.map { x.column($0) }), y: y,
            columnNames: keep.map { columnNames[$0] }, columnTerms: keep.map { columnTerms[$0] },
            hasIntercept: hasIntercept, responseName: responseName, rowsUsed: rowsUsed, droppedRows: droppedRows,
            transformDroppedRows: transformDroppedRows, notes: notes, offset: offset, levels: levels,
            components: keep.map { components[$0] })
    }

    /// One line for the summary when R's `lm` would judge the rank or the aliased
    /// columns differently from this fit (nil when they agree), with the reason.
    public func rAliasingNote(fit: Fit) -> String? {
        let r = aliasedColumnsAsR()
        let rRank = x.columns - r.count
        let ours = Set(fit.coefficients.indices.filter { !fit.coefficients[$0].estimable })
        if rRank != fit.rank {
            let columns = r.filter { !ours.contains($0.index) }.map {
                "'\($0.name)' (only \(String(posixFormat: "%.2g", $0.remainingNorm)) of its norm is outside the columns before it)"
            }
            return "R's lm (QR tolerance 1e-7) would find rank \(rRank), not \(fit.rank), and report "
                + "\(columns.joined(separator: ", ")) as NA; glmviz's tolerance is max(n, p)·ε·σ_max on the equilibrated design. "
                + "--aliased r gives R's answer"
        }
        if !r.isEmpty, Set(r.map(\.index)) != ours {
            return "R's lm would report only \(r.map { "'\($0.name)'" }.joined(separator: ", ")) as NA "
                + "(the last column of each aliased set) and estimate the others; --aliased r gives R's answer"
        }
        return nil
    }
}
