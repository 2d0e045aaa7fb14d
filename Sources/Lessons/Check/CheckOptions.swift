/// How close a fresh render must be to the committed outputs.
///
/// PNGs are compared with two knobs because the two kinds of change look
/// different in pixels. Another machine's rasteriser puts glyph edges
/// elsewhere within a pixel: many pixels at text edges move, few by much. A
/// moved line or a changed colour moves a whole stroke by a lot. Δ 64 lets an
/// edge shift by a quarter pixel (a full-contrast edge changes by 255/4) yet
/// sees Okabe–Ito blue turn sky blue (Δ 86); 0.25% of pixels absorbs what the
/// quarter-pixel shift of all text leaves over on a chart (at most 0.13%) yet
/// sees a fitted line moved by half a pixel (0.34%). `CheckDefaultsTests`
/// measures each of these on real figures.
public struct CheckOptions: Sendable, Equatable {
    /// A pixel differs when any RGBA channel moves by more than this (0–255).
    public var channelTolerance: Int
    /// A PNG passes when at most this fraction of its pixels differ.
    public var pixelFraction: Double
    /// `fits.json` numbers match when |a − b| ≤ this × max(|a|, |b|); inside a
    /// matrix (Cov(β̂)), × its largest entry.
    public var relativeTolerance: Double

    public static let defaultChannelTolerance = 64
    public static let defaultPixelFraction = 0.0025
    public static let defaultRelativeTolerance = 1e-9

    public init(channelTolerance: Int = defaultChannelTolerance, pixelFraction: Double = defaultPixelFraction,
                relativeTolerance: Double = defaultRelativeTolerance) {
        self.channelTolerance = channelTolerance
        self.pixelFraction = pixelFraction
        self.relativeTolerance = relativeTolerance
    }
}
