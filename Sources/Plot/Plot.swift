/// The Plot module: canvas, theme, scales, marks and encoders. Drawing only;
/// it knows nothing about statistics.
public enum PlotModule {}
