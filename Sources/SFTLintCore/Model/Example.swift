/// A JSONL snippet that shows when a rule fires.
///
/// Lines starting with `! ` must be flagged by the rule, and no other line may be. `\xHH` stands for the raw
/// byte `HH`, so that examples can hold invalid UTF-8. The example tests rerun every example as a JSON array,
/// with CRLF line endings and with emoji in text fields, unless `variants` says a variant cannot apply. An example
/// of a rule that depends on an option carries the `settings` it runs with.
public struct Example: Sendable, Hashable, CustomStringConvertible {
    /// Reruns of an example that must flag the same records.
    public struct Variants: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let jsonArray = Variants(rawValue: 1)
        public static let crlf = Variants(rawValue: 2)
        public static let emoji = Variants(rawValue: 4)
        public static let all: Variants = [.jsonArray, .crlf, .emoji]
    }

    /// The snippet as written in the check, markers included.
    public let text: String
    public let variants: Variants
    /// JSONL eval data the snippet is linted against (`--against`), for rules that compare with it.
    public let against: String?
    /// The rule options the example runs with, such as `--eos`.
    public let settings: RuleSettings

    public init(
        _ text: String, variants: Variants = .all, against: String? = nil, settings: RuleSettings = RuleSettings()
    ) {
        self.text = text
        self.variants = variants
        self.against = against
        self.settings = settings
    }

    public var description: String { text }

    /// The snippet's lines without markers, each with whether it must be flagged.
    public var lines: [(text: String, isFlagged: Bool)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("! ") ? (String(line.dropFirst(2)), true) : (String(line), false)
        }
    }

    /// The snippet as a JSONL document, `\xHH` escapes turned into raw bytes.
    public var bytes: [UInt8] {
        Example.rawBytes(lines.map(\.text).joined(separator: "\n") + "\n")
    }

    /// Turns `\xHH` sequences into the bytes they name; everything else is UTF-8.
    static func rawBytes(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"),
                let high = hexValue(utf8[i + 2]), let low = hexValue(utf8[i + 3])
            {
                out.append(high << 4 | low)
                i += 4
            } else {
                out.append(utf8[i])
                i += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
