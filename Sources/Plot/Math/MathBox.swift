/// A laid-out piece of math: glyphs and rules placed relative to the left end
/// of its baseline, in em of the base font size, y up (as TeX's boxes).
public struct MathBox: Sendable, Equatable {
    /// One glyph of the math font. `character` is what it shows (the source
    /// character before mapping to a math alphabet: `a` for 𝑎), for tests and
    /// text extraction.
    public struct Glyph: Sendable, Equatable {
        public var glyph: UInt32
        public var x: Double
        public var y: Double
        /// Font size in em of the base size (1, or the script sizes).
        public var size: Double
        public var character: String
    }

    /// A filled rectangle (fraction bar, radical overbar); `y` is its bottom edge.
    public struct Rule: Sendable, Equatable {
        public var x: Double, y: Double, width: Double, height: Double
    }

    public internal(set) var width: Double = 0
    /// Extent above the baseline.
    public internal(set) var height: Double = 0
    /// Extent below the baseline.
    public internal(set) var depth: Double = 0
    public internal(set) var glyphs: [Glyph] = []
    public internal(set) var rules: [Rule] = []
    /// The family the glyphs index into.
    public internal(set) var fontFamily: String = ""

    /// TeX's italic correction of a single character (not part of `width`).
    var italicCorrection = 0.0
    /// Where an accent centres over a single character.
    var accentAttachment: Double?
    /// Whether the box is one character, which TeX's script and accent rules treat apart.
    var isCharacter = false

    init(fontFamily: String) { self.fontFamily = fontFamily }

    /// Puts `box` with its origin at (`x`, `y`) of this box, growing height and depth.
    mutating func add(_ box: MathBox, x: Double, y: Double) {
        glyphs += box.glyphs.map { var g = $0; g.x += x; g.y += y; return g }
        rules += box.rules.map { var r = $0; r.x += x; r.y += y; return r }
        height = max(height, box.height + y)
        depth = max(depth, box.depth - y)
        isCharacter = false
    }

    mutating func addRule(x: Double, y: Double, width: Double, height: Double) {
        rules.append(Rule(x: x, y: y, width: width, height: height))
        self.height = max(self.height, y + height)
        depth = max(depth, -y)
    }
}
