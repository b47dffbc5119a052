/// Bottom-k sketches that only some records have, by record index: state that costs nothing for the records
/// without one.
struct SparseSketchStore: Sendable {
    /// The records that have a sketch, ascending.
    private(set) var records: [UInt32] = []
    private(set) var sketches = SketchStore()
    /// Records seen, with or without a sketch: the offset of a later store's records when merged.
    private(set) var recordCount = 0

    /// Bytes held, not counting spare capacity.
    var byteCount: Int { records.count * 4 + sketches.byteCount }

    /// Adds the next record, with its sketch or none (an empty one).
    mutating func append<C: Collection<UInt32>>(_ sketch: C) {
        if !sketch.isEmpty {
            records.append(UInt32(truncatingIfNeeded: recordCount))
            sketches.append(sketch)
        }
        recordCount += 1
    }

    /// Adds the records of a store that follows this one.
    mutating func append(contentsOf later: SparseSketchStore) {
        let base = UInt32(truncatingIfNeeded: recordCount)
        records.append(contentsOf: later.records.lazy.map { $0 &+ base })
        sketches.append(contentsOf: later.sketches)
        recordCount += later.recordCount
    }

    /// The position of `record`'s sketch in `sketches`, or nil when it has none.
    func position(of record: Int) -> Int? {
        var (low, high) = (0, records.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(records[middle]) < record { low = middle + 1 } else { high = middle }
        }
        return low < records.count && Int(records[low]) == record ? low : nil
    }

    /// Whether records `a` and `b` may be near-duplicates as far as these sketches tell: true unless both have
    /// a sketch and the two are less than `threshold` similar.
    func allows(_ a: Int, _ b: Int, threshold: Double) -> Bool {
        guard let x = position(of: a), let y = position(of: b) else { return true }
        return sketches.isSimilar(x, y, threshold: threshold)
    }
}
