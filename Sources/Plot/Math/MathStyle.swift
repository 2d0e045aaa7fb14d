/// TeX's four math styles. Display is an equation on its own line; text is
/// math inside a sentence (limits beside operators, smaller fractions);
/// script and scriptscript are the sizes of scripts and of scripts' scripts.
public enum MathStyle: Sendable, Equatable {
    case display, text, script, scriptScript
}

/// A style and whether it is cramped (superscripts set lower, as under a
/// fraction bar or in a subscript).
struct StyleState: Equatable {
    var level: MathStyle
    var cramped = false

    var isDisplay: Bool { level == .display }
    var isScript: Bool { level == .script || level == .scriptScript }

    /// The style of a superscript.
    var raised: StyleState {
        StyleState(level: level == .display || level == .text ? .script : .scriptScript, cramped: cramped)
    }
    /// The style of a subscript: the superscript's, cramped.
    var lowered: StyleState { StyleState(level: raised.level, cramped: true) }
    var numerator: StyleState {
        let next: MathStyle = switch level { case .display: .text; case .text: .script; default: .scriptScript }
        return StyleState(level: next, cramped: cramped)
    }
    var denominator: StyleState { StyleState(level: numerator.level, cramped: true) }
    var crampedStyle: StyleState { StyleState(level: level, cramped: true) }
}
