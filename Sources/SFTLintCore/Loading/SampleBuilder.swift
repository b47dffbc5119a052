/// Turns a framed record into a `Sample`: parses it, detects its format, normalises its turns, and notes every
/// structural defect on the way for the J and S rules to report.
struct SampleBuilder: Sendable {
    /// Every record is read as this format when set (`--input-format`).
    var forcedFormat: SampleFormat?
    var parser = JSONParser()

    func sample(from frame: Frame, in batch: Batch) -> Sample {
        if let problem = frame.problem {
            let source = RecordSource(
                file: batch.file, index: frame.index, line: frame.line, column: frame.column, bytes: [], document: nil)
            return Sample(
                record: source, format: nil, turns: [], defects: [.invalidJSON(message: problem, offset: 0)],
                fields: [])
        }
        let bytes = batch.bytes[frame.range]
        let result = parser.parse(bytes)
        guard let document = result.document else {
            let source = RecordSource(
                file: batch.file, index: frame.index, line: frame.line, column: frame.column, bytes: bytes,
                document: nil)
            let error = result.error ?? JSONSyntaxError(message: "invalid JSON", offset: 0)
            let cut = frame.isCutByEndOfInput ? "the file ends inside this record (cut off?): " : ""
            let defect: Defect =
                error.isInvalidUTF8
                ? .invalidUTF8(message: "invalid UTF-8: \(error.message)", offset: error.offset, pointer: "")
                : .invalidJSON(message: "invalid JSON: \(cut)\(error.message)", offset: error.offset)
            return Sample(record: source, format: nil, turns: [], defects: [defect], fields: [])
        }
        let source = RecordSource(
            file: batch.file, index: frame.index, line: frame.line, column: frame.column, bytes: bytes,
            document: document)
        var reader = SampleReader(document: document, source: source)
        reader.note(result.issues)
        reader.read(forcedFormat: forcedFormat)
        return Sample(
            record: source, format: reader.format, turns: reader.turns, defects: reader.defects, fields: reader.fields)
    }
}

/// The work of normalising one parsed record; extensions read each format.
struct SampleReader {
    let document: JSONDocument
    let source: RecordSource
    var format: SampleFormat?
    var turns: [Turn] = []
    var defects: [Defect] = []
    var fields: [FieldShape] = []
    /// Whether a string of the record holds invalid UTF-8, which decoding repairs: a turn's text then can't be
    /// laid out from the raw bytes' lengths.
    var hasInvalidUTF8 = false

    static let root = JSONDocument.root

    init(document: JSONDocument, source: RecordSource) {
        self.document = document
        self.source = source
    }

    /// Records the parser's recoverable issues as defects.
    mutating func note(_ issues: [JSONIssue]) {
        for issue in issues {
            switch issue {
            case .invalidUTF8(let offset, let byte):
                hasInvalidUTF8 = true
                let pointer = document.pointer(to: document.node(containing: offset))
                let hex = String(byte, radix: 16, uppercase: true)
                defects.append(
                    .invalidUTF8(message: "invalid UTF-8 byte 0x\(hex) in string", offset: offset, pointer: pointer))
            case .unpairedSurrogate(let offset, let unit):
                let pointer = document.pointer(to: document.node(containing: offset))
                let hex = String(unit, radix: 16, uppercase: true)
                defects.append(
                    .invalidUTF8(
                        message: "unpaired surrogate \\u\(hex) in string: UTF-8 can't encode it", offset: offset,
                        pointer: pointer))
            case .duplicateKey(let key, let node, let firstNode):
                defects.append(
                    .duplicateKey(
                        key: key, offset: document.offset(node), firstOffset: document.offset(firstNode),
                        pointer: document.pointer(to: node + 1)))
            }
        }
    }

    /// Detects the format (unless forced) and reads the record as that format.
    mutating func read(forcedFormat: SampleFormat?) {
        let root = Self.root
        guard document.kind(root) == .object else {
            defects.append(.notAnObject(found: document.kind(root)))
            return
        }
        fields.reserveCapacity(document.count(root))
        for (key, value) in document.members(of: root) {
            let name = document.string(key)
            fields.append(FieldShape(name: name, kind: document.kind(value), offset: document.offset(key)))
        }
        guard let format = forcedFormat ?? Self.detect(fields) else {
            defects.append(.unknownFormat(keys: fields.map(\.name)))
            return
        }
        self.format = format
        // The top-level names were decoded for `fields` just above; they are checked from there.
        let known = FieldNames.of(format)
        for field in fields where !FieldNames.listed[format.index].contains(field.name) {
            noteIfUnknown(
                field.name, offset: field.offset, pointer: "", known: known, synonyms: FieldNames.synonyms[format])
        }
        switch format {
        case .alpaca: readAlpaca()
        case .sharegpt: readShareGPT()
        case .openai: readOpenAI()
        case .text: readText()
        case .promptCompletion: readPromptCompletion()
        }
    }

    /// The format whose identifying field the record has, or whose field it misspells.
    static func detect(_ fields: [FieldShape]) -> SampleFormat? {
        for signature in FieldNames.signatures where fields.contains(where: { $0.name == signature.field }) {
            return signature.format
        }
        let signatureFields = Set(FieldNames.signatures.map(\.field))
        for key in fields.map(\.name) where !FieldNames.metadata.contains(key) {
            if let meant = FieldNames.suggestion(for: key, among: signatureFields),
                let signature = FieldNames.signatures.first(where: { $0.field == meant })
            {
                return signature.format
            }
        }
        return nil
    }

    // MARK: - Shared readers

    /// Notes members of `object` that neither the format nor common metadata define.
    mutating func noteUnknownFields(of object: Int, pointer: String, known: Set<String>, synonyms: [String: String]?) {
        for (key, _) in document.members(of: object) {
            noteIfUnknown(
                document.string(key), offset: document.offset(key), pointer: pointer, known: known, synonyms: synonyms)
        }
    }

    /// Notes the member named `name`, whose key is at `offset`, unless the format or common metadata define it.
    /// The synonyms are an autoclosure: looking them up for every record cost a hash of the format each time.
    private mutating func noteIfUnknown(
        _ name: String, offset: Int, pointer: String, known: Set<String>, synonyms: @autoclosure () -> [String: String]?
    ) {
        guard !known.contains(name), !FieldNames.metadata.contains(name) else { return }
        defects.append(
            .unknownField(
                name: name, pointer: JSONPointer.appending(pointer, name), offset: offset,
                suggestion: FieldNames.suggestion(for: name, among: known, synonyms: synonyms() ?? [:])))
    }

    /// The node of a required member, noting it as missing when absent.
    mutating func required(_ key: String, of object: Int, pointer: String) -> Int? {
        guard let node = document.member(of: object, named: key) else {
            defects.append(
                .missingField(
                    field: key, pointer: JSONPointer.appending(pointer, key), offset: document.offset(object)))
            return nil
        }
        return node
    }

    /// `node` if it has `kind`; otherwise notes the wrong type and returns nil. The pointer is built only then.
    mutating func expect(
        _ kind: JSONKind, _ node: Int, pointer: @autoclosure () -> String, expected: String? = nil
    ) -> Int? {
        guard document.kind(node) == kind else {
            defects.append(
                .wrongType(
                    pointer: pointer(), expected: expected ?? kind.phrase, found: document.kind(node),
                    offset: document.offset(node)))
            return nil
        }
        return node
    }

    /// A required string member: noted as missing, mistyped or (when `mustHaveText`) empty.
    mutating func requiredString(_ key: String, of object: Int, pointer: String, mustHaveText: Bool = true) -> Int? {
        // The field's pointer is built only for a defect: most records have none.
        guard let node = required(key, of: object, pointer: pointer),
            let string = expect(.string, node, pointer: JSONPointer.appending(pointer, key))
        else { return nil }
        if mustHaveText, document.isBlank(string) {
            defects.append(.emptyField(pointer: JSONPointer.appending(pointer, key), offset: document.offset(string)))
        }
        return string
    }

    /// An optional string member; nil when absent or null, noted when of another kind.
    mutating func optionalString(_ key: String, of object: Int, pointer: String) -> Int? {
        guard let node = document.member(of: object, named: key), document.kind(node) != .null else { return nil }
        return expect(.string, node, pointer: JSONPointer.appending(pointer, key))
    }

    /// A turn whose text is one string node.
    mutating func appendTurn(
        role: Role?, tag: String, string node: Int, stringPointer: String, pointer: String, offset: Int,
        isListItem: Bool, isToolCall: Bool = false
    ) {
        let text = document.string(node)
        let segments = [TextSegment(textOffset: 0, length: text.utf8.count, node: node, pointer: stringPointer)]
        turns.append(
            Turn(
                role: role, tag: tag, text: text, segments: segments, pointer: pointer, isListItem: isListItem,
                isToolCall: isToolCall, offset: offset, source: source))
    }

    /// A turn whose text is one or more string nodes, joined with newlines.
    mutating func appendTurn(
        role: Role?, tag: String, strings: [(node: Int, pointer: String)], pointer: String, offset: Int,
        isListItem: Bool, isToolCall: Bool = false
    ) {
        var segments: [TextSegment] = []
        segments.reserveCapacity(strings.count)
        let text: String
        if let joined = joinedText(of: strings, segments: &segments) {
            text = joined
        } else {
            var built = ""
            for (node, segmentPointer) in strings {
                if !built.isEmpty || !segments.isEmpty { built += "\n" }
                let piece = document.string(node)
                segments.append(
                    TextSegment(
                        textOffset: built.utf8.count, length: piece.utf8.count, node: node, pointer: segmentPointer))
                built += piece
            }
            text = built
        }
        turns.append(
            Turn(
                role: role, tag: tag, text: text, segments: segments, pointer: pointer, isListItem: isListItem,
                isToolCall: isToolCall, offset: offset, source: source))
    }

    /// The strings joined with newlines, written into one buffer (rather than a string per piece, copied again
    /// at each `+=`), with their segments; nil when invalid UTF-8 makes decoding change lengths, or for no strings.
    private func joinedText(of strings: [(node: Int, pointer: String)], segments: inout [TextSegment]) -> String? {
        guard !hasInvalidUTF8, !strings.isEmpty else { return nil }
        // Escaped strings are decoded first; the others are copied from the record's bytes as they are.
        let decoded = strings.map { string in
            document.nodes[string.node].hasEscapes ? document.withDecoder(string.node) { $0.decodedUTF8() } : nil
        }
        var length = 0
        for (index, string) in strings.enumerated() {
            if index > 0 { length += 1 }
            let count = decoded[index]?.count ?? document.rawBody(of: document.nodes[string.node]).count
            segments.append(TextSegment(textOffset: length, length: count, node: string.node, pointer: string.pointer))
            length += count
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            for index in strings.indices {
                if index > 0 {
                    buffer[written] = UInt8(ascii: "\n")
                    written += 1
                }
                let node = document.nodes[strings[index].node]
                let piece = decoded[index].map { ArraySlice($0) } ?? document.rawBody(of: node)
                piece.withUnsafeBufferPointer { source in
                    if let from = source.baseAddress, let base = buffer.baseAddress {
                        (base + written).initialize(from: from, count: source.count)
                    }
                }
                written += piece.count
            }
            return written
        }
    }

    /// Notes a top-level `tools` that is neither a JSON string (LLaMA-Factory's ShareGPT) nor a list (OpenAI).
    mutating func noteToolsOfWrongKind() {
        guard let tools = document.member(of: Self.root, named: "tools") else { return }
        let kind = document.kind(tools)
        guard kind != .null, kind != .string, kind != .array else { return }
        defects.append(
            .wrongType(
                pointer: "/tools", expected: "a list of tools or a JSON string of one", found: kind,
                offset: document.offset(tools)))
    }

    /// A system turn from an optional top-level `system` string, when it has text.
    mutating func appendSystemField() {
        guard let system = optionalString("system", of: Self.root, pointer: ""), !document.isBlank(system) else {
            return
        }
        appendTurn(
            role: .system, tag: "system", string: system, stringPointer: "/system", pointer: "/system",
            offset: document.offset(system), isListItem: false)
    }
}
