extension SampleReader {
    /// Alpaca: `instruction` (+ `input`) is the prompt, `output` the response; `history` holds earlier pairs.
    mutating func readAlpaca() {
        let root = Self.root
        // Two turns, or one; grown once here rather than twice by the appends.
        turns.reserveCapacity(2)
        appendSystemField()
        readHistory()
        let instruction = requiredString("instruction", of: root, pointer: "")
        let input = optionalString("input", of: root, pointer: "")
        let output = requiredString("output", of: root, pointer: "")
        // LLaMA-Factory joins instruction and input with a newline; so does the user turn here.
        let usedInput = input.flatMap { document.isBlank($0) ? nil : $0 }
        if let instruction, let usedInput {
            appendTurn(
                role: .user, tag: "instruction", strings: [(instruction, "/instruction"), (usedInput, "/input")],
                pointer: "/instruction", offset: document.offset(instruction), isListItem: false)
        } else if let (node, pointer) = instruction.map({ ($0, "/instruction") }) ?? usedInput.map({ ($0, "/input") }) {
            appendTurn(
                role: .user, tag: "instruction", string: node, stringPointer: pointer, pointer: pointer,
                offset: document.offset(node), isListItem: false)
        }
        if let output {
            appendTurn(
                role: .assistant, tag: "output", string: output, stringPointer: "/output", pointer: "/output",
                offset: document.offset(output), isListItem: false)
        }
    }

    /// `history: [[prompt, response], …]`, the turns before the instruction.
    private mutating func readHistory() {
        guard let history = document.member(of: Self.root, named: "history"), document.kind(history) != .null,
            let list = expect(.array, history, pointer: "/history", expected: "a list of [prompt, response] pairs")
        else { return }
        for (i, pair) in document.elements(of: list).enumerated() {
            let pointer = JSONPointer.appending("/history", i)
            guard document.kind(pair) == .array, document.count(pair) == 2 else {
                defects.append(
                    .wrongType(
                        pointer: pointer, expected: "a [prompt, response] pair", found: document.kind(pair),
                        offset: document.offset(pair)))
                continue
            }
            for (j, (text, role)) in zip(document.elements(of: pair), [Role.user, .assistant]).enumerated() {
                let textPointer = JSONPointer.appending(pointer, j)
                guard let string = expect(.string, text, pointer: textPointer) else { continue }
                if document.isBlank(string) {
                    defects.append(
                        .emptyTurn(
                            turn: i, tag: role.rawValue, pointer: textPointer, offset: document.offset(string)))
                }
                appendTurn(
                    role: role, tag: role.rawValue, string: string, stringPointer: textPointer, pointer: textPointer,
                    offset: document.offset(string), isListItem: true)
            }
        }
    }
}
