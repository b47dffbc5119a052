/// Reads typed values out of a parsed config file, turning every mistake into an error that names the key path
/// and the file's `path:line:col`.
struct ConfigReader {
    let document: JSONDocument
    let file: String

    /// Parses `bytes`; invalid JSON, invalid UTF-8 and repeated keys are errors at their position.
    init(bytes: [UInt8], file: String) throws(SFTLintError) {
        self.file = file
        let result = JSONParser().parse(bytes[...])
        guard let document = result.document else {
            let error = result.error ?? JSONSyntaxError(message: "not JSON", offset: 0)
            throw Self.error(in: file, bytes: bytes[...], offset: error.offset, "invalid JSON: \(error.message)")
        }
        self.document = document
        for issue in result.issues {
            switch issue {
            case .invalidUTF8(let offset, _), .unpairedSurrogate(let offset, _):
                throw Self.error(in: file, bytes: bytes[...], offset: offset, "invalid UTF-8 in a string")
            case .duplicateKey(let key, let node, _):
                throw error(at: node, "", "key '\(key)' repeats; one of its values would be lost")
            }
        }
    }

    // MARK: - Errors

    private static func error(
        in file: String, bytes: ArraySlice<UInt8>, offset: Int, _ message: String
    ) -> SFTLintError {
        let position = TextPosition.advance(line: 1, column: 1, over: bytes.prefix(max(0, offset)))
        return SFTLintError("\(file):\(position.line):\(position.column): \(message)")
    }

    /// `file:line:col: keyPath: message`, at the node's first byte.
    func error(at node: Int, _ keyPath: String, _ message: String) -> SFTLintError {
        Self.error(
            in: file, bytes: document.bytes, offset: document.offset(node),
            keyPath.isEmpty ? message : "\(keyPath): \(message)")
    }

    /// What a node holds, for messages: `got a number`.
    func described(_ node: Int) -> String {
        switch document.kind(node) {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    // MARK: - Containers

    /// An object's members other than `"//"` notes, after checking that every key is one of `allowed`.
    func members(
        of node: Int, _ keyPath: String, allowed: [String]
    ) throws(SFTLintError) -> [(key: String, value: Int)] {
        guard document.kind(node) == .object else {
            throw error(at: node, keyPath, "expected an object, got \(described(node))")
        }
        var members: [(key: String, value: Int)] = []
        for member in document.members(of: node) {
            let key = document.string(member.key)
            if key == "//" { continue }
            guard allowed.contains(key) else {
                let hint = FieldNames.suggestion(for: key, among: Set(allowed)).map { "; did you mean '\($0)'?" } ?? ""
                throw error(at: member.key, Self.path(keyPath, key), "unknown key\(hint)")
            }
            members.append((key, member.value))
        }
        return members
    }

    /// An array's elements with their key paths (`paths[1]`).
    func elements(
        of node: Int, _ keyPath: String, expected: String
    ) throws(SFTLintError) -> [(node: Int, path: String)] {
        guard document.kind(node) == .array else {
            throw error(at: node, keyPath, "expected \(expected), got \(described(node))")
        }
        return document.elements(of: node).enumerated().map { ($1, "\(keyPath)[\($0)]") }
    }

    static func path(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    // MARK: - Scalars

    /// Whether the node is `null`, which leaves an optional key at its default.
    func isNull(_ node: Int) -> Bool { document.kind(node) == .null }

    func string(_ node: Int, _ keyPath: String, allowEmpty: Bool = false) throws(SFTLintError) -> String {
        guard document.kind(node) == .string else {
            throw error(at: node, keyPath, "expected a string, got \(described(node))")
        }
        let text = document.string(node)
        guard allowEmpty || !text.isEmpty else { throw error(at: node, keyPath, "expected a non-empty string") }
        return text
    }

    func strings(_ node: Int, _ keyPath: String) throws(SFTLintError) -> [String] {
        var strings: [String] = []
        for element in try elements(of: node, keyPath, expected: "an array of strings") {
            strings.append(try string(element.node, element.path))
        }
        return strings
    }

    /// One of `choices`, with the choices listed when it isn't.
    func choice(_ node: Int, _ keyPath: String, _ choices: [String]) throws(SFTLintError) -> String {
        let text = try string(node, keyPath, allowEmpty: true)
        guard choices.contains(text) else {
            throw error(at: node, keyPath, "expected one of \(choices.joined(separator: ", ")), got '\(text)'")
        }
        return text
    }

    func number(
        _ node: Int, _ keyPath: String, expects: String, isValid: (Double) -> Bool
    ) throws(SFTLintError) -> Double {
        guard document.kind(node) == .number, let value = Double(rawText(node)), isValid(value) else {
            throw error(at: node, keyPath, "expected \(expects), got \(shown(node))")
        }
        return value
    }

    func integer(_ node: Int, _ keyPath: String, expects: String, isValid: (Int) -> Bool) throws(SFTLintError) -> Int {
        guard document.kind(node) == .number, let value = Int(rawText(node)), isValid(value) else {
            throw error(at: node, keyPath, "expected \(expects), got \(shown(node))")
        }
        return value
    }

    private func rawText(_ node: Int) -> String {
        let start = document.bytes.startIndex + document.offset(node)
        let end = document.bytes.startIndex + Int(document.nodes[node].end)
        return String(decoding: document.bytes[start..<end], as: UTF8.self)
    }

    /// A number as written, anything else by kind.
    private func shown(_ node: Int) -> String {
        document.kind(node) == .number ? rawText(node) : described(node)
    }
}
