/// Disjoint sets over `0..<count`: links similar items so that a cluster of 50 paraphrases is one group, not
/// 1,225 pairs. Union by size with path halving: near-constant time per operation.
struct UnionFind: Sendable {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    var count: Int { parent.count }

    /// The representative of `item`'s set.
    mutating func find(_ item: Int) -> Int {
        var x = item
        while Int(parent[x]) != x {
            let grandparent = parent[Int(parent[x])]
            parent[x] = grandparent
            x = Int(grandparent)
        }
        return x
    }

    /// Joins the sets of `a` and `b`; false when they were one already.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = find(a)
        var rootB = find(b)
        guard rootA != rootB else { return false }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        size[rootA] += size[rootB]
        return true
    }

    /// Whether `a` and `b` are in one set.
    mutating func isConnected(_ a: Int, _ b: Int) -> Bool { find(a) == find(b) }

    /// The sets with at least `minimumSize` members, each in ascending order, ordered by their first member.
    mutating func groups(minimumSize: Int = 2) -> [[Int]] {
        var groupOfRoot: [Int: Int] = [:]
        var groups: [[Int]] = []
        for item in 0..<count {
            let root = find(item)
            guard size[root] >= minimumSize else { continue }
            if let group = groupOfRoot[root] {
                groups[group].append(item)
            } else {
                groupOfRoot[root] = groups.count
                groups.append([item])
            }
        }
        return groups
    }
}
