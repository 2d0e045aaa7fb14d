import Crypto
import Foundation

/// SHA-256 as lowercase hex, through swift-crypto, so the manifest's hashes can
/// be checked with any standard tool (`sha256sum output/NAME/FILE`).
public enum ContentHash {
    public static func sha256(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}

/// Hashes several labelled parts as one, each framed by its label and length,
/// so moving bytes from one part to the next can never give the same hash.
struct FramedHasher {
    private var hasher = SHA256()

    mutating func add(_ label: String, _ bytes: some DataProtocol) {
        hasher.update(data: Data("\(label)\n\(bytes.count)\n".utf8))
        hasher.update(data: bytes)
        hasher.update(data: Data("\n".utf8))
    }

    func finalize() -> String {
        ContentHash.hex(hasher.finalize())
    }
}
