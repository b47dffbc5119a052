/// An open-addressing hash table from 64-bit keys that are already hashes to non-negative 32-bit values.
///
/// Faster and smaller than `Dictionary` for the millions of lookups the duplicate rules make, and its behaviour
/// doesn't depend on the per-process seed of Swift's `Hasher`. No removal.
struct KeyTable: Sendable {
    private var keys: [UInt64]
    /// -1 marks an empty slot.
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// A table for about `expected` keys; it grows when fuller than half.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    /// The value stored for `key`.
    func value(for key: UInt64) -> Int32? {
        var slot = Self.slot(key, mask)
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is present; returns the value that was there.
    @discardableResult
    mutating func insert(_ key: UInt64, _ value: Int32) -> Int32? {
        let slot = find(key)
        if values[slot] >= 0 { return values[slot] }
        place(key, value, at: slot)
        return nil
    }

    /// Stores `value` for `key`, replacing any value; returns the value that was there.
    @discardableResult
    mutating func update(_ key: UInt64, _ value: Int32) -> Int32? {
        let slot = find(key)
        let old = values[slot]
        if old >= 0 {
            values[slot] = value
            return old
        }
        place(key, value, at: slot)
        return nil
    }

    /// Empties the table, keeping its size.
    mutating func removeAll() {
        for i in values.indices { values[i] = -1 }
        count = 0
    }

    // MARK: - Slots

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key ^ key >> 29) & UInt64(mask))
    }

    private func find(_ key: UInt64) -> Int {
        var slot = Self.slot(key, mask)
        while values[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func place(_ key: UInt64, _ value: Int32, at slot: Int) {
        keys[slot] = key
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for i in oldKeys.indices where oldValues[i] >= 0 {
            var slot = Self.slot(oldKeys[i], mask)
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            values[slot] = oldValues[i]
        }
    }
}
