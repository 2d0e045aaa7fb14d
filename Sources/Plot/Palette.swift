/// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): eight
/// colours that stay distinguishable under the common colour-vision deficiencies.
public enum OkabeIto {
    public static let orange = Color(hex: 0xE69F00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let yellow = Color(hex: 0xF0E442)
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let reddishPurple = Color(hex: 0xCC79A7)
    public static let black = Color(hex: 0x000000)

    /// Ordered for data series: the strongest contrasts first, yellow (weak on
    /// white) late.
    public static let all: [Color] = [blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue, yellow, black]
}
