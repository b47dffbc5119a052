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
        var keys: [String] = []
        for (key, value) in document.members(of: root) {
            let name = document.string(key)
            keys.append(name)
            fields.append(FieldShape(name: name, kind: document.kind(value), offset: document.offset(key)))
        }
        guard let format = forcedFormat ?? Self.detect(keys) else {
            defects.append(.unknownFormat(keys: keys))
            return
        }
        self.format = format
        noteUnknownFields(of: root, pointer: "", known: FieldNames.of(format), synonyms: FieldNames.synonyms[format])
        switch format {
        case .alpaca: readAlpaca()
        case .sharegpt: readShareGPT()
        case .openai: readOpenAI()
        case .text: readText()
        case .promptCompletion: readPromptCompletion()
        }
    }

    /// The format whose identifying field the record has, or whose field it misspells.
    static func detect(_ keys: [String]) -> SampleFormat? {
        for signature in FieldNames.signatures where keys.contains(signature.field) {
            return signature.format
        }
        let signatureFields = Set(FieldNames.signatures.map(\.field))
        for key in keys where !FieldNames.metadata.contains(key) {
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
            let name = document.string(key)
            guard !known.contains(name), !FieldNames.metadata.contains(name) else { continue }
            defects.append(
                .unknownField(
                    name: name, pointer: JSONPointer.appending(pointer, name), offset: document.offset(key),
                    suggestion: FieldNames.suggestion(for: name, among: known, synonyms: synonyms ?? [:])))
        }
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

    /// `node` if it has `kind`; otherwise notes the wrong type and returns nil.
    mutating func expect(_ kind: JSONKind, _ node: Int, pointer: String, expected: String? = nil) -> Int? {
        guard document.kind(node) == kind else {
            defects.append(
                .wrongType(
                    pointer: pointer, expected: expected ?? kind.phrase, found: document.kind(node),
                    offset: document.offset(node)))
            return nil
        }
        return node
    }

    /// A required string member: noted as missing, mistyped or (when `mustHaveText`) empty.
    mutating func requiredString(_ key: String, of object: Int, pointer: String, mustHaveText: Bool = true) -> Int? {
        let fieldPointer = JSONPointer.appending(pointer, key)
        guard let node = required(key, of: object, pointer: pointer),
            let string = expect(.string, node, pointer: fieldPointer)
        else { return nil }
        if mustHaveText, document.isBlank(string) {
            defects.append(.emptyField(pointer: fieldPointer, offset: document.offset(string)))
        }
        return string
    }

    /// An optional string member; nil when absent or null, noted when of another kind.
    mutating func optionalString(_ key: String, of object: Int, pointer: String) -> Int? {
        guard let node = document.member(of: object, named: key), document.kind(node) != .null else { return nil }
        return expect(.string, node, pointer: JSONPointer.appending(pointer, key))
    }

    /// A turn whose text is one or more string nodes, joined with newlines.
    mutating func appendTurn(
        role: Role?, tag: String, strings: [(node: Int, pointer: String)], pointer: String, offset: Int,
        isListItem: Bool, isToolCall: Bool = false
    ) {
        var text = ""
        var segments: [TextSegment] = []
        for (node, segmentPointer) in strings {
            if !text.isEmpty || !segments.isEmpty { text += "\n" }
            let piece = document.string(node)
            segments.append(
                TextSegment(textOffset: text.utf8.count, length: piece.utf8.count, node: node, pointer: segmentPointer))
            text += piece
        }
        turns.append(
            Turn(
                role: role, tag: tag, text: text, segments: segments, pointer: pointer, isListItem: isListItem,
                isToolCall: isToolCall, offset: offset, source: source))
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
            role: .system, tag: "system", strings: [(system, "/system")], pointer: "/system",
            offset: document.offset(system), isListItem: false)
    }
}
