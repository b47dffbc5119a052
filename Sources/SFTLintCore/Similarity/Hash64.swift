/// A fast 64-bit hash with wyhash's structure, the same on every run and every machine.
///
/// Duplicate detection keys and sketches are built from these values, so they must not change between runs
/// the way Swift's `Hasher` (seeded per process) does. Not cryptographic: a dataset author who wants two
/// different samples to collide can make them.
public enum Hash64 {
    static let p0: UInt64 = 0xa076_1d64_78bd_642f
    static let p1: UInt64 = 0xe703_7ed1_a0b4_28db
    static let p2: UInt64 = 0x8ebc_6af0_9c88_c6e3
    static let p3: UInt64 = 0x5899_65cc_7537_4cc3

    /// The hash of `bytes` under `seed`.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var seed = seed ^ mum(seed ^ p0, p1)
        var a: UInt64
        var b: UInt64
        if count <= 16 {
            if count >= 4 {
                // Two overlapping 4-byte reads from each end cover every byte.
                let quarter = (count >> 3) << 2
                a = read32(bytes, 0) << 32 | read32(bytes, quarter)
                b = read32(bytes, count - 4) << 32 | read32(bytes, count - 4 - quarter)
            } else if count > 0 {
                a = UInt64(bytes[0]) << 16 | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1])
                b = 0
            } else {
                a = 0
                b = 0
            }
        } else {
            var offset = 0
            var remaining = count
            if remaining > 48 {
                var lane1 = seed
                var lane2 = seed
                repeat {
                    seed = mum(read64(bytes, offset) ^ p1, read64(bytes, offset + 8) ^ seed)
                    lane1 = mum(read64(bytes, offset + 16) ^ p2, read64(bytes, offset + 24) ^ lane1)
                    lane2 = mum(read64(bytes, offset + 32) ^ p3, read64(bytes, offset + 40) ^ lane2)
                    offset += 48
                    remaining -= 48
                } while remaining > 48
                seed ^= lane1 ^ lane2
            }
            while remaining > 16 {
                seed = mum(read64(bytes, offset) ^ p1, read64(bytes, offset + 8) ^ seed)
                offset += 16
                remaining -= 16
            }
            a = read64(bytes, count - 16)
            b = read64(bytes, count - 8)
        }
        let product = (a ^ p1).multipliedFullWidth(by: b ^ seed)
        return mum(product.low ^ p0 ^ UInt64(count), product.high ^ p1)
    }

    /// The hash of an array's bytes.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// The hash of a string's UTF-8.
    public static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// Scrambles one 64-bit value (a bijection, so distinct inputs never collide): for integers and for
    /// combining hashes.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        // SplitMix64's finaliser.
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Combines two hashes, order-sensitively.
    @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mum(a ^ p0, b ^ p2)
    }

    // MARK: - Parts

    @inline(__always)
    static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    @inline(__always)
    private static func read64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func read32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
}
