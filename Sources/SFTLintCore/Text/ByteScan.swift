/// A small set of bytes, found in a text sixteen bytes at a time.
///
/// The content rules look for rare bytes (`<`, `[`, `{`, an uppercase letter of a phrase) and only then look
/// closer. Comparing a SIMD vector with each member keeps that first pass far cheaper than a search per phrase:
/// it runs over every turn of every record, so its speed is the speed of the rules. Plain values only (a bitmap
/// and vectors, no arrays), so that using one costs no reference counting.
public struct ByteSet: Sendable, Hashable {
    /// Which bytes are members: bit `b % 64` of word `b / 64`.
    private let bitmap: SIMD4<UInt64>
    /// How many members; at most `ByteSet.vectorLimit` are compared as vectors.
    public let count: Int
    /// Each member repeated across a vector; unused vectors repeat the first member, so comparing with all six
    /// costs the same whatever the count.
    private let s0, s1, s2, s3, s4, s5: SIMD16<UInt8>

    /// With more members than this, bytes are looked up in the bitmap one at a time.
    static let vectorLimit = 6

    /// The set of `bytes` (repeats don't matter).
    public init(_ bytes: some Sequence<UInt8>) {
        let members = Array(Set(bytes)).sorted()
        var bitmap = SIMD4<UInt64>(repeating: 0)
        for byte in members { bitmap[Int(byte >> 6)] |= 1 << UInt64(byte & 63) }
        self.bitmap = bitmap
        count = members.count
        let splat = { (k: Int) in
            SIMD16<UInt8>(repeating: members.indices.contains(k) ? members[k] : members.first ?? 0)
        }
        (s0, s1, s2, s3, s4, s5) = (splat(0), splat(1), splat(2), splat(3), splat(4), splat(5))
    }

    @inline(__always)
    public func contains(_ byte: UInt8) -> Bool { bitmap[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0 }

    /// The members, in order.
    public var members: [UInt8] { (0...255).map(UInt8.init).filter(contains) }

    /// The members of both sets.
    public func union(_ other: ByteSet) -> ByteSet { ByteSet(members + other.members) }

    /// Calls `body` with the offset of every byte of `bytes[start..<end]` in the set, in order, until it returns
    /// false.
    public func forEachOffset(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil, _ body: (Int) -> Bool
    ) {
        let end = min(end ?? bytes.count, bytes.count)
        // Closures are written in place, not kept in variables: a closure value would be allocated on every call.
        // One loop per member count, so that a set of two bytes costs two comparisons, not six.
        switch count {
        case 0: return
        case 1: VectorScan.forEach(in: bytes, from: start, to: end, { [s0] v in v .== s0 }, contains, body)
        case 2:
            VectorScan.forEach(in: bytes, from: start, to: end, { [s0, s1] v in (v .== s0) .| (v .== s1) }, contains, body)
        case 3:
            VectorScan.forEach(
                in: bytes, from: start, to: end, { [s0, s1, s2] v in (v .== s0) .| (v .== s1) .| (v .== s2) }, contains,
                body)
        case 4:
            VectorScan.forEach(
                in: bytes, from: start, to: end,
                { [s0, s1, s2, s3] v in (v .== s0) .| (v .== s1) .| (v .== s2) .| (v .== s3) }, contains, body)
        case 5:
            VectorScan.forEach(
                in: bytes, from: start, to: end,
                { [s0, s1, s2, s3, s4] v in (v .== s0) .| (v .== s1) .| (v .== s2) .| (v .== s3) .| (v .== s4) },
                contains, body)
        case ...Self.vectorLimit:
            VectorScan.forEach(
                in: bytes, from: start, to: end,
                { [s0, s1, s2, s3, s4, s5] v in
                    (v .== s0) .| (v .== s1) .| (v .== s2) .| (v .== s3) .| (v .== s4) .| (v .== s5)
                }, contains, body)
        default:
            for i in max(start, 0)..<max(end, start) where contains(bytes[i]) {
                if !body(i) { return }
            }
        }
    }
}

extension VectorScan {
    /// The offset of the last `byte` in `bytes[..<end]`, searched backwards 16 bytes at a time: the last line of
    /// a response is usually short, so this reads little of it.
    static func lastOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let target = SIMD16<UInt8>(repeating: byte)
        let raw = UnsafeRawPointer(base)
        var i = min(end, bytes.count)
        while i >= 16 {
            let words = unsafeBitCast(
                raw.loadUnaligned(fromByteOffset: i &- 16, as: SIMD16<UInt8>.self) .== target, to: SIMD2<UInt64>.self)
            if words[1] != 0 { return i &- 16 &+ 8 &+ (63 &- words[1].leadingZeroBitCount) &>> 3 }
            if words[0] != 0 { return i &- 16 &+ (63 &- words[0].leadingZeroBitCount) &>> 3 }
            i &-= 16
        }
        while i > 0 {
            i &-= 1
            if base[i] == byte { return i }
        }
        return nil
    }
}

/// The loop behind every byte search of the rules: 32 bytes at a time through a SIMD test, the rare blocks with
/// a hit looked at byte by byte.
enum VectorScan {
    /// Whether any lane is set. Read as two 64-bit words: the standard `any(_:)` is a call to a generic
    /// minimum across lanes that is not inlined, several times slower than the comparisons it follows.
    @inline(__always)
    static func hasHit(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// Calls `body` at each set lane of the 32 bytes at `block` from offset `first` on, lowest first; true when
    /// it stopped. A set lane is a 0xFF byte of a 64-bit word, found by counting trailing zeros.
    @inline(__always)
    private static func visitLanes(
        _ low: SIMDMask<SIMD16<Int8>>, _ high: SIMDMask<SIMD16<Int8>>, at block: Int, from first: Int,
        _ body: (Int) -> Bool
    ) -> Bool {
        let words = (unsafeBitCast(low, to: SIMD2<UInt64>.self), unsafeBitCast(high, to: SIMD2<UInt64>.self))
        for k in 0..<4 {
            var rest = k < 2 ? words.0[k] : words.1[k &- 2]
            while rest != 0 {
                let lane = rest.trailingZeroBitCount &>> 3
                let offset = block &+ k &* 8 &+ lane
                if offset >= first, !body(offset) { return true }
                rest &= ~(0xFF &<< UInt64(lane &* 8))
            }
        }
        return false
    }

    /// Calls `body` with each offset in `start..<end` whose byte `vector` (32 bytes at a time) or `scalar` (the
    /// last bytes) accepts, in order, until it returns false. The two tests must agree.
    @inline(__always)
    static func forEach(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
        _ vector: (SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>, _ scalar: (UInt8) -> Bool, _ body: (Int) -> Bool
    ) {
        guard let base = bytes.baseAddress, start < end, end <= bytes.count else { return }
        var i = max(start, 0)
        let raw = UnsafeRawPointer(base)
        while i &+ 32 <= end {
            let low = vector(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))
            let high = vector(raw.loadUnaligned(fromByteOffset: i &+ 16, as: SIMD16<UInt8>.self))
            if hasHit(low .| high), visitLanes(low, high, at: i, from: i, body) { return }
            i &+= 32
        }
        guard i < end else { return }
        if end - start >= 32 {
            // The rest: the last 32 bytes once more, skipping the lanes already seen.
            let block = end &- 32
            let low = vector(raw.loadUnaligned(fromByteOffset: block, as: SIMD16<UInt8>.self))
            let high = vector(raw.loadUnaligned(fromByteOffset: block &+ 16, as: SIMD16<UInt8>.self))
            if hasHit(low .| high) { _ = visitLanes(low, high, at: block, from: i, body) }
            return
        }
        while i < end {
            if scalar(base[i]), !body(i) { return }
            i &+= 1
        }
    }
}

/// A fixed list of phrases found in one pass: a few rare bytes are chosen so that every phrase holds one (its
/// anchor), a `ByteSet` finds the anchors, and only there are phrases compared byte by byte.
///
/// Matching is exact (case and all): the lists the rules use spell out the variants that occur. A class, for the
/// same reason as `ByteSet`.
public final class PhraseSet: Sendable {
    /// The phrases as UTF-8, in the order given (empty ones dropped); matches name them by index.
    public let phrases: [[UInt8]]
    /// Offset of each phrase's anchor byte inside the phrase; the byte after it keys the lookup.
    private let anchorOffsets: [Int]
    /// The phrases to compare at an anchor, by anchor and the byte that follows it (`slot * 257 + next`), and at
    /// 256 those of one byte: a table, not a hash, and two bytes deep, because it is read at every anchor found.
    private let candidateRanges: [Range<Int>]
    private let candidates: [Int]
    /// For each byte value, its slot among the anchors, or -1.
    private let slots: [Int]
    /// The anchor bytes of all phrases.
    public let anchors: ByteSet

    /// The set of `phrases`, with anchors chosen for them.
    public init(_ phrases: [String]) {
        let list = phrases.map { Array($0.utf8) }.filter { !$0.isEmpty }
        self.phrases = list
        // An anchor is never a phrase's last byte (unless it has one): the byte after it narrows the candidates.
        let keyed = list.map { $0.count > 1 ? Array($0.dropLast()) : $0 }
        let chosen = Self.chooseAnchors(keyed)
        let offsets = keyed.map { bytes in
            bytes.indices.filter { chosen.contains(bytes[$0]) }
                .min { ByteFrequency.of(bytes[$0]) < ByteFrequency.of(bytes[$1]) } ?? 0
        }
        anchorOffsets = offsets
        let anchorBytes = Array(Set(list.indices.map { list[$0][offsets[$0]] })).sorted()
        var slots = [Int](repeating: -1, count: 256)
        for (slot, byte) in anchorBytes.enumerated() { slots[Int(byte)] = slot }
        var buckets = [[Int]](repeating: [], count: anchorBytes.count * 257)
        for (index, phrase) in list.enumerated() {
            let offset = offsets[index]
            let next = offset + 1 < phrase.count ? Int(phrase[offset + 1]) : 256
            buckets[slots[Int(phrase[offset])] * 257 + next].append(index)
        }
        var ranges: [Range<Int>] = []
        var flat: [Int] = []
        for bucket in buckets {
            ranges.append(flat.count..<flat.count + bucket.count)
            flat += bucket
        }
        candidateRanges = ranges
        candidates = flat
        self.slots = slots
        anchors = ByteSet(anchorBytes)
    }

    /// A small set of bytes that every phrase contains one of, cheap to search for: greedily the byte that covers
    /// the most phrases not yet covered for its frequency in text.
    private static func chooseAnchors(_ phrases: [[UInt8]]) -> Set<UInt8> {
        var uncovered = phrases.map { Set($0) }
        var chosen = Set<UInt8>()
        while !uncovered.isEmpty {
            var gains = [Int](repeating: 0, count: 256)
            for bytes in uncovered { for byte in bytes { gains[Int(byte)] += 1 } }
            let value = { (byte: Int) in Double(gains[byte]) / Double(ByteFrequency.of(UInt8(byte))) }
            let best = (0..<256).max { value($0) < value($1) }
            guard let best, gains[best] > 0 else { break }
            chosen.insert(UInt8(best))
            uncovered.removeAll { $0.contains(UInt8(best)) }
        }
        return chosen
    }

    /// Whether there is no phrase to find.
    public var isEmpty: Bool { phrases.isEmpty }

    /// Calls `body` with each phrase anchored on the byte at `offset` that occurs there, and its range.
    @inline(__always)
    public func forEachMatch(
        anchoredAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Range<Int>) -> Void
    ) {
        let slot = slots[Int(bytes[offset])]
        guard slot >= 0 else { return }
        if offset &+ 1 < bytes.count {
            visit(candidateRanges[slot &* 257 &+ Int(bytes[offset &+ 1])], offset, bytes, body)
        }
        visit(candidateRanges[slot &* 257 &+ 256], offset, bytes, body)
    }

    @inline(__always)
    private func visit(
        _ range: Range<Int>, _ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Range<Int>) -> Void
    ) {
        for slot in range {
            let index = candidates[slot]
            let start = offset &- anchorOffsets[index]
            let phrase = phrases[index]
            if Self.bytes(bytes, at: start, equal: phrase) { body(index, start..<start &+ phrase.count) }
        }
    }

    /// Calls `body` with every occurrence of every phrase, ordered by anchor, until it returns false.
    public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Range<Int>) -> Bool) {
        var isDone = false
        anchors.forEachOffset(in: bytes) { offset in
            forEachMatch(anchoredAt: offset, in: bytes) { index, range in
                if !isDone, !body(index, range) { isDone = true }
            }
            return !isDone
        }
    }

    /// The first occurrence of any phrase (by anchor position), if there is one.
    public func firstMatch(in bytes: UnsafeBufferPointer<UInt8>) -> (phrase: Int, range: Range<Int>)? {
        var found: (Int, Range<Int>)?
        forEachMatch(in: bytes) { index, range in
            found = (index, range)
            return false
        }
        return found
    }

    /// Whether `bytes` holds `phrase` at `start`.
    @inline(__always)
    static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, equal phrase: [UInt8]) -> Bool {
        guard start >= 0, start &+ phrase.count <= bytes.count else { return false }
        return phrase.withUnsafeBufferPointer { phrase in
            for k in 0..<phrase.count where bytes[start &+ k] != phrase[k] { return false }
            return true
        }
    }
}

/// How common a byte is in SFT text, roughly per thousand bytes of English and Chinese: a phrase is best found
/// by its least common byte.
enum ByteFrequency {
    static func of(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: " "): 170
        case UInt8(ascii: "e"): 95
        case UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"): 60
        case UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "r"): 48
        case UInt8(ascii: "d"), UInt8(ascii: "l"): 32
        case UInt8(ascii: "c"), UInt8(ascii: "u"), UInt8(ascii: "m"), UInt8(ascii: "w"), UInt8(ascii: "f"): 20
        case UInt8(ascii: "g"), UInt8(ascii: "y"), UInt8(ascii: "p"), UInt8(ascii: "b"): 14
        case UInt8(ascii: "v"), UInt8(ascii: "k"): 7
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 1
        case UInt8(ascii: "."), UInt8(ascii: ","): 10
        case UInt8(ascii: "\n"): 8
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 5
        case UInt8(ascii: "I"), UInt8(ascii: "T"), UInt8(ascii: "A"), UInt8(ascii: "S"): 3
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "-"): 3
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 2
        case UInt8(ascii: "<"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "#"), UInt8(ascii: "|"): 1
        case 0xE4...0xE9: 25  // lead bytes of CJK ideographs
        case 0xE3, 0xEF: 8  // lead bytes of CJK punctuation and full-width forms
        case 0x80...0xBF: 6  // continuation bytes
        default: 2
        }
    }
}
