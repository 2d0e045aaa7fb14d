import Support

/// The symbol tables behind `TeX`: each command's Unicode text, whether TeX
/// sets it in italic, and its spacing class.
enum TeXSymbols {
    struct Symbol {
        var text: String
        var italic: Bool
        var kind: MathClass
    }

    static let lowerGreek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
        "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
        "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]
    static let upperGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
    static let operators: [String: (String, MathClass)] = [
        "cdot": ("⋅", .binary), "times": ("×", .binary), "pm": ("±", .binary), "mp": ("∓", .binary),
        "div": ("÷", .binary), "ast": ("∗", .binary), "circ": ("∘", .binary),
        "sim": ("∼", .relation), "approx": ("≈", .relation), "simeq": ("≃", .relation),
        "le": ("≤", .relation), "leq": ("≤", .relation), "ge": ("≥", .relation), "geq": ("≥", .relation),
        "ne": ("≠", .relation), "neq": ("≠", .relation), "equiv": ("≡", .relation), "propto": ("∝", .relation),
        "in": ("∈", .relation), "notin": ("∉", .relation), "subset": ("⊂", .relation),
        "to": ("→", .relation), "rightarrow": ("→", .relation), "leftarrow": ("←", .relation),
        "Rightarrow": ("⇒", .relation), "mid": ("|", .relation), "perp": ("⊥", .relation),
        "prime": ("′", .ordinary), "infty": ("∞", .ordinary), "partial": ("∂", .ordinary),
        "nabla": ("∇", .ordinary), "ldots": ("…", .inner), "dots": ("…", .inner),
        "cdots": ("⋯", .inner), "vdots": ("⋮", .ordinary), "ddots": ("⋱", .inner), "top": ("⊤", .ordinary), "intercal": ("⊺", .ordinary),
        "ell": ("ℓ", .ordinary), "emptyset": ("∅", .ordinary), "forall": ("∀", .ordinary),
        "exists": ("∃", .ordinary), "neg": ("¬", .ordinary),
        "lbrace": ("{", .open), "rbrace": ("}", .close), "{": ("{", .open), "}": ("}", .close),
        "langle": ("⟨", .open), "rangle": ("⟩", .close), "lvert": ("|", .open), "rvert": ("|", .close),
        "lVert": ("‖", .open), "rVert": ("‖", .close), "Vert": ("‖", .ordinary), "|": ("‖", .ordinary),
        "%": ("%", .ordinary), "&": ("&", .ordinary), "_": ("_", .ordinary), "#": ("#", .ordinary),
        "$": ("$", .ordinary),
    ]

    /// Explicit spaces; `\\` outside an environment is an interword space.
    static let spaces: [String: MathSpace] = [
        ",": .thin, ":": .medium, ">": .medium, ";": .thick, "!": .negativeThin, "quad": .quad, "qquad": .qquad,
        " ": .interword, "\\": .interword,
    ]

    /// Large operators and whether their scripts go above and below in display
    /// style (plain TeX's `\int`, `\log`… are `\nolimits`).
    static let largeOperators: [String: (text: String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "int": ("∫", false), "coprod": ("∐", true),
        "log": ("log", false), "ln": ("ln", false), "exp": ("exp", false),
        "min": ("min", true), "max": ("max", true), "det": ("det", true), "lim": ("lim", true),
        "sup": ("sup", true), "inf": ("inf", true),
    ]

    /// Environments and the matrix delimiters they draw; nil is `align`.
    static let environments: [String: MathMatrixKind?] = [
        "matrix": .plain, "bmatrix": .bracket, "pmatrix": .parenthesis,
        "align": nil, "align*": nil, "aligned": nil,
    ]

    static let symbols: [String: Symbol] = {
        var s: [String: Symbol] = [:]
        for (k, v) in lowerGreek { s[k] = Symbol(text: v, italic: true, kind: .ordinary) }
        for (k, v) in upperGreek { s[k] = Symbol(text: v, italic: false, kind: .ordinary) }
        for (k, v) in operators { s[k] = Symbol(text: v.0, italic: false, kind: v.1) }
        return s
    }()

    /// Combining marks placed after the accented character.
    static let accents: [String: Character] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}",
        "tilde": "\u{0303}", "widetilde": "\u{0303}", "dot": "\u{0307}", "ddot": "\u{0308}",
        "vec": "\u{20D7}", "check": "\u{030C}", "acute": "\u{0301}", "grave": "\u{0300}",
    ]

    /// Accents that stretch over their whole base.
    static let wideAccents: Set<String> = ["widehat", "widetilde", "overline"]

    static let structural = ["mathcal", "mathscr", "mathbf", "boldsymbol", "bm", "mathrm", "operatorname",
                             "mathit", "text", "textrm", "mbox", "frac", "dfrac", "tfrac", "sqrt", "left", "right",
                             "bigl", "bigr", "big", "Big", "Bigl", "Bigr", "underset", "overset", "begin", "end",
                             "limits", "nolimits", "displaystyle", "textstyle"]

    static var allCommands: [String] {
        (Array(symbols.keys) + Array(accents.keys) + Array(spaces.keys) + Array(largeOperators.keys) + structural)
            .filter { $0.first?.isLetter == true }.sorted()
    }

    /// The environment closest to `name`, suggested as `begin{…}`.
    static func nearestEnvironment(to name: String) -> String? {
        let best = environments.keys.sorted().min { EditDistance.between(name, $0) < EditDistance.between(name, $1) }
        guard let best, EditDistance.between(name, best) <= max(1, name.count / 3) else { return nil }
        return "begin{\(best)}"
    }

    /// Mathematical script capitals (U+1D49C…), with the letters Unicode keeps
    /// in the Letterlike Symbols block at their historical code points.
    static func script(_ c: Character) -> String {
        let holes: [Character: String] = ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ"]
        if let h = holes[c] { return h }
        guard let a = c.asciiValue, c.isUppercase else { return String(c) }
        return String(UnicodeScalar(0x1D49C + UInt32(a - 65))!)
    }

    /// The known command closest to `name` by edit distance, if any is close.
    static func nearest(to name: String) -> String? {
        var best: (String, Int)? = nil
        for candidate in allCommands {
            let d = EditDistance.between(name, candidate)
            if d <= max(1, name.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }
}
