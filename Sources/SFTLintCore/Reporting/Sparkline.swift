/// A histogram drawn as one line of block characters, `▁▂▃▄▅▆▇█`, one character a bin.
///
/// Heights are relative to the fullest bin. An empty bin is a space, and any non-empty bin at least `▁`, so
/// that a handful of outliers in the tail stay visible next to a bin of millions.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func render(_ counts: [Int]) -> String {
        let highest = counts.max() ?? 0
        guard highest > 0 else { return String(repeating: " ", count: counts.count) }
        return String(
            counts.map { count -> Character in
                guard count > 0 else { return " " }
                let level = (Double(count) / Double(highest) * Double(blocks.count)).rounded(.up)
                return blocks[min(blocks.count, max(1, Int(level))) - 1]
            })
    }
}
