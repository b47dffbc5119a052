/// Records grouped by equal keys, in data order: for each record, its group and its place in it.
struct ExactGroups: Sendable {
    /// Per record: its group.
    let group: [Int32]
    /// Per record: its position in its group, from 1 for the first occurrence.
    let position: [Int32]
    /// Per group: its first record.
    let first: [Int32]
    /// Per group: how many records it has.
    let size: [Int32]

    init(keys: [UInt64]) {
        var table = KeyTable(expected: keys.count)
        var group = [Int32](repeating: 0, count: keys.count)
        var position = [Int32](repeating: 0, count: keys.count)
        var first: [Int32] = []
        var size: [Int32] = []
        for (record, key) in keys.enumerated() {
            let id =
                table.insert(key, Int32(first.count))
                ?? {
                    first.append(Int32(record))
                    size.append(0)
                    return Int32(first.count - 1)
                }()
            size[Int(id)] += 1
            group[record] = id
            position[record] = size[Int(id)]
        }
        self.group = group
        self.position = position
        self.first = first
        self.size = size
    }

    /// The first record of `record`'s group.
    func first(of record: Int) -> Int { Int(first[Int(group[record])]) }

    /// The size of `record`'s group.
    func size(of record: Int) -> Int { Int(size[Int(group[record])]) }
}
