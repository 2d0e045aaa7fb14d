/// The GLM module: data frames, model formulas, design matrices, least-squares
/// fits and their inference. Statistics only; it never draws.
public enum GLMModule {
    public static let version = "0.1.0"
}
