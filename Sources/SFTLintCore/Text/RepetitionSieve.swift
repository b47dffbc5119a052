/// A fast first pass that tells whether a text may loop, so that the exact search of `RepeatedRun` (a token a
/// time, far too slow for every response of a million-record file) only runs on texts that might.
///
/// It looks at clauses (sentences and lines), not tokens. Clause ends (`.`, a newline, `。`) are found thirty-two
/// bytes at a time, and each clause is compared in O(1) with the four before it (length, first and last eight
/// bytes, ASCII case folded). A text loops at clause level when consecutive clauses, or groups of up to four,
/// match. A loop inside a clause ("ha ha ha ha", "好的好的好的") runs on to the end of the text, or makes a long
/// clause: there the clause's last eight bytes, or eight bytes taken every 64 bytes of a long clause, recur at a
/// short period (up to 32 bytes). A text that passes none of these tests has no loop worth reporting, and one that
/// passes is checked exactly. What can slip through: a loop of a unit longer than 32 bytes without a full stop in
/// it, a loop inside a clause shorter than 120 bytes followed by more text ("Ha ha ha ha ha ha ha ha ha ha. Then
/// he left."), and, in a longer clause, a loop shorter than about 136 bytes followed by more text.
public enum RepetitionSieve {
    /// Bytes that may end a sentence or line: a newline, `.`, and E3, the lead byte of `。`. Continuation bytes
    /// are never E3, so CJK text is skipped like ASCII. (`!` and `?` are left out: three tests a vector instead
    /// of five, and a loop of exclamations still shows inside its clause.)
    enum Suspects: ByteClass {
        @inline(__always)
        static func matches(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            bytes.lanes(equalTo: 0x0A) .| bytes.lanes(equalTo: 0x2E) .| bytes.lanes(equalTo: 0xE3)
        }

        @inline(__always)
        static func contains(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x2E || byte == 0xE3 }
    }

    /// Whether `bytes` may hold a loop.
    public static func mayLoop(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 20 else { return false }
        var clauses = RecentClauses()
        var start = 0
        var i = UTF8Scan.firstOffset(Suspects.self, in: bytes)
        while i < n {
            let byte = bytes[i]
            var length = 1
            var isEnd = false
            if byte < 0x80 {
                isEnd = true
            } else {
                length = 3
                isEnd = i + 2 < n && isCJKClauseEnd(byte, bytes[i + 1], bytes[i + 2])
            }
            if isEnd {
                if clause(bytes, start..<i, isLast: false, recent: &clauses) { return true }
                start = i + length
            }
            i = UTF8Scan.firstOffset(Suspects.self, in: bytes, from: i + length)
        }
        return clause(bytes, start..<n, isLast: true, recent: &clauses)
    }

    /// `。`
    @inline(__always)
    static func isCJKClauseEnd(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        b0 == 0xE3 && b1 == 0x80 && b2 == 0x82
    }

    /// The last four clauses, and how many clauses in a row matched the one 1, 2, 3 and 4 clauses before.
    struct RecentClauses {
        var ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
        var streaks: (Int, Int, Int, Int) = (0, 0, 0, 0)

        /// Adds a clause; true when the last clauses repeat a group of 1 to 4 clauses.
        ///
        /// Clauses compare by length first, then by their first and last eight bytes (case folded): lengths of
        /// neighbouring clauses rarely match, so most clauses cost four integer comparisons.
        @inline(__always)
        mutating func add(_ clause: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let (a, b, c, d) = ranges
            let length = clause.count
            streaks.0 = length == a.count && RecentClauses.same(clause, a, bytes) ? streaks.0 + 1 : 0
            streaks.1 = length == b.count && RecentClauses.same(clause, b, bytes) ? streaks.1 + 1 : 0
            streaks.2 = length == c.count && RecentClauses.same(clause, c, bytes) ? streaks.2 + 1 : 0
            streaks.3 = length == d.count && RecentClauses.same(clause, d, bytes) ? streaks.3 + 1 : 0
            ranges = (clause, a, b, c)
            return streaks.0 >= 1 || streaks.1 >= 2 || streaks.2 >= 3 || streaks.3 >= 4
        }

        /// Whether two clauses of the same length have the same first and last eight bytes.
        static func same(_ x: Range<Int>, _ y: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = min(x.count, 8)
            guard count > 0 else { return false }
            return load(bytes, x.lowerBound, count) == load(bytes, y.lowerBound, count)
                && load(bytes, x.upperBound - count, count) == load(bytes, y.upperBound - count, count)
        }
    }

    /// Looks at one clause; true when it completes a clause-level repeat or loops inside.
    @inline(__always)
    private static func clause(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isLast: Bool, recent: inout RecentClauses
    ) -> Bool {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        let length = end - start
        // Bullets and numbers ("1", "-") and empty clauses between two marks say nothing.
        guard length >= 2 else { return false }
        if recent.add(start..<end, in: bytes) { return true }
        // A loop inside a clause runs on to its end; a long clause or the text's last is where one shows.
        if (isLast ? length >= 20 : length >= 120) && loops(at: end - 8, in: start..<end, bytes) { return true }
        // Or it stops and the text goes on ("I think that I think that … it was fine."): a long clause is also
        // probed every 64 bytes, so a loop of 136 bytes or more anywhere in it shows.
        guard length >= 120 else { return false }
        var probe = start + 72
        while probe + 8 < end {
            if loops(at: probe, in: start..<end, bytes) { return true }
            probe += 64
        }
        return false
    }

    /// Whether the eight bytes at `tailStart` come back at a period of 1 to 32 bytes, twice, within `range`.
    private static func loops(at tailStart: Int, in range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let tail = load(bytes, tailStart, 8)
        let first = tail & 0xFF
        let splat = first &* 0x0101_0101_0101_0101
        // Candidate periods: where the tail's first byte occurs in the 32 bytes before it.
        for word in 0..<4 {
            let wordStart = tailStart - 8 * (word + 1)
            guard wordStart >= range.lowerBound else { break }
            let x = load(bytes, wordStart, 8) ^ splat
            var zeros = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            while zeros != 0 {
                let lane = zeros.trailingZeroBitCount >> 3
                zeros &= zeros - 1
                let period = tailStart - (wordStart + lane)
                let second = tailStart - 2 * period
                guard second >= range.lowerBound else { continue }
                if load(bytes, tailStart - period, 8) == tail && load(bytes, second, 8) == tail { return true }
            }
        }
        return false
    }

    /// Up to eight bytes at `offset` as a little-endian word, ASCII letters folded to lowercase (and the other
    /// bytes mapped alike, which only ever merges, never splits, equal texts).
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> UInt64 {
        var word: UInt64 = 0
        if count == 8, let base = bytes.baseAddress {
            word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
        } else {
            for k in 0..<count { word |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        }
        return word | 0x2020_2020_2020_2020
    }
}
