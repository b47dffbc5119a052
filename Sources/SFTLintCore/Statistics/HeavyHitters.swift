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
/// their table entry would cost more than all the rest. A frequent key comes back at once, so it enters with at
/// most one occurrence uncounted.
///
/// A key's text is kept as the bytes it was first seen with, in one buffer, and `render` makes it a string only
/// for the keys a report reads: making a string for every key that enters cost more than counting them all.
/// The keys are in an open-addressed table of their own (they are hashes already), not a `Dictionary`, whose
/// hashing and entry copies cost several times the count.
struct HeavyHitters: Sendable {
    struct Entry: Sendable {
        var count: Int
        /// The key as first seen, for display.
        var text: String
        /// The first record it was seen in (while the key stayed in the table).
        var example: RecordRef
    }

    /// A kept key: its count, first record and where its bytes are in `bytes`.
    private struct Item: Sendable {
        var key: UInt64
        var count: Int
        var example: RecordRef
        var start: Int
        var length: Int
    }

    static let defaultCapacity = 1024

    let capacity: Int
    /// How a key's bytes read in a report.
    let render: @Sendable (UnsafeBufferPointer<UInt8>) -> String
    /// The kept keys, in the order they entered.
    private var items: [Item] = []
    /// Open addressing over `items`: an item's index + 1, 0 for an empty slot; a power of two, at most half full.
    private var slots: [Int32] = []
    /// The keys' bytes, one after another, in the first `bytesUsed` of `bytes`.
    private var bytes: [UInt8] = []
    private var bytesUsed = 0
    /// Keys added, the N of the error bound.
    private(set) var total = 0
    /// The largest amount a kept count may be below the truth: the sum of what the reductions took.
    private(set) var error = 0
    var paths = PathTable()
    /// Keys seen once lately, by their low 16 bits; empty until the first reduction.
    private var recent: [UInt64] = []
    private var recentCount = 0

    /// An empty table; `render` makes the text of a key from the bytes it was added with (UTF-8 by default).
    init(
        capacity: Int = HeavyHitters.defaultCapacity,
        render: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> String = { String(decoding: $0, as: UTF8.self) }
    ) {
        self.capacity = capacity
        self.render = render
    }

    /// An empty table with the same capacity and rendering.
    func emptied() -> HeavyHitters {
        HeavyHitters(capacity: capacity, render: render)
    }

    /// Whether the counts are exact.
    var isExact: Bool { error == 0 }

    /// The largest count, read without making any text: what a rule checks before asking for `top`.
    var largestCount: Int { items.reduce(0) { Swift.max($0, $1.count) } }

    /// Counts `key`; `text` (the bytes `render` reads) is only read for a key not in the table.
    mutating func add(_ key: UInt64, at ref: RecordRef, in file: InputFile, text: UnsafeBufferPointer<UInt8>) {
        total += 1
        let (slot, item) = find(key)
        if let item {
            items[item].count += 1
            return
        }
        if !recent.isEmpty && !admits(key) { return }
        paths.note(file)
        insert(key, count: 1, example: ref, text: text, at: slot)
        if items.count > 2 * capacity { reduce() }
    }

    /// Folds in the counts of later data.
    mutating func merge(_ later: HeavyHitters) {
        total += later.total
        error += later.error
        paths.merge(later.paths)
        later.bytes.withUnsafeBufferPointer { laterBytes in
            for entry in later.items {
                let (slot, item) = find(entry.key)
                if let item {
                    items[item].count += entry.count
                } else {
                    let text = UnsafeBufferPointer(rebasing: laterBytes[entry.start..<entry.start + entry.length])
                    insert(entry.key, count: entry.count, example: entry.example, text: text, at: slot)
                }
            }
        }
        if items.count > 2 * capacity { reduce() }
    }

    // MARK: - The table

    /// The slot of `key`: where it is, with its item, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> (slot: Int, item: Int?) {
        guard !slots.isEmpty else { return (0, nil) }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            // The keys are hashes, but tests and merges may bring small integers: Fibonacci hashing spreads both.
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while true {
                let index = Int(slots[slot])
                if index == 0 { return (slot, nil) }
                if items[index - 1].key == key { return (slot, index - 1) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds an item for `key` at the empty `slot` that `find` gave, growing the slots when half full.
    private mutating func insert(_ key: UInt64, count: Int, example: RecordRef, text: UnsafeBufferPointer<UInt8>, at slot: Int) {
        var slot = slot
        if slots.isEmpty {
            // Room at once for the keys that fill the table before it is first reduced: each batch of a run
            // starts empty and fills it, and growing step by step cost as much as the keys themselves.
            items.reserveCapacity(2 * capacity + 1)
            rebuildSlots(for: 2 * capacity + 1)
            slot = find(key).slot
        }
        items.append(Item(key: key, count: count, example: example, start: bytesUsed, length: text.count))
        store(text)
        if 2 * items.count > slots.count {
            rebuildSlots(for: 2 * items.count)
        } else {
            slots[slot] = Int32(items.count)
        }
    }

    /// Appends `text` to the used part of `bytes` with one copy: `append(contentsOf:)` cost several times it.
    private mutating func store(_ text: UnsafeBufferPointer<UInt8>) {
        guard let source = text.baseAddress, !text.isEmpty else { return }
        if bytesUsed + text.count > bytes.count {
            bytes += repeatElement(0, count: Swift.max(bytesUsed + text.count, 2 * bytes.count, 4096) - bytes.count)
        }
        let used = bytesUsed
        bytes.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: used).update(from: source, count: text.count) }
        bytesUsed += text.count
    }

    /// Slots for `items` keys: a power of two at least twice as many.
    private static func slotCount(for items: Int) -> Int {
        var size = 64
        while size < 2 * items { size *= 2 }
        return size
    }

    /// Places every item again, in slots for `keys` keys.
    private mutating func rebuildSlots(for keys: Int) {
        slots = [Int32](repeating: 0, count: Self.slotCount(for: keys))
        for (index, item) in items.enumerated() {
            let (slot, _) = find(item.key)
            slots[slot] = Int32(index + 1)
        }
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
        let cut = count(atRank: capacity)
        error += cut
        var kept: [Item] = []
        kept.reserveCapacity(2 * capacity + 1)
        let old = bytes
        bytes = []
        bytesUsed = 0
        old.withUnsafeBufferPointer { old in
            for item in items where item.count > cut {
                kept.append(Item(key: item.key, count: item.count - cut, example: item.example, start: bytesUsed, length: item.length))
                store(UnsafeBufferPointer(rebasing: old[item.start..<item.start + item.length]))
            }
        }
        items = kept
        rebuildSlots(for: 2 * capacity + 1)
    }

    /// The count at position `rank` (from 0) of the counts from the largest: tallied, not sorted, as they are
    /// mostly small. `rank` must be below the number of keys.
    private func count(atRank rank: Int) -> Int {
        let largest = largestCount
        guard largest <= 4 * items.count else { return items.map(\.count).sorted(by: >)[rank] }
        var tally = [Int](repeating: 0, count: largest + 1)
        for item in items { tally[item.count] += 1 }
        var seen = 0
        for count in stride(from: largest, through: 0, by: -1) {
            seen += tally[count]
            if seen > rank { return count }
        }
        return 0
    }

    // MARK: - Reading

    /// The `limit` most frequent keys, by count then text, each with its count. Only the keys that can be among
    /// them (counts at least the `limit`-th largest) are rendered and compared by text.
    func top(_ limit: Int) -> [Entry] {
        guard limit > 0, !items.isEmpty else { return [] }
        let least = count(atRank: min(limit, items.count) - 1)
        let candidates = bytes.withUnsafeBufferPointer { bytes in
            items.filter { $0.count >= least }.map { item in
                Entry(
                    count: item.count, text: render(UnsafeBufferPointer(rebasing: bytes[item.start..<item.start + item.length])),
                    example: item.example)
            }
        }
        let sorted = candidates.sorted { ($0.count, $1.text) > ($1.count, $0.text) }
        return Array(sorted.prefix(limit))
    }
}
