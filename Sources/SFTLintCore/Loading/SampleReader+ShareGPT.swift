extension SampleReader {
    /// ShareGPT: `conversations: [{from, value}]`, with optional `system` and `tools`.
    mutating func readShareGPT() {
        let root = Self.root
        appendSystemField()
        noteToolsOfWrongKind()
        guard let conversations = required("conversations", of: root, pointer: ""),
            let list = expect(.array, conversations, pointer: "/conversations", expected: "a list of turns")
        else { return }
        for (i, element) in document.elements(of: list).enumerated() {
            readShareGPTTurn(element, index: i)
        }
    }

    private mutating func readShareGPTTurn(_ element: Int, index: Int) {
        let pointer = JSONPointer.appending("/conversations", index)
        guard let turn = expect(.object, element, pointer: pointer, expected: "a {from, value} turn") else { return }
        noteUnknownFields(of: turn, pointer: pointer, known: FieldNames.sharegptTurn, synonyms: nil)
        // Some exports write OpenAI's role/content inside conversations; read them rather than report every turn.
        let usesRoleKeys = document.member(of: turn, named: "from") == nil && document.member(of: turn, named: "role") != nil
        let tagKey = usesRoleKeys ? "role" : "from"
        let textKey = usesRoleKeys ? "content" : "value"
        let tagPointer = JSONPointer.appending(pointer, tagKey)
        guard let tagNode = required(tagKey, of: turn, pointer: pointer),
            let tagString = expect(.string, tagNode, pointer: tagPointer)
        else { return }
        let tag = document.string(tagString)
        let known = RoleTags.sharegpt[tag]
        if known == nil {
            defects.append(
                .unknownRole(
                    tag: tag, pointer: tagPointer, offset: document.offset(tagString),
                    suggestion: RoleTags.suggestion(for: tag, among: RoleTags.sharegpt.keys)))
        }
        guard let value = requiredString(textKey, of: turn, pointer: pointer, mustHaveText: false) else { return }
        let valuePointer = JSONPointer.appending(pointer, textKey)
        if document.isBlank(value) {
            defects.append(.emptyTurn(turn: index, tag: tag, pointer: valuePointer, offset: document.offset(value)))
        }
        appendTurn(
            role: known?.role, tag: tag, string: value, stringPointer: valuePointer, pointer: pointer,
            offset: document.offset(element), isListItem: true, isToolCall: known?.isToolCall ?? false)
    }
}
