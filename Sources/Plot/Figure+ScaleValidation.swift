/// `validateScales()` for the figures with data scales: the same `SceneScales`
/// checks the renderers make, plus the refusal of non-finite coordinates that
/// drawing would skip.
extension Chart {
    public func validateScales() throws {
        let (xs, ys) = ChartRenderer.extents(marks)
        try SceneScales.checkFinite([xs, ys], axes: ["x", "y"])
        let xAxis = try AxisLayout.resolve(x, name: "x", values: xs, count: x.tickCount, extent: size.width)
        let yAxis = try AxisLayout.resolve(y, name: "y", values: ys, count: y.tickCount, extent: size.height)
        try ChartRenderer.checkLines(self, x: xAxis.domain, y: yAxis.domain)
    }
}

extension Chart3D {
    public func validateScales() throws {
        let (xs, ys, zs) = Chart3DRenderer.extents(marks)
        try SceneScales.checkFinite([xs, ys, zs], axes: ["x", "y", "z"])
        _ = try Chart3DRenderer.resolveAxes(self)
    }
}
