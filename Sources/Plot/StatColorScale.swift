/// The colours of a thresholded statistic map: a voxel below the threshold is
/// not painted (the anatomy shows through), one above it is coloured by sign
/// and size.
///
/// Why not a blue–white–red map such as RdBu: there the colours nearest zero
/// are nearly white, so a voxel just past the threshold is painted almost
/// white, which over grey anatomy reads as "nothing here". Here each sign has
/// its own arm that starts dark at the threshold and grows lighter towards
/// the colour bar's end, so every shown voxel stands out from the grey and
/// lightness alone orders the magnitudes. The arms are built from the
/// Okabe–Ito colours: negative runs dark blue → blue → sky blue, positive dark
/// vermillion → vermillion → orange → yellow. Blue against orange–yellow is
/// the contrast the common colour-vision deficiencies keep (deuteranopia and
/// protanopia lose red–green, not blue–yellow), so the sign reads for them
/// too; the arrangement is that of nilearn's `cold_hot`.
public enum StatColorScale {
    /// Negative arm, from the threshold (first) to the end of the bar (last).
    static let negativeArm: [Color] = [Color(hex: 0x0B3A5E), OkabeIto.blue, OkabeIto.skyBlue, Color(hex: 0xC4E7FA)]
    /// Positive arm, from the threshold (first) to the end of the bar (last).
    static let positiveArm: [Color] = [Color(hex: 0x7A2E00), OkabeIto.vermillion, OkabeIto.orange, OkabeIto.yellow]

    /// The colour of an arm at `fraction` (0 at the threshold, 1 at the end).
    static func arm(_ colors: [Color], _ fraction: Double) -> Color {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let position = f * Double(colors.count - 1)
        let i = min(colors.count - 2, Int(position))
        return colors[i].mixed(with: colors[i + 1], position - Double(i))
    }

    /// The colour of `value` under `threshold` with the bar ending at `limit`
    /// (the largest magnitude the bar shows), or nil where nothing is painted:
    /// below the threshold, or not a number (outside the mask).
    public static func color(_ value: Double, threshold: StatMap.Threshold, limit: Double) -> Color? {
        guard value.isFinite else { return nil }
        let u = threshold.value
        func fraction(_ magnitude: Double) -> Double { limit > u ? (magnitude - u) / (limit - u) : 1 }
        switch threshold {
        case .twoSided:
            if value >= u { return arm(positiveArm, fraction(value)) }
            if value <= -u { return arm(negativeArm, fraction(-value)) }
            return nil
        case .upper:
            return value >= u ? arm(positiveArm, fraction(value)) : nil
        }
    }

    /// The stops of one arm between `from` (threshold end) and `to` (the bar's
    /// end) as positions on a bar from `low` to `high`: what
    /// `Canvas.fillVerticalGradient` draws, since the arm is linear between them.
    static func gradientStops(_ colors: [Color]) -> [(Double, Color)] {
        colors.enumerated().map { (Double($0.offset) / Double(colors.count - 1), $0.element) }
    }
}
