import Foundation
@testable import Plot
import XCTest

/// A scatter past `PointDensity.pointThreshold` points is drawn as a density
/// image: where points pile up the picture must be darker than where they are
/// sparse, with many shades in between rather than one flat blob, and drawing
/// must stay fast.
final class PointDensityTests: XCTestCase {
    /// A tight Gaussian cluster at the origin (sd 1) over a thin uniform
    /// background on [-10, 10]², from a fixed-seed generator.
    static func clusterOverBackground(cluster: Int, background: Int) -> (x: [Double], y: [Double]) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<cluster {
            let r = (-2 * log(uniform())).squareRoot(), a = 2 * Double.pi * uniform()
            x.append(r * cos(a)); y.append(r * sin(a))
        }
        for _ in 0..<background {
            x.append(uniform() * 20 - 10); y.append(uniform() * 20 - 10)
        }
        return (x, y)
    }

    /// Mean darkness (255 minus the mean of R, G, B) over a square of pixels.
    static func darkness(_ image: RGBAImage, centreX: Int, centreY: Int, half: Int) -> Double {
        var sum = 0.0, count = 0.0
        for y in (centreY - half)...(centreY + half) {
            for x in (centreX - half)...(centreX + half) {
                let i = (y * image.width + x) * 4
                sum += 255 - (Double(image.pixels[i]) + Double(image.pixels[i + 1]) + Double(image.pixels[i + 2])) / 3
                count += 1
            }
        }
        return sum / count
    }

    func testDenseCentreIsDarkerThanSparseEdgeWithManyShadesBetween() throws {
        let data = Self.clusterOverBackground(cluster: 150_000, background: 20_000)
        let chart = Chart(x: Axis("x", domain: -10...10), y: Axis("y", domain: -10...10),
                          marks: [.points(x: data.x, y: data.y, color: Color.ink)])
        let image = try chart.rgba()
        // The plot area spans most of the 760 × 520 image; data (0, 0) lies
        // within a few pixels of the image centre, (±7, ±7) well inside the
        // plot but in the uniform background only.
        let centre = Self.darkness(image, centreX: image.width / 2 + 15, centreY: image.height / 2 - 15, half: 4)
        let edge = Self.darkness(image, centreX: image.width * 85 / 100, centreY: image.height * 20 / 100, half: 4)
        XCTAssertGreaterThan(centre, 150, "the dense centre should be nearly the full ink colour")
        XCTAssertGreaterThan(edge, 1, "sparse points must stay visible")
        XCTAssertGreaterThan(centre, edge * 3, "the dense centre must be clearly darker than the sparse edge")

        var shades = Set<UInt8>()
        for y in stride(from: image.height / 4, to: image.height * 3 / 4, by: 1) {
            for x in stride(from: image.width / 4, to: image.width * 3 / 4, by: 1) {
                shades.insert(image.pixels[(y * image.width + x) * 4])
            }
        }
        XCTAssertGreaterThan(shades.count, 40, "density should show as a gradual ramp, not one flat colour")
    }

    func testOpacityRisesLogarithmicallyFromOnePointToTheDensestCell() {
        let points = [Point(0.5, 0.5)] + Array(repeating: Point(5.5, 5.5), count: 100) + Array(repeating: Point(3.5, 3.5), count: 10)
        let density = PointDensity(points: points, plot: Rect(x: 0, y: 0, width: 10, height: 10), cellsPerPixel: 1) { $0 }
        XCTAssertEqual(density.maxCount, 100)
        XCTAssertEqual(density.counts[5 * 10 + 5], 100)
        XCTAssertEqual(density.counts[3 * 10 + 3], 10)
        XCTAssertEqual(density.opacity(0), 0)
        XCTAssertEqual(density.opacity(1), PointDensity.minimumOpacity, accuracy: 1e-12)
        XCTAssertEqual(density.opacity(100), 1, accuracy: 1e-12)
        // 10 is halfway to 100 on a log scale.
        XCTAssertEqual(density.opacity(10), PointDensity.minimumOpacity + (1 - PointDensity.minimumOpacity) / 2, accuracy: 1e-12)
        XCTAssertEqual(density.occupiedBlocks(size: 5).count, 2)
    }

    func testAMillionPointsDrawInSecondsNotMinutes() throws {
        let data = Self.clusterOverBackground(cluster: 900_000, background: 100_000)
        let chart = Chart(x: Axis("x"), y: Axis("y"), marks: [.points(x: data.x, y: data.y)])
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try chart.pngData()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "density scatter of 10^6 points: %.3f s", seconds))
        // About 1.5 s in a debug build on an idle machine; the bound leaves room
        // for a busy shared one and still fails the tens of seconds one marker per
        // point takes.
        XCTAssertLessThan(seconds, 8, "10^6 points took \(seconds) s; one marker per point takes tens of seconds")
    }
}
