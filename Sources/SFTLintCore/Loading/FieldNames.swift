/// The field names each format defines, and the misspellings and synonyms users actually write.
enum FieldNames {
    /// Fields that carry metadata in many published datasets; no format defines them, none is a mistake.
    static let metadata: Set<String> = [
        "id", "idx", "index", "uuid", "source", "dataset", "category", "task", "tags", "lang", "language", "meta",
        "metadata", "url", "license",
        // LLaMA-Factory's multimodal columns.
        "images", "videos", "audios",
    ]

    static let alpaca: Set<String> = ["instruction", "input", "output", "system", "history"]
    static let sharegpt: Set<String> = ["conversations", "system", "tools"]
    static let openai: Set<String> = ["messages", "tools"]
    static let text: Set<String> = ["text"]
    static let promptCompletion: Set<String> = ["prompt", "completion"]

    /// A ShareGPT turn; some exports write `role`/`content` instead of `from`/`value`.
    static let sharegptTurn: Set<String> = ["from", "value", "role", "content", "weight", "loss_weight"]
    /// An OpenAI-style message; `loss_weight` is LLaMA-Factory's, `weight` axolotl's.
    static let openaiMessage: Set<String> = [
        "role", "content", "name", "tool_calls", "tool_call_id", "function_call", "loss_weight", "weight",
        "reasoning_content", "thinking", "refusal",
    ]

    /// The fields of a format's records.
    static func of(_ format: SampleFormat) -> Set<String> {
        switch format {
        case .alpaca: alpaca
        case .sharegpt: sharegpt
        case .openai: openai
        case .text: text
        case .promptCompletion: promptCompletion
        }
    }

    /// `of(_:)` as lists, indexed like `SampleFormat.allCases`: a record's top-level names are looked for in
    /// these by comparison, which for a handful of short names costs less than hashing each name.
    static let listed: [[String]] = SampleFormat.allCases.map { Array(of($0)) }

    /// Names other tools use for a format's fields (Dolly's `response`, `context`), by format.
    static let synonyms: [SampleFormat: [String: String]] = [
        .alpaca: ["response": "output", "answer": "output", "context": "input", "question": "instruction"],
        .promptCompletion: ["response": "completion", "answer": "completion", "question": "prompt"],
        .sharegpt: ["conversation": "conversations", "messages": "conversations"],
        .openai: ["conversations": "messages"],
    ]

    /// The field that identifies each format, in the order detection tries them.
    static let signatures: [(field: String, format: SampleFormat)] = [
        ("conversations", .sharegpt), ("messages", .openai), ("instruction", .alpaca), ("output", .alpaca),
        ("prompt", .promptCompletion), ("completion", .promptCompletion), ("text", .text),
    ]

    /// The known name `name` was probably meant to be: a case or spelling slip, or a synonym.
    static func suggestion(for name: String, among known: Set<String>, synonyms: [String: String] = [:]) -> String? {
        if let synonym = synonyms[name], known.contains(synonym) { return synonym }
        let lowered = name.lowercased()
        if let exact = known.first(where: { $0 == lowered }) { return exact }
        let limit = max(1, name.count / 4)
        let ranked = known.map { (name: $0, distance: EditDistance.between(lowered, $0)) }
            .filter { $0.distance <= limit }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
        return ranked.first?.name
    }
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

/// RFC 6901 JSON Pointer building.
enum JSONPointer {
    /// `parent` extended by a key, with `~` and `/` escaped.
    static func appending(_ parent: String, _ key: String) -> String {
        // Byte test, not String.contains: Foundation would route that through NSString on every field.
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return parent + "/" + key
        }
        return parent + "/" + key.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    static func appending(_ parent: String, _ index: Int) -> String { parent + "/" + String(index) }

    /// `conversations[3].value` for `/conversations/3/value`: how messages name a field.
    static func display(_ pointer: String) -> String {
        var out = ""
        for component in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let name = component.replacing("~1", with: "/").replacing("~0", with: "~")
            if !name.isEmpty, name.allSatisfy(\.isASCIIDigitCharacter) {
                out += "[\(name)]"
            } else if name == "*" {
                out += "[]"  // any element, as unknown-field's generalised pointers write it
            } else {
                out += out.isEmpty ? name : ".\(name)"
            }
        }
        return out
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
