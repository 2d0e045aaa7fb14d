/// Maps a value in 0…1 to a colour, for matrix images.
public enum ColorMap: Sendable {
    /// Black (0) to white (1), as SPM shows design matrices.
    case grey
    /// White (0) to black (1), as SPM shows |cos θ| between design columns.
    case inverseGrey
    /// White to Okabe–Ito blue, for non-negative quantities.
    case blues
    /// Okabe–Ito vermillion (0) through white (0.5) to blue (1), for signed
    /// quantities such as correlations.
    case diverging

    /// Positions where the map is exactly linear in between, for drawing it
    /// as a gradient.
    var stops: [Double] {
        switch self {
        case .grey, .inverseGrey, .blues: return [0, 1]
        case .diverging: return [0, 0.5, 1]
        }
    }

    public func color(_ t: Double) -> Color {
        let t = t.isFinite ? min(1, max(0, t)) : 0.5
        switch self {
        case .grey: return Color(red: t, green: t, blue: t)
        case .inverseGrey: return Color(red: 1 - t, green: 1 - t, blue: 1 - t)
        case .blues: return Color.white.mixed(with: OkabeIto.blue, t)
        case .diverging:
            return t < 0.5 ? OkabeIto.vermillion.mixed(with: .white, t * 2) : Color.white.mixed(with: OkabeIto.blue, (t - 0.5) * 2)
        }
    }
}
