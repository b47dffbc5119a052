/// A class of bytes that prose rules look for: bytes rare in clean text (control bytes, `&`, `<`, `\r`, lead
/// bytes of non-ASCII scalars), where they then look closer.
///
/// The rules run over every turn of every record, so this first pass sets their speed. Each class is a type,
/// so that `UTF8Scan.firstOffset` is specialised for it: a handful of vector instructions per sixteen bytes,
/// instead of a branch per byte or a loop over a list of ranges.
public protocol ByteClass {
    /// Whether each of sixteen bytes is in the class.
    static func matches(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>
    static func contains(_ byte: UInt8) -> Bool
}

/// Finding bytes of a class in UTF-8 text, and decoding scalars at an offset.
public enum UTF8Scan {
    /// The offset of the first byte of class `C` at or after `start`, or `bytes.count` when there is none.
    @inline(__always)
    public static func firstOffset<C: ByteClass>(_: C.Type, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0)
        -> Int
    {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var i = max(start, 0)
        let raw = UnsafeRawPointer(base)
        while i + 32 <= count {
            if let lane = firstLane(C.self, raw, at: i, skipping: 0) { return i + lane }
            i += 32
        }
        // The last bytes: one more block, ending at the end and overlapping bytes already tested.
        if count >= 32 && i < count {
            let start = count - 32
            return firstLane(C.self, raw, at: start, skipping: i - start).map { start + $0 } ?? count
        }
        while i < count {
            if C.contains(base[i]) { return i }
            i += 1
        }
        return count
    }

    /// The first lane of the 32 bytes at `offset` in class `C`, ignoring the first `skipped` lanes.
    ///
    /// A matching lane is 0xFF: the first one is the lowest set byte of four 64-bit words, found without
    /// `any(_:)` (which the optimizer leaves as a generic reduction) or a loop over bytes.
    @inline(__always)
    static func firstLane<C: ByteClass>(_: C.Type, _ raw: UnsafeRawPointer, at offset: Int, skipping skipped: Int)
        -> Int?
    {
        let a = unsafeBitCast(
            C.matches(raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)), to: SIMD2<UInt64>.self)
        let b = unsafeBitCast(
            C.matches(raw.loadUnaligned(fromByteOffset: offset + 16, as: SIMD16<UInt8>.self)), to: SIMD2<UInt64>.self)
        var words = (a[0], a[1], b[0], b[1])
        if skipped > 0 {
            words = (
                clearing(words.0, below: skipped), clearing(words.1, below: skipped - 8),
                clearing(words.2, below: skipped - 16), clearing(words.3, below: skipped - 24)
            )
        }
        guard words.0 | words.1 | words.2 | words.3 != 0 else { return nil }
        if words.0 != 0 { return words.0.trailingZeroBitCount >> 3 }
        if words.1 != 0 { return 8 + words.1.trailingZeroBitCount >> 3 }
        if words.2 != 0 { return 16 + words.2.trailingZeroBitCount >> 3 }
        return 24 + words.3.trailingZeroBitCount >> 3
    }

    /// `word` without its lowest `lanes` bytes.
    @inline(__always)
    static func clearing(_ word: UInt64, below lanes: Int) -> UInt64 {
        lanes <= 0 ? word : lanes >= 8 ? 0 : word & (~0 << UInt64(8 * lanes))
    }

    /// The scalar starting at `offset` and its length in bytes; a malformed sequence decodes as U+FFFD of length 1
    /// (decoded strings are valid UTF-8, so that only happens on a buffer cut mid-scalar).
    @inline(__always)
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[offset])
        let count = bytes.count
        if lead < 0x80 { return (lead, 1) }
        if lead >= 0xC2 && lead < 0xE0, offset + 1 < count {
            return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
        }
        if lead >= 0xE0 && lead < 0xF0, offset + 2 < count {
            return (
                (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3
            )
        }
        if lead >= 0xF0 && lead < 0xF5, offset + 3 < count {
            let value =
                (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }

    /// The length of the scalar whose lead byte is `lead`: 1 for ASCII and for a stray continuation byte.
    @inline(__always)
    public static func length(ofLead lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}

extension SIMD16 where Scalar == UInt8 {
    /// `self .== SIMD16(repeating: byte)`. Comparing with a vector, never with a scalar: the scalar overloads of
    /// the comparison operators compile to a loop over the lanes.
    @inline(__always)
    public func lanes(equalTo byte: UInt8) -> SIMDMask<SIMD16<Int8>> {
        self .== SIMD16(repeating: byte)
    }

    /// Lanes whose byte is in `lower...lower + span`, modulo 256.
    @inline(__always)
    public func lanes(from lower: UInt8, span: UInt8) -> SIMDMask<SIMD16<Int8>> {
        (self &- SIMD16(repeating: lower)) .<= SIMD16(repeating: span)
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying a native string.
    ///
    /// Inlined, with the copying fallback out of line: a `var` copy in the same function makes every call retain
    /// and release the string, which the rules would pay for every turn of every record.
    @inline(__always)
    public func withUTF8Buffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return String.withCopiedUTF8(of: self, body)
    }

    @inline(never)
    static func withCopiedUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8(body)
    }
}
