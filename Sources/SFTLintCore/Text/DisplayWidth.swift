/// How many terminal columns text takes: CJK, full-width forms and emoji take two, combining marks and joiners
/// none, everything else one.
///
/// Terminals follow Unicode's East Asian Width property; the ranges below are its Wide and Fullwidth blocks that
/// matter for SFT data (Han, kana, hangul, CJK punctuation, full-width forms, emoji), not the whole table.
enum DisplayWidth {
    /// Columns `text` takes in a terminal.
    static func of<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Columns one scalar takes.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return isControl(scalar) ? 0 : 1 }
        if isZeroWidth(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// A C0 or C1 control character (`\n`, ESC, DEL, U+0085 …): no width, and nothing a report should print raw.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// `text` cut to at most `columns` columns, ending in `…` when cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard of(text) > columns else { return text }
        var out = ""
        var used = 0
        for character in text {
            let width = of(String(character))
            guard used + width <= columns - 1 else { break }
            out.append(character)
            used += width
        }
        return out + "…"
    }

    /// `text` padded with spaces to `columns` columns (never cut).
    static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, columns - of(text)))
        return right ? padding + text : text + padding
    }

    private static func isZeroWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0x300...0x36F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF,
            0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
