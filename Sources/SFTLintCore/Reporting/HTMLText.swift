/// Escaping for HTML text and attribute values.
enum HTMLText {
    /// `text` as HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'` become entities, and control
    /// characters other than line breaks and tabs are dropped (HTML can't show them, and `\0` is a parse error).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where DisplayWidth.isControl(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number for an SVG coordinate: one decimal, the same bytes on every machine.
    static func coordinate(_ value: Double) -> String {
        NumberFormatting.fixed(value, places: 1) ?? "0"
    }
}
