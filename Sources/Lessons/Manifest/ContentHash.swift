import CGLib
import Foundation

/// SHA-256 as lowercase hex, through GLib's `GChecksum` (GLib is already linked
/// for Pango), so the manifest's hashes can be checked with any standard tool
/// (`sha256sum output/NAME/FILE`).
public enum ContentHash {
    public static func sha256(_ bytes: some DataProtocol) -> String {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }
}

/// An incremental SHA-256 over GLib's `GChecksum`.
struct SHA256Hasher: ~Copyable {
    private let checksum: OpaquePointer

    init() {
        checksum = g_checksum_new(G_CHECKSUM_SHA256)
    }

    deinit {
        g_checksum_free(checksum)
    }

    mutating func update(_ bytes: some DataProtocol) {
        for region in bytes.regions {
            region.withUnsafeBytes { raw in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else { return }
                g_checksum_update(checksum, base, raw.count)
            }
        }
    }

    /// The digest as lowercase hex; the hasher cannot be updated afterwards.
    consuming func finalize() -> String {
        String(cString: g_checksum_get_string(checksum))
    }
}

/// Hashes several labelled parts as one, each framed by its label and length,
/// so moving bytes from one part to the next can never give the same hash.
struct FramedHasher: ~Copyable {
    private var hasher = SHA256Hasher()

    mutating func add(_ label: String, _ bytes: some DataProtocol) {
        hasher.update(Data("\(label)\n\(bytes.count)\n".utf8))
        hasher.update(bytes)
        hasher.update(Data("\n".utf8))
    }

    consuming func finalize() -> String {
        hasher.finalize()
    }
}
