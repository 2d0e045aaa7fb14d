/// Where a lesson's data comes from.
public enum DataSpec: Sendable {
    /// A dataset shipped with glmviz (`toluca`).
    case builtin(name: String, location: SourceLocation)
    /// A CSV file; `path` is relative to the spec's directory.
    case csv(path: String, location: SourceLocation)
    /// Columns written out in the spec itself.
    case inline(columns: [InlineColumn], location: SourceLocation)
    /// Teaching data drawn from a seeded generator.
    case generated(GeneratorSpec)
    /// A scanner time series: one column of a table, one value per scan.
    case timeseries(TimeseriesSpec)
    /// Scanner volumes: a 4-D NIfTI file per run, fitted voxel by voxel.
    case volumes(VolumeSpec)

    /// Datasets that ship inside glmviz.
    public static let builtinNames = ["toluca", "event_related_fmri", "haxby2001_sub001_run001"]
}

/// One inline column: numbers, or labels for a categorical predictor.
public struct InlineColumn: Sendable {
    public enum Values: Sendable {
        case numeric([Double])
        case categorical([String])
    }
    public var name: String
    public var values: Values
    public var location: SourceLocation

    public var count: Int {
        switch values {
        case .numeric(let v): return v.count
        case .categorical(let v): return v.count
        }
    }
}
