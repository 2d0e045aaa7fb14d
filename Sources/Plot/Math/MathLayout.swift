import CHarfBuzz

/// Lays a math tree out in boxes as TeX does (The TeXbook, appendix G), with
/// the dimensions TeX takes from its font parameters read from the font's
/// OpenType MATH table instead. Every length is in em of the base size.
struct MathLayout {
    let font: MathFont
    let c: Constants

    init(font: MathFont) {
        self.font = font
        self.c = Constants(font)
    }

    /// The MATH constants the rules use, read once.
    struct Constants {
        var scriptScale, scriptScriptScale, axis, accentBaseHeight: Double
        var subShiftDown, subTopMax, subDropMin: Double
        var supShiftUp, supShiftUpCramped, supBottomMin, supDropMax: Double
        var subSupGapMin, supBottomMaxWithSub, spaceAfterScript: Double
        var upperGapMin, upperRiseMin, lowerGapMin, lowerDropMin: Double
        var numShiftUp, numShiftUpDisplay, denShiftDown, denShiftDownDisplay: Double
        var numGapMin, numGapMinDisplay, denGapMin, denGapMinDisplay, fractionRule: Double
        var radicalGap, radicalGapDisplay, radicalRule, radicalExtraAscender: Double
        var radicalKernBefore, radicalKernAfter, radicalDegreeRaise: Double
        var displayOperatorMinHeight: Double
        var overbarGap, overbarRule, overbarExtraAscender: Double

        init(_ f: MathFont) {
            scriptScale = f.percent(HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN)
            scriptScriptScale = f.percent(HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN)
            axis = f.constant(HB_OT_MATH_CONSTANT_AXIS_HEIGHT)
            accentBaseHeight = f.constant(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT)
            subShiftDown = f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN)
            subTopMax = f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX)
            subDropMin = f.constant(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN)
            supShiftUp = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP)
            supShiftUpCramped = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED)
            supBottomMin = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN)
            supDropMax = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX)
            subSupGapMin = f.constant(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN)
            supBottomMaxWithSub = f.constant(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT)
            spaceAfterScript = f.constant(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT)
            upperGapMin = f.constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN)
            upperRiseMin = f.constant(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN)
            lowerGapMin = f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN)
            lowerDropMin = f.constant(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN)
            numShiftUp = f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP)
            numShiftUpDisplay = f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP)
            denShiftDown = f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN)
            denShiftDownDisplay = f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN)
            numGapMin = f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN)
            numGapMinDisplay = f.constant(HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN)
            denGapMin = f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN)
            denGapMinDisplay = f.constant(HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN)
            fractionRule = f.constant(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS)
            radicalGap = f.constant(HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP)
            radicalGapDisplay = f.constant(HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP)
            radicalRule = f.constant(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS)
            radicalExtraAscender = f.constant(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER)
            radicalKernBefore = f.constant(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE)
            radicalKernAfter = f.constant(HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE)
            radicalDegreeRaise = f.percent(HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT)
            displayOperatorMinHeight = f.constant(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT)
            overbarGap = f.constant(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP)
            overbarRule = f.constant(HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS)
            overbarExtraAscender = f.constant(HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER)
        }
    }

    /// Letter shapes in force: `\mathbf`, `\mathrm` and friends change them for their argument.
    struct Shape {
        var allowsItalic = true
        var bold = false
        var boldItalic = false
        var script = false
    }

    /// TeX's fixed lengths at 10 pt, in em: \nulldelimiterspace, \delimitershortfall,
    /// \arraycolsep, the array strut, and in align \baselineskip, \lineskip and
    /// \lineskiplimit each opened up by \jot.
    static let nullDelimiterSpace = 0.12
    static let delimiterShortfall = 0.5
    static let delimiterFactor = 0.901
    static let columnSeparation = 1.0
    static let strutHeight = 0.84, strutDepth = 0.36
    static let alignBaselineSkip = 1.5, alignLineSkip = 0.4, alignLineSkipLimit = 0.3
    /// TeX's \big delimiter height (8.5 pt) and the extra space above and below
    /// operator limits (big_op_spacing5).
    static let bigDelimiterHeight = 0.85
    /// The MATH table has one superscript shift and one subscript shift, TeX's
    /// sup2 and sub2; TeX raises a display superscript more (sup1) and lowers
    /// a lone subscript less (sub1). Computer Modern's ratios of those
    /// parameters (cmsy10: 0.413/0.363 and 0.150/0.247) carry them over.
    static let displaySuperscriptRatio = 0.412892 / 0.362892
    static let loneSubscriptRatio = 0.15 / 0.247217
    static let limitsExtraSpace = 0.1

    func scale(_ s: StyleState) -> Double {
        switch s.level {
        case .display, .text: 1
        case .script: c.scriptScale
        case .scriptScript: c.scriptScriptScale
        }
    }

    func empty() -> MathBox { MathBox(fontFamily: font.family) }

    // MARK: Lists

    /// TeX's spacing between atom classes (The TeXbook, chapter 18): 1 thin,
    /// 2 medium, 3 thick; negative entries only in display and text styles.
    static let spacing: [[Int]] = [
        [0, 1, -2, -3, 0, 0, 0, -1],
        [1, 1, 0, -3, 0, 0, 0, -1],
        [-2, -2, 0, 0, -2, 0, 0, -2],
        [-3, -3, 0, 0, -3, 0, 0, -3],
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 1, -2, -3, 0, 0, 0, -1],
        [-1, -1, 0, -1, -1, -1, -1, -1],
        [-1, 1, -2, -3, -1, 0, -1, -1],
    ]

    static func row(_ k: MathClass) -> Int {
        switch k {
        case .ordinary: 0
        case .largeOperator: 1
        case .binary: 2
        case .relation: 3
        case .open: 4
        case .close: 5
        case .punctuation: 6
        case .inner: 7
        }
    }

    func list(_ nodes: [MathNode], _ style: StyleState, _ shape: Shape = Shape()) -> MathBox {
        var atoms: [(kind: MathClass?, box: MathBox)] = nodes.map { atom($0, style, shape) }
        // A binary operator with nothing to operate on is ordinary (rules 5 and 6).
        var previous: Int? = nil
        for i in atoms.indices {
            guard let kind = atoms[i].kind else { continue }
            if kind == .binary {
                let before = previous.flatMap { atoms[$0].kind }
                if before == nil || [.binary, .largeOperator, .relation, .open, .punctuation].contains(before!) {
                    atoms[i].kind = .ordinary
                }
            }
            if [.relation, .close, .punctuation].contains(kind), let p = previous, atoms[p].kind == .binary {
                atoms[p].kind = .ordinary
            }
            previous = i
        }
        if let p = previous, atoms[p].kind == .binary { atoms[p].kind = .ordinary }

        var out = empty()
        var x = 0.0
        var last: MathClass? = nil
        let mu = scale(style) / 18
        for a in atoms {
            if let kind = a.kind {
                if let last {
                    let entry = MathLayout.spacing[MathLayout.row(last)][MathLayout.row(kind)]
                    if entry > 0 || (entry < 0 && !style.isScript) {
                        x += [0, 3, 4, 5][abs(entry)] * mu
                    }
                }
                last = kind
            }
            out.add(a.box, x: x, y: 0)
            x += a.box.width
        }
        out.width = x
        if atoms.count == 1, atoms[0].box.isCharacter {
            out.isCharacter = true
            out.italicCorrection = atoms[0].box.italicCorrection
            out.accentAttachment = atoms[0].box.accentAttachment
        }
        return out
    }

    /// One node as an atom: its class (nil for spaces) and box. A character's
    /// italic correction is added after it, as TeX's rule 17 does.
    func atom(_ node: MathNode, _ style: StyleState, _ shape: Shape) -> (MathClass?, MathBox) {
        switch node {
        case .symbol(let text, let kind, _) where MathLayout.dots.contains(text):
            return (kind, dots(text, style))
        case .symbol(_, let kind, _):
            var box = nucleus(node, style, shape)
            box.width += box.italicCorrection
            return (kind, box)
        case .text(let text):
            return (.ordinary, glyphs(text, italic: false, shape: Shape(allowsItalic: false), style))
        case .group(let nodes):
            var box = list(nodes, style, shape)
            if box.isCharacter { box.width += box.italicCorrection }
            box.isCharacter = false
            return (.ordinary, box)
        case .fraction(let num, let den):
            return (.inner, fraction(num, den, style, shape))
        case .radical(let body, let index):
            return (.ordinary, radical(body, index, style, shape))
        case .scripts(let s):
            return (atomClass(s.nucleus), scripts(s, style, shape))
        case .largeOperator:
            var box = nucleus(node, style, shape)
            box.width += box.italicCorrection
            return (.largeOperator, box)
        case .delimited(let left, let body, let right):
            return (.inner, delimited(left, list(body, style, shape), right, style))
        case .bigDelimiter(let d, let kind):
            var box = delimiter(d, total: MathLayout.bigDelimiterHeight * scale(style), style)
            box.isCharacter = false
            return (kind, box)
        case .accent(let mark, let wide, let base):
            return (.ordinary, accent(mark, wide: wide, base, style, shape))
        case .styled(let fontStyle, let nodes):
            var box = list(nodes, style, MathLayout.shape(fontStyle, shape))
            if box.isCharacter { box.width += box.italicCorrection }
            box.isCharacter = false
            return (fontStyle == .operatorName ? .largeOperator : .ordinary, box)
        case .limits(let base, let under, let over):
            let b = list(base, style, shape)
            let under = under.map { list($0, style.lowered, shape) }
            let over = over.map { list($0, style.raised, shape) }
            return (MathLayout.limitsClass(base), limits(b, over: over, under: under, italicCorrection: 0, style))
        case .matrix(let kind, let rows):
            let body = matrix(rows, style, shape)
            let (l, r) = kind.delimiters
            return kind == .plain ? (.ordinary, body) : (.inner, delimited(l, body, r, style))
        case .align(let rows):
            return (.ordinary, align(rows, style, shape))
        case .mathStyle(let level, let nodes):
            let box = list(nodes, StyleState(level: level, cramped: style.cramped), shape)
            return (atomClass(node), box)
        case .space(let space):
            var box = empty()
            box.width = space.mu * scale(style) / 18
            return (nil, box)
        }
    }

    /// The class a scripted atom keeps: that of its nucleus.
    func atomClass(_ node: MathNode) -> MathClass {
        switch node {
        case .symbol(_, let kind, _), .bigDelimiter(_, let kind): kind
        case .largeOperator: .largeOperator
        case .limits(let base, _, _): MathLayout.limitsClass(base)
        case .styled(let s, _): s == .operatorName ? .largeOperator : .ordinary
        case .fraction, .delimited: .inner
        case .scripts(let s): atomClass(s.nucleus)
        // \dfrac and \tfrac are groups to TeX: ordinary.
        default: .ordinary
        }
    }

    /// amsmath's `\underset` and `\overset` take their base's class (its
    /// `\binrel@`): a relation stays a relation (`\overset{\text{def}}{=}`),
    /// a binary sign binary, anything else becomes ordinary — not an
    /// operator, whose thin space before a following `+` would make the `+`
    /// unary and set the equation 0.05 em narrower than LaTeX.
    static func limitsClass(_ base: [MathNode]) -> MathClass {
        if base.count == 1, case .symbol(_, let kind, _) = base[0], kind == .relation || kind == .binary { return kind }
        return .ordinary
    }

    static func shape(_ style: MathFontStyle, _ outer: Shape) -> Shape {
        var s = outer
        switch style {
        case .bold: s.bold = true; s.allowsItalic = false
        case .boldSymbol: s.boldItalic = true
        case .calligraphic: s.script = true; s.allowsItalic = false
        case .roman, .operatorName: s.allowsItalic = false; s.bold = false
        case .italic: s.allowsItalic = true
        }
        return s
    }

    /// A nucleus as TeX sees it: a single character stays a character box
    /// (its italic correction apart), as `{x}` and `\mathbf{X}` do in TeX.
    func nucleus(_ node: MathNode, _ style: StyleState, _ shape: Shape) -> MathBox {
        switch node {
        case .symbol(let text, _, let italic):
            return glyphs(text, italic: italic, shape: shape, style)
        case .group(let nodes) where nodes.count == 1:
            return nucleus(nodes[0], style, shape)
        case .styled(let s, let nodes) where nodes.count == 1 && s != .operatorName:
            return nucleus(nodes[0], style, MathLayout.shape(s, shape))
        case .largeOperator(let text, _):
            return largeOperator(text, style)
        default:
            let (_, box) = atom(node, style, shape)
            return box
        }
    }

    // MARK: Glyphs

    /// Glyphs for the characters of `text`, side by side at the style's size.
    func glyphs(_ text: String, italic: Bool, shape: Shape, _ style: StyleState) -> MathBox {
        let size = scale(style)
        var box = empty()
        var x = 0.0
        var alphabet = MathAlphabet.Shape()
        alphabet.italic = italic && shape.allowsItalic
        alphabet.bold = shape.bold || shape.boldItalic
        alphabet.script = shape.script
        var count = 0
        let level = style.level == .script ? 1 : style.level == .scriptScript ? 2 : 0
        let scalars = Array(text.unicodeScalars)
        for scalar in scalars {
            if scalar == " " || scalar == "\u{00A0}" {
                x += (font.glyph(" ").map(font.advance) ?? 0.333) * size
                continue
            }
            let mapped = MathAlphabet.scalar(for: scalar, alphabet)
            guard let g = font.glyph(mapped, scriptLevel: level) ?? font.glyph(scalar) else { continue }
            let (h, d) = font.extents(g)
            box.glyphs.append(MathBox.Glyph(glyph: g, x: x, y: 0, size: size, character: String(scalar)))
            box.height = max(box.height, h * size)
            box.depth = max(box.depth, d * size)
            box.italicCorrection = font.italicCorrection(g) * size
            box.accentAttachment = x + font.topAccent(g) * size
            x += font.advance(g) * size
            count += 1
        }
        box.width = x
        box.isCharacter = count == 1 && text.unicodeScalars.count == 1
        return box
    }

    /// One glyph (by id) as a character box at `size`.
    func glyphBox(_ g: UInt32, character: String, size: Double) -> MathBox {
        var box = empty()
        let (h, d) = font.extents(g)
        box.glyphs = [MathBox.Glyph(glyph: g, x: 0, y: 0, size: size, character: character)]
        box.width = font.advance(g) * size
        box.height = h * size
        box.depth = d * size
        box.italicCorrection = font.italicCorrection(g) * size
        box.accentAttachment = font.topAccent(g) * size
        box.isCharacter = true
        return box
    }

    // MARK: Dots

    static let dots: Set<String> = ["…", "⋯", "⋮", "⋱"]

    /// TeX's dots, made of three periods or centred dots: `\ldots` and
    /// `\cdots` thin-spaced on a line, `\vdots` 0.4 em apart upwards
    /// under 0.6 em of space, `\ddots` down a diagonal.
    func dots(_ text: String, _ style: StyleState) -> MathBox {
        let k = scale(style)
        let mu = k / 18
        let character = text == "⋯" ? "⋅" : "."
        guard let scalar = character.unicodeScalars.first, let g = font.glyph(scalar) else { return empty() }
        let dot = glyphBox(g, character: character, size: k)
        var box = empty()
        switch text {
        case "⋮":
            for i in 0..<3 { box.add(dot, x: 0, y: 0.8 - 0.4 * Double(i)) }
            box.height = 1.4 + dot.height
            box.width = dot.width
        case "⋱":
            var x = mu
            for i in 0..<3 {
                box.add(dot, x: x, y: 0.7 - 0.3 * Double(i))
                x += dot.width + 2 * mu
            }
            box.height = 1.4 + dot.height
            box.width = x - mu
        default:
            var x = 0.0
            for i in 0..<3 {
                box.add(dot, x: x, y: 0)
                x += dot.width + (i < 2 ? 3 * mu : 0)
            }
            box.width = x
        }
        return box
    }

    // MARK: Large operators and limits

    /// `\sum`, `\int`: the display variant in display style, centred on the
    /// axis (rule 13); `\log` and friends are upright words on the baseline.
    func largeOperator(_ text: String, _ style: StyleState) -> MathBox {
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, let base = font.glyph(scalar) else {
            return glyphs(text, italic: false, shape: Shape(allowsItalic: false), style)
        }
        let size = scale(style)
        var g = base
        if style.isDisplay {
            let variants = font.variants(base, vertical: true)
            g = variants.first { $0.size >= c.displayOperatorMinHeight }?.glyph ?? variants.last?.glyph ?? base
        }
        var box = glyphBox(g, character: text, size: size)
        let shift = c.axis * size - (box.height - box.depth) / 2
        box.glyphs[0].y = shift
        box.height += shift
        box.depth -= shift
        return box
    }

    /// Scripts set above and below a centred nucleus (rules 13a and 18 for
    /// `\limits`, and `\underset`).
    func limits(_ nucleus: MathBox, over: MathBox?, under: MathBox?, italicCorrection ic: Double, _ style: StyleState) -> MathBox {
        let s = scale(style)
        let w = max(nucleus.width, over?.width ?? 0, under?.width ?? 0)
        var box = empty()
        box.add(nucleus, x: (w - nucleus.width) / 2, y: 0)
        if let over {
            let rise = max(c.upperRiseMin * s, c.upperGapMin * s + over.depth)
            box.add(over, x: (w - over.width) / 2 + ic / 2, y: nucleus.height + rise)
            box.height += MathLayout.limitsExtraSpace * s
        }
        if let under {
            let drop = max(c.lowerDropMin * s, c.lowerGapMin * s + under.height)
            box.add(under, x: (w - under.width) / 2 - ic / 2, y: -(nucleus.depth + drop))
            box.depth += MathLayout.limitsExtraSpace * s
        }
        box.width = w
        return box
    }

    // MARK: Scripts

    func scripts(_ s: MathScripts, _ style: StyleState, _ shape: Shape) -> MathBox {
        var n = nucleus(s.nucleus, style, shape)
        let sup = s.upper.map { list($0, style.raised, shape) }
        let sub = s.lower.map { list($0, style.lowered, shape) }
        if case .largeOperator(_, let allows) = s.nucleus, allows, style.isDisplay {
            return limits(n, over: sup, under: sub, italicCorrection: n.italicCorrection, style)
        }
        var isCharacter = n.isCharacter
        var ic = n.italicCorrection
        if case .largeOperator = s.nucleus { isCharacter = false }
        // TeX moves the scripts of an accented character onto the character
        // (rule 12), so they sit as on the bare letter.
        if case .accent(_, false, let base) = s.nucleus, base.count == 1 {
            let bare = nucleus(base[0], style, shape)
            if bare.isCharacter { isCharacter = true; ic = bare.italicCorrection; n.isCharacter = true; n.width = bare.width }
        }
        if !n.isCharacter { n.italicCorrection = 0 }
        let k = scale(style)
        let ks = scale(style.raised)
        var u = 0.0, v = 0.0
        if !isCharacter {
            u = n.height - c.supDropMax * ks
            v = n.depth + c.subDropMin * ks
        }
        var box = empty()
        box.add(n, x: 0, y: 0)
        var isOperator = false
        if case .largeOperator = s.nucleus { isOperator = true }
        // An operator's italic correction moves the superscript right of the
        // subscript; the operator's advance already spans its slant.
        let supX = isOperator ? n.width : n.width + ic
        let subX = isOperator ? n.width - ic : n.width
        var right = isOperator ? n.width : n.width + ic
        if let sup {
            let shift = style.cramped ? c.supShiftUpCramped : style.isDisplay ? c.supShiftUp * MathLayout.displaySuperscriptRatio : c.supShiftUp
            u = max(u, shift * k, sup.depth + c.supBottomMin * k)
            if let sub {
                v = max(v, c.subShiftDown * k)
                let gap = (u - sup.depth) - (sub.height - v)
                if gap < c.subSupGapMin * k {
                    v += c.subSupGapMin * k - gap
                    let psi = c.supBottomMaxWithSub * k - (u - sup.depth)
                    if psi > 0 { u += psi; v -= psi }
                }
            }
            box.add(sup, x: supX, y: u)
            right = supX + sup.width
        }
        if let sub {
            if sup == nil { v = max(v, c.subShiftDown * MathLayout.loneSubscriptRatio * k, sub.height - c.subTopMax * k) }
            box.add(sub, x: subX, y: -v)
            right = max(right, subX + sub.width)
        }
        box.width = right + c.spaceAfterScript * k
        return box
    }

    // MARK: Fractions and radicals

    /// Rule 15: numerator and denominator shifted by the MATH constants,
    /// pushed apart to keep the minimum gaps from the bar on the axis, with
    /// TeX's null delimiters either side.
    func fraction(_ num: [MathNode], _ den: [MathNode], _ style: StyleState, _ shape: Shape) -> MathBox {
        let k = scale(style)
        let n = list(num, style.numerator, shape)
        let d = list(den, style.denominator, shape)
        let display = style.isDisplay
        let theta = c.fractionRule * k
        let axis = c.axis * k
        var u = (display ? c.numShiftUpDisplay : c.numShiftUp) * k
        var v = (display ? c.denShiftDownDisplay : c.denShiftDown) * k
        let numGap = (display ? c.numGapMinDisplay : c.numGapMin) * k
        let denGap = (display ? c.denGapMinDisplay : c.denGapMin) * k
        let aboveBar = (u - n.depth) - (axis + theta / 2)
        if aboveBar < numGap { u += numGap - aboveBar }
        let belowBar = (axis - theta / 2) - (d.height - v)
        if belowBar < denGap { v += denGap - belowBar }
        let w = max(n.width, d.width)
        let pad = MathLayout.nullDelimiterSpace
        var box = empty()
        box.add(n, x: pad + (w - n.width) / 2, y: u)
        box.addRule(x: pad, y: axis - theta / 2, width: w, height: theta)
        box.add(d, x: pad + (w - d.width) / 2, y: -v)
        box.width = w + 2 * pad
        return box
    }

    /// Rule 11 with the MATH table's radical constants: a radical sign tall
    /// enough for the body and the gap, its bar on top, the index tucked in.
    func radical(_ body: [MathNode], _ index: [MathNode]?, _ style: StyleState, _ shape: Shape) -> MathBox {
        let k = scale(style)
        let b = list(body, style.crampedStyle, shape)
        let gap = (style.isDisplay ? c.radicalGapDisplay : c.radicalGap) * k
        let theta = c.radicalRule * k
        var sign = delimiter("\u{221A}", total: b.height + b.depth + gap + theta, style, centred: false)
        let total = sign.height + sign.depth
        let clearance = gap + max(0, total - (b.height + b.depth + gap + theta)) / 2
        let ruleBottom = b.height + clearance
        // The sign's top meets the bar's top.
        let shift = ruleBottom + theta - sign.height
        sign = shifted(sign, y: shift)
        var box = empty()
        var x = 0.0
        if let index {
            let degree = list(index, StyleState(level: .scriptScript, cramped: true), shape)
            let bottom = -sign.depth
            x = c.radicalKernBefore * k
            box.add(degree, x: x, y: bottom + c.radicalDegreeRaise * total)
            x = max(0, x + degree.width + c.radicalKernAfter * k)
        }
        box.add(sign, x: x, y: 0)
        x += sign.width
        box.addRule(x: x, y: ruleBottom, width: b.width, height: theta)
        box.add(b, x: x, y: 0)
        box.height = max(box.height, ruleBottom + theta + c.radicalExtraAscender * k)
        box.width = x + b.width
        return box
    }

    func shifted(_ box: MathBox, y: Double) -> MathBox {
        var out = empty()
        out.add(box, x: 0, y: y)
        out.width = box.width
        return out
    }

    // MARK: Delimiters

    /// A delimiter at least `total` tall (height plus depth): the glyph, a
    /// larger variant, or one built from the font's assembly pieces; centred
    /// on the axis unless `centred` is false. "" is a null delimiter.
    func delimiter(_ text: String, total: Double, _ style: StyleState, centred: Bool = true) -> MathBox {
        let size = scale(style)
        guard let scalar = text.unicodeScalars.first, let base = font.glyph(scalar) else {
            var box = empty()
            box.width = MathLayout.nullDelimiterSpace
            return box
        }
        var box: MathBox
        let (h, d) = font.extents(base)
        if (h + d) * size >= total {
            box = glyphBox(base, character: text, size: size)
        } else {
            let variants = font.variants(base, vertical: true)
            if let fit = variants.first(where: { $0.size * size >= total }) {
                box = glyphBox(fit.glyph, character: text, size: size)
            } else if let built = assembled(base, character: text, total: total, size: size) {
                box = built
            } else {
                box = glyphBox(variants.last?.glyph ?? base, character: text, size: size)
            }
        }
        box.isCharacter = false
        guard centred else { return box }
        return shifted(box, y: c.axis * size - (box.height - box.depth) / 2)
    }

    /// A vertical delimiter built from the MATH table's assembly: the fewest
    /// repeats of the extenders that reach `total`, overlaps shared evenly.
    func assembled(_ base: UInt32, character: String, total: Double, size: Double) -> MathBox? {
        let parts = font.assembly(base, vertical: true)
        guard !parts.isEmpty, parts.contains(where: \.extender) else { return nil }
        let minOverlap = font.minConnectorOverlap(vertical: true)
        var repeats = 0
        var pieces: [MathFont.Part] = []
        while repeats < 100 {
            pieces = parts.flatMap { $0.extender ? Array(repeating: $0, count: repeats) : [$0] }
            let longest = pieces.reduce(0) { $0 + $1.advance } - Double(max(0, pieces.count - 1)) * minOverlap
            if longest * size >= total { break }
            repeats += 1
        }
        let connections = max(1, pieces.count - 1)
        let natural = pieces.reduce(0) { $0 + $1.advance }
        var overlap = (natural - total / size) / Double(connections)
        for i in 0..<max(0, pieces.count - 1) {
            overlap = min(overlap, pieces[i].endConnector, pieces[i + 1].startConnector)
        }
        overlap = max(overlap, minOverlap)
        var box = empty()
        // Each piece's ink bottom sits where the previous one's top, less the
        // overlap, ends. Drawn top piece first, as TeX does.
        var y = 0.0
        var placed: [(MathBox, Double)] = []
        for piece in pieces {
            var g = glyphBox(piece.glyph, character: character, size: size)
            g.isCharacter = false
            placed.append((g, (y + font.extents(piece.glyph).depth) * size))
            y += piece.advance - overlap
        }
        for (g, y) in placed.reversed() {
            box.add(g, x: 0, y: y)
            box.width = max(box.width, g.width)
        }
        return box
    }

    /// Rule 19: `\left`/`\right` delimiters covering the body symmetrically
    /// about the axis, at least 90.1% of it and no more than 5 pt short.
    func delimited(_ left: String, _ body: MathBox, _ right: String, _ style: StyleState) -> MathBox {
        let axis = c.axis * scale(style)
        let half = max(body.height - axis, body.depth + axis)
        let total = max(2 * half * MathLayout.delimiterFactor, 2 * half - MathLayout.delimiterShortfall)
        let l = delimiter(left, total: total, style)
        let r = delimiter(right, total: total, style)
        var box = empty()
        box.add(l, x: 0, y: 0)
        box.add(body, x: l.width, y: 0)
        box.add(r, x: l.width + body.width, y: 0)
        box.width = l.width + body.width + r.width
        return box
    }

    // MARK: Accents

    /// Rule 12: the accent over the base, centred on the base's top-accent
    /// attachment when the base is one character, lowered by the base's height
    /// up to the font's accent base height. Wide accents take the widest
    /// variant no wider than the base; `\overline` is a rule.
    func accent(_ mark: Character, wide: Bool, _ base: [MathNode], _ style: StyleState, _ shape: Shape) -> MathBox {
        let k = scale(style)
        let b = base.count == 1 ? nucleus(base[0], style.crampedStyle, shape) : list(base, style.crampedStyle, shape)
        var box = empty()
        box.add(b, x: 0, y: 0)
        box.width = b.width + (b.isCharacter ? b.italicCorrection : 0)
        if mark == "\u{0305}" {
            let gap = c.overbarGap * k, theta = c.overbarRule * k
            box.addRule(x: 0, y: b.height + gap, width: b.width, height: theta)
            box.height += c.overbarExtraAscender * k
            return box
        }
        // The combining mark (U+0302 for \hat), as XeTeX and LuaTeX take it from
        // an OpenType math font: its top-accent attachment is made to sit on the
        // base's. A wide accent grows from its variants. Fonts without the mark
        // fall back to the spacing accent (ˆ).
        let spacing = MathLayout.spacingAccent(mark).unicodeScalars.first.flatMap { font.glyph($0) }
        guard let scalar = mark.unicodeScalars.first, var g = font.glyph(scalar) ?? spacing else { return box }
        if wide, let combining = font.glyph(scalar) {
            // The combining mark's larger sizes, the widest no wider than the base.
            let fitting = font.variants(combining, vertical: false).dropFirst().filter { $0.size * k <= b.width }
            if let widest = fitting.last { g = widest.glyph }
        }
        var a = glyphBox(g, character: MathLayout.spacingAccent(mark), size: k)
        a.isCharacter = false
        let attach = b.isCharacter ? (b.accentAttachment ?? b.width / 2) : b.width / 2
        let delta = min(b.height, c.accentBaseHeight * k)
        box.add(a, x: attach - font.topAccent(g) * k, y: b.height - delta)
        return box
    }

    /// The spacing character an accent shows (what text extraction and
    /// LaTeX's output name it): ˆ for `\hat`, ¯ for `\bar`, ˜ for `\tilde`.
    static func spacingAccent(_ mark: Character) -> String {
        switch mark {
        case "\u{0302}": "\u{02C6}"
        case "\u{0304}": "\u{00AF}"
        case "\u{0303}": "\u{02DC}"
        case "\u{0307}": "\u{02D9}"
        case "\u{0308}": "\u{00A8}"
        case "\u{030C}": "\u{02C7}"
        case "\u{0301}": "\u{00B4}"
        case "\u{0300}": "`"
        default: String(mark)
        }
    }

    // MARK: Arrays

    /// A matrix as amsmath sets it: cells centred in text style, columns
    /// 2\arraycolsep apart, each row at least a strut tall, the whole
    /// centred on the axis.
    func matrix(_ rows: [[[MathNode]]], _ style: StyleState, _ shape: Shape) -> MathBox {
        let cellStyle = StyleState(level: style.level == .display ? .text : style.level, cramped: style.cramped)
        let boxes = rows.map { $0.map { list($0, cellStyle, shape) } }
        let columns = boxes.map(\.count).max() ?? 0
        var widths = [Double](repeating: 0, count: columns)
        for row in boxes { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.width) } }
        let heights = boxes.map { max(MathLayout.strutHeight, $0.map(\.height).max() ?? 0) }
        let depths = boxes.map { max(MathLayout.strutDepth, $0.map(\.depth).max() ?? 0) }
        let total = zip(heights, depths).reduce(0) { $0 + $1.0 + $1.1 }
        let top = c.axis * scale(style) + total / 2
        var box = empty()
        var y = top
        for (i, row) in boxes.enumerated() {
            y -= heights[i]
            var x = 0.0
            for (j, cell) in row.enumerated() {
                box.add(cell, x: x + (widths[j] - cell.width) / 2, y: y)
                x += widths[j] + MathLayout.columnSeparation
            }
            y -= depths[i]
        }
        box.width = widths.reduce(0, +) + Double(max(0, columns - 1)) * MathLayout.columnSeparation
        box.height = max(box.height, top)
        box.depth = max(box.depth, total - top)
        return box
    }

    /// `align`: display-style rows, cells alternately right- and left-aligned
    /// at the `&`, the left-aligned cell starting after an empty `{}` so a
    /// relation keeps its space.
    func align(_ rows: [[[MathNode]]], _ style: StyleState, _ shape: Shape) -> MathBox {
        let boxes = rows.map { row in
            row.enumerated().map { j, cell in list(j % 2 == 1 ? [.group([])] + cell : cell, style, shape) }
        }
        let columns = boxes.map(\.count).max() ?? 0
        var widths = [Double](repeating: 0, count: columns)
        for row in boxes { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.width) } }
        var box = empty()
        var y = 0.0
        var previousDepth: Double? = nil
        for row in boxes {
            let height = max(MathLayout.strutHeight, row.map(\.height).max() ?? 0)
            if let previousDepth {
                let natural = MathLayout.alignBaselineSkip
                // TeX's interline glue: the baseline skip, unless that leaves
                // less than \lineskiplimit between the rows; then \lineskip.
                let tooClose = natural - previousDepth - height < MathLayout.alignLineSkipLimit
                y -= tooClose ? previousDepth + height + MathLayout.alignLineSkip : natural
            }
            var x = 0.0
            for (j, cell) in row.enumerated() {
                let pairGap = j > 0 && j % 2 == 0 ? 2.0 : 0
                x += pairGap
                box.add(cell, x: j % 2 == 0 ? x + widths[j] - cell.width : x, y: y)
                x += widths[j]
            }
            previousDepth = max(MathLayout.strutDepth, row.map(\.depth).max() ?? 0)
        }
        box.width = widths.enumerated().reduce(0) { $0 + $1.element + ($1.offset > 0 && $1.offset % 2 == 0 ? 2 : 0) }
        // Every row at least a strut tall, the whole centred on the axis as `aligned` is.
        box.height = max(box.height, MathLayout.strutHeight)
        box.depth = max(box.depth, -y + (previousDepth ?? 0))
        let centre = c.axis * scale(style) - (box.height - box.depth) / 2
        var centred = shifted(box, y: centre)
        centred.width = box.width
        return centred
    }
}
