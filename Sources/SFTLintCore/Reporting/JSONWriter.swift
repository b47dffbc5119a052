/// Writes JSON deterministically: keys sorted by their UTF-8 bytes, two-space indentation, one member or element
/// per line, empty containers as `{}` and `[]`.
///
/// Strings escape only what JSON requires: `"`, `\`, and control characters (`\n`, `\r`, `\t`, `\b`, `\f`, others
/// as `\u00XX`). `/` and non-ASCII text are written as they are.
public struct JSONWriter: Sendable {
    public init() {}

    /// The value as pretty-printed JSON, without a final newline.
    public func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, depth: 0, into: &out)
        return out
    }

    private func write(_ value: JSONValue, depth: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let number): out += String(number)
        case .decimal(let number, let places): out += NumberFormatting.fixed(number, places: places) ?? "null"
        case .string(let text): JSONWriter.writeString(text, into: &out)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", depth: depth, into: &out) { element, out in
                write(element, depth: depth + 1, into: &out)
            }
        case .object(let members):
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            writeContainer(sorted, open: "{", close: "}", depth: depth, into: &out) { member, out in
                JSONWriter.writeString(member.key, into: &out)
                out += ": "
                write(member.value, depth: depth + 1, into: &out)
            }
        }
    }

    private func writeContainer<Items: Collection>(
        _ items: Items, open: String, close: String, depth: Int, into out: inout String,
        item: (Items.Element, inout String) -> Void
    ) {
        guard !items.isEmpty else {
            out += open + close
            return
        }
        let inner = String(repeating: "  ", count: depth + 1)
        out += open
        for (index, element) in items.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += inner
            item(element, &out)
        }
        out += "\n" + String(repeating: "  ", count: depth) + close
    }

    /// `\u001b`: a scalar of the Basic Multilingual Plane as a JSON-style escape, four lowercase hex digits.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Appends `text` as a JSON string literal.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}": out += unicodeEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
