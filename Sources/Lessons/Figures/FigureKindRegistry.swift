/// The figure kinds glmviz knows, in the order the docs and "did you mean"
/// suggestions list them. A new kind is its own file and one line here.
enum FigureKindRegistry {
    static let kinds: [FigureKind] = [
        .scatterFit,
        .probabilityModel,
        .dummyMeans,
        .regressionPlane,
        .designMatrix,
        .designOrthogonality,
        .dummyCoding,
        .tDistribution,
        .residualDiagnostics,
        .coefficientTable,
        .anovaTable,
        .hrf,
        .convolution,
        .fmriDesign,
        .timeseriesFit,
        .autocorrelation,
        .equation,
        .statMap,
        .voxelFit,
    ]
}
