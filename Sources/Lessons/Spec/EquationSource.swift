import Yams

/// One display equation as a spec writes it under an `equation` figure's
/// `equations`, with where each of its characters sits in the spec, so that a
/// TeX error or an unknown `\model{…}` placeholder found when the figure is
/// built points at the spec's own line and column, also inside a block scalar.
public struct EquationSource: Sendable, Equatable {
    public var tex: String
    /// The places of the TeX's characters in the spec (`FormulaSource` walks
    /// the spec text the same way for formulas).
    var source: FormulaSource

    /// The spec location of the TeX's character `offset` (0-based), or the
    /// equation's first line when the column cannot be known.
    func location(ofCharacter offset: Int) -> SourceLocation {
        source.location(ofCharacter: offset) ?? source.start
    }

    /// The equations of the option `node`: a list of TeX strings, or a single one.
    static func readAll(_ node: SpecNode, name: String, lines: [[Unicode.Scalar]]) throws -> [EquationSource] {
        let items: [SpecNode]
        if case .sequence = node.node { items = try node.sequence("option '\(name)'") } else { items = [node] }
        guard !items.isEmpty else { throw node.fail("option '\(name)' needs at least one equation") }
        return try items.map { item in
            let tex = try item.string("each equation of option '\(name)' (TeX without '$', such as 'y = \\beta_0 + \\beta_1 x')")
            return EquationSource(tex: tex, source: FormulaSource(node: item.node, lines: lines, file: item.file))
        }
    }
}

extension FigureOptionKey where Value == [EquationSource] {
    /// A list of display equations in TeX; none when left out.
    static func equations(_ name: String, _ documentation: String) -> Self {
        Self(name, .equations, default: [], shown: "none", documentation) {
            if case .equations(let v) = $0 { return v }
            return nil
        }
    }
}
