/// The control tokens of chat templates, found in text in one pass.
///
/// E003 flags them inside content, E001 needs them to tell whether a pre-templated text ends with an
/// end-of-sequence token and whether an end token mid-text starts a new turn, and E002 strips them before
/// judging how a response ends. A class, so that a check holding it copies one reference per sample, not its
/// tables.
final class SpecialTokens: Sendable {
    /// The chat templates a token belongs to, to tell a pre-templated text's own tokens from foreign ones.
    struct Family: OptionSet, Sendable, Hashable {
        let rawValue: Int
        static let chatML = Family(rawValue: 1 << 0)
        /// Llama 2 and Mistral (`[INST]`, `<s>`, `</s>`).
        static let llama2 = Family(rawValue: 1 << 1)
        static let llama3 = Family(rawValue: 1 << 2)
        static let gemma = Family(rawValue: 1 << 3)
        /// Phi-3 and Zephyr (`<|user|>`, `<|end|>`).
        static let phi = Family(rawValue: 1 << 4)
        static let deepSeek = Family(rawValue: 1 << 5)
        static let gpt2 = Family(rawValue: 1 << 6)
        /// OpenAI's harmony format (`<|start|>`, `<|message|>`, `<|return|>`).
        static let harmony = Family(rawValue: 1 << 7)
    }

    /// What a token does in its template.
    struct Kind: Sendable, Hashable {
        var family: Family
        /// Ends a sequence or a turn: a pre-templated text may end with it.
        var isEnd = false
    }

    /// A token found in a text.
    struct Match: Sendable {
        /// UTF-8 offsets of the token in the text.
        var range: Range<Int>
        /// Its family, empty for a token only recognised by its shape (`<|anything|>`) or added by the user.
        var kind: Kind
    }

    /// Tokens of the common templates: `(token, families, ends a sequence or turn)`.
    static let known: [(String, Family, Bool)] = [
        ("<|endoftext|>", [.gpt2, .chatML, .phi], true),
        ("<|im_start|>", .chatML, false),
        ("<|im_end|>", .chatML, true),
        ("<|im_sep|>", .phi, false),
        ("<s>", [.llama2, .phi], false),
        ("</s>", [.llama2, .phi], true),
        ("[INST]", .llama2, false),
        ("[/INST]", .llama2, false),
        ("<<SYS>>", .llama2, false),
        ("<</SYS>>", .llama2, false),
        ("[SYSTEM_PROMPT]", .llama2, false),
        ("[/SYSTEM_PROMPT]", .llama2, false),
        ("[AVAILABLE_TOOLS]", .llama2, false),
        ("[/AVAILABLE_TOOLS]", .llama2, false),
        ("[TOOL_CALLS]", .llama2, false),
        ("[TOOL_RESULTS]", .llama2, false),
        ("[/TOOL_RESULTS]", .llama2, false),
        ("<|begin_of_text|>", .llama3, false),
        ("<|end_of_text|>", .llama3, true),
        ("<|start_header_id|>", .llama3, false),
        ("<|end_header_id|>", .llama3, false),
        ("<|eot_id|>", .llama3, true),
        ("<|eom_id|>", .llama3, true),
        ("<|python_tag|>", .llama3, false),
        ("<bos>", .gemma, false),
        ("<eos>", .gemma, true),
        ("<start_of_turn>", .gemma, false),
        ("<end_of_turn>", .gemma, true),
        ("<|system|>", .phi, false),
        ("<|user|>", .phi, false),
        ("<|assistant|>", .phi, false),
        ("<|end|>", [.phi, .harmony], true),
        ("<｜begin▁of▁sentence｜>", .deepSeek, false),
        ("<｜end▁of▁sentence｜>", .deepSeek, true),
        ("<｜User｜>", .deepSeek, false),
        ("<｜Assistant｜>", .deepSeek, false),
        ("<|start|>", .harmony, false),
        ("<|message|>", .harmony, false),
        ("<|channel|>", .harmony, false),
        ("<|return|>", .harmony, true),
        ("<|call|>", .harmony, true),
    ]

    /// The end token a template's texts end with, for messages.
    static func endToken(of family: Family) -> String? {
        let order: [(Family, String)] = [
            (.chatML, "<|im_end|>"), (.llama3, "<|eot_id|>"), (.gemma, "<end_of_turn>"),
            (.deepSeek, "<｜end▁of▁sentence｜>"),
            (.harmony, "<|return|>"), (.llama2, "</s>"), (.phi, "<|end|>"), (.gpt2, "<|endoftext|>"),
        ]
        return order.first { family.contains($0.0) }?.1
    }

    private let phrases: PhraseSet
    private let kinds: [Kind]
    /// Where a token may be: the anchors of the listed tokens, and `<` for tokens known by their shape.
    private let scan: ByteSet
    /// The marks a turn must have to hold a token (nil: search every turn).
    let required: TextMarks?

    /// The common tokens and `extra` ones (`--special-token`).
    init(extra: [String] = []) {
        let listed = Self.known.map { ($0.0, Kind(family: $0.1, isEnd: $0.2)) }
        let added = extra.filter { token in !listed.contains { $0.0 == token } }.map { ($0, Kind(family: [])) }
        phrases = PhraseSet((listed + added).map(\.0))
        kinds = (listed + added).map(\.1)
        scan = phrases.anchors.union(ByteSet([UInt8(ascii: "<")]))
        required = TextMarks.required(by: phrases.phrases).map { $0.union(.angle) }
    }

    /// Calls `body` with each token in `bytes`, in order, until it returns false. Tokens don't overlap.
    func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Bool) {
        var resume = 0
        scan.forEachOffset(in: bytes) { offset in
            guard offset >= resume, let match = self.match(anchoredAt: offset, in: bytes) else { return true }
            resume = match.range.upperBound
            return body(match)
        }
    }

    /// The first token in `bytes`.
    func firstMatch(in bytes: UnsafeBufferPointer<UInt8>) -> Match? {
        var found: Match?
        forEachMatch(in: bytes) { match in
            found = match
            return false
        }
        return found
    }

    /// The token starting at `start`, if one does.
    func token(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Match? {
        guard start < bytes.count, scan.contains(bytes[start]) else { return nil }
        guard let match = match(anchoredAt: start, in: bytes), match.range.lowerBound == start else { return nil }
        return match
    }

    /// The token ending at `end` (a listed one, or one of the shape `<|…|>`), if one does.
    func token(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Match? {
        guard end > 0, bytes[end - 1] == UInt8(ascii: ">") || bytes[end - 1] == UInt8(ascii: "]") else { return nil }
        var start = end - 1
        while start > 0, end - start < Self.maximumShapeLength {
            start -= 1
            if bytes[start] == UInt8(ascii: "<") || bytes[start] == UInt8(ascii: "[") {
                if let match = token(startingAt: start, in: bytes), match.range.upperBound == end { return match }
            }
        }
        return nil
    }

    /// The longest listed token anchored at `offset`, else a token of the shape `<|name|>` or `<｜name｜>` there.
    private func match(anchoredAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Match? {
        var best: Match?
        phrases.forEachMatch(anchoredAt: offset, in: bytes) { index, range in
            if best.map({ range.count > $0.range.count }) ?? true { best = Match(range: range, kind: kinds[index]) }
        }
        if best == nil, bytes[offset] == UInt8(ascii: "<"), let end = Self.shapeEnd(at: offset, in: bytes) {
            best = Match(range: offset..<end, kind: Kind(family: []))
        }
        return best
    }

    static let maximumShapeLength = 64
    private static let fullWidthBar: [UInt8] = Array("｜".utf8)

    /// The end of a token shaped `<|name|>` (name of letters, digits, `_`, `.`, `-`) or `<｜name｜>` (DeepSeek's
    /// full-width bars) at `start`. `<|>` and `<| x |>` (Haskell and Elm operators) are not tokens.
    static func shapeEnd(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let bar = UInt8(ascii: "|")
        let limit = min(bytes.count, start + maximumShapeLength)
        if start + 1 < limit, bytes[start + 1] == bar {
            var i = start + 2
            while i < limit, isNameByte(bytes[i]) { i += 1 }
            guard i > start + 2, i + 1 < limit, bytes[i] == bar, bytes[i + 1] == UInt8(ascii: ">") else { return nil }
            return i + 2
        }
        guard PhraseSet.bytes(bytes, at: start + 1, equal: fullWidthBar) else { return nil }
        var i = start + 1 + fullWidthBar.count
        let nameStart = i
        while i < limit {
            if PhraseSet.bytes(bytes, at: i, equal: fullWidthBar) {
                let close = i + fullWidthBar.count
                guard i > nameStart, close < bytes.count, bytes[close] == UInt8(ascii: ">") else { return nil }
                return close + 1
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte < 0x20 {
                return nil
            }
            i += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            true
        default: false
        }
    }
}
