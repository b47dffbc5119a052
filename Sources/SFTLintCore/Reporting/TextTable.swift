/// Plain-text columns padded to their widest cell, for terminal tables.
public struct TextTable: Sendable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    /// One alignment per column; columns past the end are left-aligned.
    public var alignments: [Alignment]
    /// Between columns.
    public var separator: String

    public init(alignments: [Alignment] = [], separator: String = "  ") {
        self.alignments = alignments
        self.separator = separator
    }

    /// One line per row, each ending with a newline. Widths count terminal columns (CJK double), so styling must
    /// come after padding:
    /// `style` gets each padded cell with its column index. A left-aligned last column is not padded.
    public func render(_ rows: [[String]], style: (Int, String) -> String = { $1 }) -> String {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], DisplayWidth.of(cell))
            }
        }
        var out = ""
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                let isRight = column < alignments.count && alignments[column] == .right
                let isLast = column == row.count - 1
                let padded = isRight ? padding + cell : (isLast ? cell : cell + padding)
                return style(column, padded)
            }
            out += cells.joined(separator: separator) + "\n"
        }
        return out
    }
}
