/// Distinct-1, -2 and -3 of a body of texts: distinct n-grams over all n-grams, with words as units (a Latin word
/// lowercased, a number, a CJK character) and n-grams never crossing from one text to the next.
///
/// The n-gram totals are exact; the distinct counts are `DistinctCounter`s, exact up to their capacity and
/// sampled beyond.
struct NGramDiversity: Sendable {
    /// Distinct unigrams, bigrams, trigrams: three properties rather than an array, which would check its
    /// uniqueness on each of the millions of updates.
    private(set) var unigrams: DistinctCounter
    private(set) var bigrams: DistinctCounter
    private(set) var trigrams: DistinctCounter
    /// N-grams of each size, repeats included.
    private(set) var totals = [0, 0, 0]
    /// The last two words of the current text, 0 before them.
    private var previous: UInt64 = 0
    private var beforePrevious: UInt64 = 0
    /// Words of the current text so far.
    private var words = 0

    init(capacity: Int = DistinctCounter.defaultCapacity) {
        unigrams = DistinctCounter(capacity: capacity)
        bigrams = DistinctCounter(capacity: capacity)
        trigrams = DistinctCounter(capacity: capacity)
    }

    var distinct: [DistinctCounter] { [unigrams, bigrams, trigrams] }

    /// Counters for the texts that follow, continuing these (`DistinctCounter.continuing()`), with no n-grams
    /// counted yet.
    func continuing() -> NGramDiversity {
        var next = self
        next.unigrams = unigrams.continuing()
        next.bigrams = bigrams.continuing()
        next.trigrams = trigrams.continuing()
        next.totals = [0, 0, 0]
        next.previous = 0
        next.beforePrevious = 0
        next.words = 0
        return next
    }


    var isExact: Bool { distinct.allSatisfy(\.isExact) }

    /// Adds the next words of the current text, using `scratch` (at least twice as long) for the n-gram hashes.
    ///
    /// One counter at a time over all the words, rather than three counters a word: each loop keeps its
    /// counter's threshold and table at hand, and an n-gram a sampling counter would turn away costs a comparison
    /// and no branch.
    @inline(__always)
    mutating func add(words: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>) {
        let count = words.count
        guard count > 0 else { return }
        unigrams.add(contentsOf: words)
        // Bigrams in scratch[0...], trigrams in scratch[count...]; the words before this call's continue them.
        // An n-gram a sampling counter would turn away isn't kept: the slot is written, and not taken.
        let bigramThreshold = bigrams.threshold
        let trigramThreshold = trigrams.threshold
        var last = previous
        var beforeLast = beforePrevious
        var position = self.words
        var pairs = 0
        var triples = count
        var index = 0
        // A text's first two words start no trigram, its first no bigram.
        while index < count && position < 2 {
            let word = words[index]
            if position == 1 {
                let bigram = Self.extend(last, by: word)
                scratch[pairs] = bigram
                pairs &+= bigram <= bigramThreshold ? 1 : 0
            }
            beforeLast = last
            last = word
            position &+= 1
            index &+= 1
        }
        while index < count {
            let word = words[index]
            let bigram = Self.extend(last, by: word)
            let trigram = Self.extend(beforeLast, by: bigram, multiplier: Self.trigramMultiplier)
            scratch[pairs] = bigram
            pairs &+= bigram <= bigramThreshold ? 1 : 0
            scratch[triples] = trigram
            triples &+= trigram <= trigramThreshold ? 1 : 0
            beforeLast = last
            last = word
            index &+= 1
        }
        bigrams.add(contentsOf: UnsafeMutableBufferPointer(rebasing: scratch[0..<pairs]))
        trigrams.add(contentsOf: UnsafeMutableBufferPointer(rebasing: scratch[count..<triples]))
        previous = last
        beforePrevious = beforeLast
        self.words += count
    }

    /// The hash of an n-gram from the hash of its first word and of the rest: a multiply-add, a third of
    /// `Hash64.combine`'s cost, on every n-gram of every text. Word hashes are already well mixed, so the sum's
    /// high bits (which a sampling counter compares) and low bits (which index its table) are as uniform as
    /// theirs, and two different n-grams collide only by chance (2^-64). Trigrams take another multiplier: with
    /// one, a·k + (b·k + c) would not tell "a b c" from "b a c".
    @inline(__always)
    static func extend(_ first: UInt64, by rest: UInt64, multiplier: UInt64 = bigramMultiplier) -> UInt64 {
        first &* multiplier &+ rest
    }

    static let bigramMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let trigramMultiplier: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// Ends the current text: the next word starts new n-grams.
    mutating func endText() {
        if words > 0 { totals[0] += words }
        if words > 1 { totals[1] += words - 1 }
        if words > 2 { totals[2] += words - 2 }
        words = 0
        previous = 0
        beforePrevious = 0
    }

    mutating func merge(_ other: NGramDiversity) {
        unigrams.merge(other.unigrams)
        bigrams.merge(other.bigrams)
        trigrams.merge(other.trigrams)
        for n in 0..<3 { totals[n] += other.totals[n] }
    }

    /// Distinct-n for n = 1, 2, 3 (0 when there are no n-grams).
    var ratios: [Double] {
        (0..<3).map { totals[$0] == 0 ? 0 : Swift.min(1, distinct[$0].estimate / Double(totals[$0])) }
    }
}
