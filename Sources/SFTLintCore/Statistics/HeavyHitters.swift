/// The most frequent keys of a stream in bounded memory (Misra-Gries), each with its text and first record.
///
/// Keeps at most `2 × capacity` keys. When the table fills, every count drops by the (capacity + 1)-th largest
/// count and keys that reach 0 go: a kept count is then at most N / (capacity + 1) below the true one (N keys
/// added), and any key with more than that share is kept. While the stream has no more than `capacity` distinct
/// keys nothing is dropped, the counts are exact and merging in any split gives the same result; past that, a
/// different split may move counts within the error bound.
///
/// Past the first reduction, a key not in the table enters only when it comes back while a 65,536-bit filter
/// still holds it (the filter is cleared when half full): most keys of a long stream are seen once, and making
/// their text and table entry would cost more than all the rest. A frequent key comes back at once, so it enters
/// with at most one occurrence uncounted.
struct HeavyHitters: Sendable {
    struct Entry: Sendable {
        var count: Int
        /// The key as first seen, for display.
        var text: String
        /// The first record it was seen in (while the key stayed in the table).
        var example: RecordRef
    }

    static let defaultCapacity = 1024

    let capacity: Int
    private(set) var entries: [UInt64: Entry] = [:]
    /// Keys added, the N of the error bound.
    private(set) var total = 0
    /// The largest amount a kept count may be below the truth: the sum of what the reductions took.
    private(set) var error = 0
    var paths = PathTable()
    /// Keys seen once lately, by their low 16 bits; empty until the first reduction.
    private var recent: [UInt64] = []
    private var recentCount = 0

    init(capacity: Int = HeavyHitters.defaultCapacity) {
        self.capacity = capacity
    }

    /// Whether the counts are exact.
    var isExact: Bool { error == 0 }

    /// Counts `key`; `text` is only called for a key not in the table.
    mutating func add(_ key: UInt64, at ref: RecordRef, in file: InputFile, text: () -> String) {
        total += 1
        if entries[key] != nil {
            entries[key]!.count += 1
            return
        }
        if !recent.isEmpty && !admits(key) { return }
        paths.note(file)
        entries[key] = Entry(count: 1, text: text(), example: ref)
        if entries.count > 2 * capacity { reduce() }
    }

    /// Folds in the counts of later data.
    mutating func merge(_ later: HeavyHitters) {
        total += later.total
        error += later.error
        paths.merge(later.paths)
        for (key, entry) in later.entries {
            if entries[key] != nil {
                entries[key]!.count += entry.count
            } else {
                entries[key] = entry
            }
        }
        if entries.count > 2 * capacity { reduce() }
    }

    /// Whether `key` was seen lately; remembers it if not.
    private mutating func admits(_ key: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: Hash64.mix(key)) & 0xFFFF
        let (word, mask) = (bit >> 6, UInt64(1) << (bit & 63))
        if recent[word] & mask != 0 { return true }
        recent[word] |= mask
        recentCount += 1
        if recentCount > 1 << 15 {
            recent = [UInt64](repeating: 0, count: 1024)
            recentCount = 0
        }
        return false
    }

    /// Drops every count by the (capacity + 1)-th largest, removing those that reach 0.
    private mutating func reduce() {
        if recent.isEmpty { recent = [UInt64](repeating: 0, count: 1024) }
        let cut = entries.values.map(\.count).sorted(by: >)[capacity]
        error += cut
        entries = entries.compactMapValues { entry in
            entry.count > cut ? Entry(count: entry.count - cut, text: entry.text, example: entry.example) : nil
        }
    }

    /// The `limit` most frequent keys, by count then text, each with its count.
    func top(_ limit: Int) -> [Entry] {
        let sorted = entries.values.sorted { ($0.count, $1.text) > ($1.count, $0.text) }
        return Array(sorted.prefix(limit))
    }
}
