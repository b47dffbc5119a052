/// What `sftlint init` learns from a directory's data before writing a starter config: the formats of the
/// first records of each file, and the end-of-sequence token most responses end with, if any.
public struct StarterConfig: Sendable {
    /// End tokens of the common chat templates, tried at the end of each response.
    static let endTokens = [
        "<|im_end|>", "<|eot_id|>", "<end_of_turn>", "<｜end▁of▁sentence｜>", "<|return|>", "</s>", "<|end|>",
        "<|endoftext|>", "<eos>",
    ]
    /// Bytes read from the start of each file: enough for hundreds of records, bounded whatever the file's size.
    static let sampleBytes = 1 << 20
    /// Files read at most; a directory of thousands of shards is judged on its first ones.
    static let maxFiles = 32

    /// Data files found, and how many were sampled.
    public var files: [String] = []
    /// Records per detected format, over the sampled records.
    public var formats: [SampleFormat: Int] = [:]
    /// Responses (or pre-templated texts) sampled.
    public var responses = 0
    /// Of those, how many end with each end token.
    public var endings: [String: Int] = [:]

    /// Samples the data files under `directory` (a walk, as `sftlint check` does it).
    public init(directory: String) throws(SFTLintError) {
        files = try InputResolver.expand(directory)
        let builder = SampleBuilder()
        for (index, path) in files.prefix(Self.maxFiles).enumerated() {
            let file = InputFile(path: path, index: index)
            var framer = RecordFramer(file: file, reader: try ByteReader(path: path), chunkSize: Self.sampleBytes)
            guard let batch = try framer.nextBatch() else { continue }
            for frame in batch.frames {
                let sample = builder.sample(from: frame, in: batch)
                guard let format = sample.format else { continue }
                formats[format, default: 0] += 1
                observeEnding(of: sample)
            }
        }
    }

    private mutating func observeEnding(of sample: Sample) {
        let last = sample.format == .text ? sample.turns.last : sample.turns.last { $0.role == .assistant }
        guard let text = last?.text else { return }
        responses += 1
        let trimmed = text.trimmingTrailingWhitespace
        if let token = Self.endTokens.first(where: { trimmed.hasSuffix($0) }) { endings[token, default: 0] += 1 }
    }

    /// The end token at least half the sampled responses end with, nil when none does.
    public var eos: String? {
        guard let (token, count) = endings.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
            count * 2 >= responses, responses > 0
        else { return nil }
        return token
    }

    /// The starter config file: the common keys at their defaults, `eos` when guessed, and `"//"` notes that
    /// say what was found and what each key does.
    public var json: JSONValue {
        let formatList = formats.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        var notes = [
            "Written by 'sftlint init'. Keys are those of 'sftlint check'; flags override them. See the README's "
                + "Configuration section.",
            "Data found: \(files.count) file\(files.count == 1 ? "" : "s"); formats of the first records: "
                + (formatList.isEmpty ? "none recognised" : formatList) + ".",
        ]
        if let eos {
            notes.append("eos: \(endings[eos] ?? 0) of \(responses) sampled responses end with \(eos).")
        } else {
            notes.append("eos: no common end token ends most responses; set it to check every response ends with one.")
        }
        notes += [
            "select, ignore: rule codes (S005), prefixes (S) or names (role-order); see 'sftlint rules'.",
            "severity: a rule's severity, such as {\"C003\": \"warning\"}.",
            "fail-on: error, warning, info or never. fail-under: the lowest passing score, 0-100.",
            "against: eval data that training prompts must not repeat (D004), relative to this file.",
            "overrides: [{\"paths\": [\"eval/**\"], \"ignore\": [\"D\"]}] changes rules for some files.",
            "rules: regex rules, such as {\"code\": \"X001\", \"name\": \"no-internal-urls\", "
                + "\"pattern\": \"https?://intra\\\\.\", \"in\": \"response\", \"severity\": \"error\", "
                + "\"message\": \"internal URL leaked\"}.",
        ]
        return .object([
            "//": .array(notes.map(JSONValue.string)),
            "select": .array([]),
            "ignore": .array([]),
            "severity": .object([:]),
            "fail-on": .string("error"),
            "fail-under": .null,
            "eos": eos.map(JSONValue.string) ?? .null,
            "against": .array([]),
            "overrides": .array([]),
            "rules": .array([]),
        ])
    }
}

extension String {
    /// The text without trailing whitespace and newlines.
    fileprivate var trimmingTrailingWhitespace: Substring {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return self[...last]
    }
}
