/// What a sequence length of `maxTokens` (`--max-tokens`) does to a dataset, from each sample's estimated tokens.
///
/// - `over`: samples longer than the budget; a trainer truncates them, and they lose their end and their EOS.
/// - `droppedTokens`: the tokens truncation cuts off, summed.
/// - `paddingWaste`: the share of a batch's token slots that are padding when every sample is padded to the budget
///   (`padding="max_length"`, the unpacked default of many trainers): 1 − mean(min(length, budget)) / budget.
/// - `packedSequences`: the sequences of `maxTokens` a greedy packer fills with the truncated samples without
///   splitting one: best-fit decreasing (longest first, each into the fullest sequence it fits), computed from a
///   histogram of lengths with at most `maxTokens + 1` counters, so in memory bounded by the budget, not the data.
struct TokenBudget: Sendable {
    let maxTokens: Int
    private(set) var samples = 0
    private(set) var over = 0
    private(set) var droppedTokens = 0
    /// Tokens kept after truncation, summed.
    private(set) var keptTokens = 0
    /// Samples by truncated length.
    private(set) var lengths: [Int: Int] = [:]

    init(maxTokens: Int) {
        self.maxTokens = maxTokens
    }

    mutating func add(tokens: Int) {
        samples += 1
        let kept = min(tokens, maxTokens)
        if tokens > maxTokens {
            over += 1
            droppedTokens += tokens - maxTokens
        }
        keptTokens += kept
        lengths[kept, default: 0] += 1
    }

    mutating func merge(_ later: TokenBudget) {
        samples += later.samples
        over += later.over
        droppedTokens += later.droppedTokens
        keptTokens += later.keptTokens
        lengths.merge(later.lengths, uniquingKeysWith: +)
    }

    var paddingWaste: Double {
        samples == 0 ? 0 : 1 - Double(keptTokens) / (Double(samples) * Double(maxTokens))
    }

    /// Best-fit decreasing over the histogram: open sequences are counted by the room they have left, in a tree
    /// that finds the smallest room at least a length in O(log maxTokens).
    ///
    /// Budgets above 2^20 tokens are packed in units of ⌈budget / 2^20⌉ tokens (lengths rounded up), so that the
    /// tree stays within 16 MB whatever the budget; the count is then an upper bound.
    var packedSequences: Int {
        let unit = (maxTokens + Self.packingSlots - 1) / Self.packingSlots
        let capacity = maxTokens / unit
        var rooms = RoomTree(size: capacity + 1)
        var sequences = 0
        var units: [Int: Int] = [:]
        for (length, count) in lengths { units[min((length + unit - 1) / unit, capacity), default: 0] += count }
        for length in units.keys.sorted(by: >) where length > 0 {
            for _ in 0..<(units[length] ?? 0) {
                if let room = rooms.smallest(atLeast: length) {
                    rooms.add(room, -1)
                    if room > length { rooms.add(room - length, 1) }
                } else {
                    sequences += 1
                    if capacity > length { rooms.add(capacity - length, 1) }
                }
            }
        }
        return sequences
    }

    /// The most rooms the packer tells apart.
    static let packingSlots = 1 << 20

    var json: JSONValue {
        .object([
            "maxTokens": .integer(maxTokens),
            "over": .integer(over),
            "overShare": .decimal(samples == 0 ? 0 : Double(over) / Double(samples), places: 4),
            "droppedTokens": .integer(droppedTokens),
            "paddingWaste": .decimal(paddingWaste, places: 4),
            "packedSequences": .integer(packedSequences),
        ])
    }
}

/// Counts of open sequences by room left, in a segment tree, to find the smallest room of at least some size.
private struct RoomTree {
    private let leaves: Int
    private var counts: [Int]

    init(size: Int) {
        var leaves = 1
        while leaves < size { leaves *= 2 }
        self.leaves = leaves
        counts = [Int](repeating: 0, count: 2 * leaves)
    }

    mutating func add(_ room: Int, _ delta: Int) {
        var node = leaves + room
        while node >= 1 {
            counts[node] += delta
            node /= 2
        }
    }

    /// The smallest room at least `size` with a sequence, or nil.
    func smallest(atLeast size: Int) -> Int? {
        guard size < leaves else { return nil }
        // Walk up from the leaf until a right sibling subtree holds a count, then down to its leftmost leaf.
        var node = leaves + size
        if counts[node] > 0 { return size }
        while node > 1 {
            if node % 2 == 0 && counts[node + 1] > 0 {
                node += 1
                while node < leaves { node = counts[2 * node] > 0 ? 2 * node : 2 * node + 1 }
                return node - leaves
            }
            node /= 2
        }
        return nil
    }
}
