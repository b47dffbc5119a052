/// Escaping and tables for GitHub-flavoured Markdown.
enum MarkdownText {
    /// Data text as literal Markdown inline text, safe inside a table cell.
    ///
    /// - `\`, `` ` ``, `*`, `_`, `[`, `]`, `~` and `|` get a backslash, so nothing becomes code, emphasis, a link,
    ///   strikethrough or a new cell (GFM reads `\|` as a pipe even inside code).
    /// - `<`, `>` and `&` become entities, so no HTML tag or entity gets through.
    /// - `@` is followed by a word joiner (U+2060, invisible), so a user name in the data mentions nobody.
    /// - A line break becomes `<br>`, the only line break a table cell can hold; other control characters go.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "~", "|":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "@": out += "@\u{2060}"
            case "\n": out += "<br>"
            case "\t": out += " "
            case _ where DisplayWidth.isControl(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Data text as a code span, for paths and locations: literal inside, with `|` as `\|` (GFM splits table cells
    /// before it reads code spans). Text with a backtick or a control character is escaped as prose instead, since
    /// no fence length is worth the risk.
    static func code(_ text: String) -> String {
        let isPlain =
            !text.isEmpty
            && !text.unicodeScalars.contains {
                $0 == "`" || DisplayWidth.isControl($0)
            }
        guard isPlain else { return escape(text) }
        return "`" + text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") + "`"
    }

    /// A histogram as block characters; an empty bin is a figure space, which HTML doesn't collapse.
    static func sparkline(_ distribution: StatsView.Distribution) -> String {
        String(Sparkline.render(distribution.histogram.map(\.count)).map { $0 == " " ? "\u{2007}" : $0 })
    }

    /// A table with a header row; `rightAligned` columns (numbers) are aligned right. Cells must be escaped.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard !rows.isEmpty else { return "" }
        let rule = header.indices.map { rightAligned.contains($0) ? "--:" : "---" }
        return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |\n" }.joined()
    }
}
