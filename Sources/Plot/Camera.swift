import Foundation

/// A point in three-dimensional data space.
public struct Point3: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var z: Double
    public init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
}

/// An orthographic camera looking at the unit box from `azimuth` degrees about
/// the vertical axis and `elevation` degrees above the floor. Azimuth 0 looks
/// along +y with +x to the right; elevation 90 looks straight down.
public struct Camera: Hashable, Sendable {
    public var azimuth: Double
    public var elevation: Double

    public init(azimuth: Double = 35, elevation: Double = 25) {
        self.azimuth = azimuth; self.elevation = elevation
    }

    /// Screen position (u right, v up, in box units) and depth (larger is
    /// farther from the viewer) of a point in box coordinates.
    public func project(_ p: Point3) -> (u: Double, v: Double, depth: Double) {
        let a = azimuth * .pi / 180, e = elevation * .pi / 180
        let u = p.x * cos(a) - p.y * sin(a)
        let d = p.x * sin(a) + p.y * cos(a)
        let v = p.z * cos(e) + d * sin(e)
        let depth = d * cos(e) - p.z * sin(e)
        return (u, v, depth)
    }
}
