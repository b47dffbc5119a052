import Testing

@testable import SFTLintCore

@Suite("Hash64")
struct HashTests {
    @Test func valuesArePinnedAcrossRunsAndMachines() {
        // Keys from shards hashed on different machines must agree, and Swift's `Hasher` differs per process:
        // these values must never change.
        #expect(Hash64.hash("") == 0x0409_638e_e2bd_e459)
        #expect(Hash64.hash("a") == 0x28d2_0533_09d2_8531)
        #expect(Hash64.hash("hello world") == 0x668d_5e43_1c3b_2573)
        #expect(
            Hash64.hash("The quick brown fox jumps over the lazy dog, twice over, to make it long enough.")
                == 0x5561_707f_c666_c1c9)
        #expect(Hash64.hash("word", seed: 7) == 0x2e26_1045_feba_1bad)
        #expect(Hash64.mix(0) == 0xe220_a839_7b1d_cdaf)
    }

    @Test func everyLengthPathIsCoveredAndDistinct() {
        // 0, 1–3, 4–16, 17–48 and over 48 bytes take different paths; a byte changed anywhere changes the hash.
        var seen: Set<UInt64> = []
        for length in 0...130 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            #expect(seen.insert(Hash64.hash(bytes)).inserted, "length \(length)")
            for position in 0..<length {
                var changed = bytes
                changed[position] ^= 1
                #expect(Hash64.hash(changed) != Hash64.hash(bytes), "length \(length), byte \(position)")
            }
        }
    }

    @Test func seedsGiveIndependentHashes() {
        #expect(Hash64.hash("word", seed: 1) != Hash64.hash("word", seed: 2))
        #expect(Hash64.hash("word", seed: 1) == Hash64.hash("word", seed: 1))
    }

    @Test func noCollisionsAmongManyShortKeys() {
        var seen = Set<UInt64>(minimumCapacity: 200_000)
        for i in 0..<200_000 { seen.insert(Hash64.hash("record \(i)")) }
        #expect(seen.count == 200_000)
    }

    @Test func oneBitFlipsAboutHalfTheOutputBits() {
        // Avalanche: the mean number of output bits changed by one input bit is close to 32.
        var total = 0
        var trials = 0
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<500 {
            let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let bit = Int.random(in: 0..<(24 * 8), using: &generator)
            var flipped = bytes
            flipped[bit / 8] ^= 1 << (bit % 8)
            total += (Hash64.hash(bytes) ^ Hash64.hash(flipped)).nonzeroBitCount
            trials += 1
        }
        let mean = Double(total) / Double(trials)
        #expect(abs(mean - 32) < 1.5, "mean bits changed: \(mean)")
    }

    @Test func mixIsOneToOneOnSamples() {
        let values = (0..<100_000).map { Hash64.mix(UInt64($0)) }
        #expect(Set(values).count == values.count)
    }

    @Test func combineDependsOnOrder() {
        #expect(Hash64.combine(1, 2) != Hash64.combine(2, 1))
    }
}
