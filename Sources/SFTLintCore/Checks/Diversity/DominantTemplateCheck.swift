/// Flags a dataset where one prompt template (the same text with one slot varied) makes up a large share of
/// the prompts.
struct DominantTemplateCheck: DatasetCheck {
    static let info = CheckInfo(
        code: "V003",
        name: "dominant-template",
        summary: "More than 20% of prompts share one template: the same text with one slot varied.",
        rationale: """
            When a fifth of the prompts are one template with a slot filled in ("What is 12 + 7?", a long tool \
            description followed by a short question), the model learns that template rather than the task, and \
            the rest of the data counts for less. Prompts (every non-system turn before the response) are compared \
            after lowercasing, collapsing spaces and replacing every number by "#"; two prompts share a template \
            when they are then equal (the slot is the numbers), or, for prompts over 48 bytes, when they share \
            their first 32 bytes (a fixed opening, then the slot) or their last 32 (the slot, then a fixed \
            ending). Reported once, for the largest template, at its first prompt, for datasets of 10 prompts \
            or more.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "What is 12 plus 7?", "output": "19"}
                {"instruction": "What is 3 plus 5?", "output": "8"}
                {"instruction": "What is 40 plus 2?", "output": "42"}
                {"instruction": "Name a primary colour.", "output": "Blue."}
                {"instruction": "Name a planet.", "output": "Mars."}
                {"instruction": "说一种动物。", "output": "大象。"}
                {"instruction": "说一种水果。", "output": "苹果。"}
                {"instruction": "说一个国家。", "output": "中国。"}
                {"instruction": "Name a river.", "output": "The Nile."}
                {"instruction": "Name a mountain.", "output": "Everest."}
                """#),
            Example(
                #"""
                ! {"instruction": "你是一个旅行助手，请根据用户的问题给出简短的建议。问题：", "input": "去北京玩几天合适？", "output": "三到五天。"}
                {"instruction": "你是一个旅行助手，请根据用户的问题给出简短的建议。问题：", "input": "上海有什么好吃的？", "output": "小笼包。"}
                {"instruction": "你是一个旅行助手，请根据用户的问题给出简短的建议。问题：", "input": "冬天去哪里看雪？", "output": "哈尔滨。"}
                {"instruction": "Name a primary colour.", "output": "Blue."}
                {"instruction": "Name a planet.", "output": "Mars."}
                {"instruction": "说一种动物。", "output": "大象。"}
                {"instruction": "说一种水果。", "output": "苹果。"}
                {"instruction": "说一个国家。", "output": "中国。"}
                {"instruction": "Name a river.", "output": "The Nile."}
                {"instruction": "Name a mountain.", "output": "Everest."}
                """#),
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "What is 12 plus 7?", "output": "19"}
                {"instruction": "What is 3 plus 5?", "output": "8"}
                {"instruction": "Name a primary colour.", "output": "Blue."}
                {"instruction": "Name a planet.", "output": "Mars."}
                {"instruction": "说一种动物。", "output": "大象。"}
                {"instruction": "说一种水果。", "output": "苹果。"}
                {"instruction": "说一个国家。", "output": "中国。"}
                {"instruction": "Name a river.", "output": "The Nile."}
                {"instruction": "Name a mountain.", "output": "Everest."}
                {"instruction": "Name a lake.", "output": "Lake Baikal."}
                {"instruction": "Name a desert.", "output": "The Sahara."}
                """#),
            Example(
                #"""
                {"instruction": "What is 12 plus 7?", "output": "19"}
                {"instruction": "What is 3 plus 5?", "output": "8"}
                {"instruction": "What is 40 plus 2?", "output": "42"}
                """#),
        ]
    )

    /// A template shared by more than this share of prompts is reported.
    static let threshold = 0.20
    /// Datasets with fewer prompts are not judged.
    static let minimumPrompts = 10
    /// Bytes of a fixed opening or ending, and the prompt length above which they are compared.
    static let edgeBytes = 32
    static let edgeMinimumLength = 48

    /// The three ways prompts can share a template.
    enum Kind: Int, CaseIterable {
        case numbers
        case opening
        case ending
    }

    struct State: Mergeable {
        var numbers = HeavyHitters()
        var openings = HeavyHitters()
        var endings = HeavyHitters()
        var prompts = 0
        /// The masked prompt being read, kept to reuse its storage.
        var scratch: [UInt8] = []

        mutating func merge(_ later: State) {
            numbers.merge(later.numbers)
            openings.merge(later.openings)
            endings.merge(later.endings)
            prompts += later.prompts
        }

        func templates(_ kind: Kind) -> HeavyHitters {
            switch kind {
            case .numbers: numbers
            case .opening: openings
            case .ending: endings
            }
        }
    }

    func observe(_ sample: Sample, into state: inout State) {
        guard sample.format != nil, let ref = RecordRef(sample) else { return }
        let profile = SampleProfile.of(sample)
        // Taken out of the state while in use, so that clearing it doesn't copy it.
        var masked: [UInt8] = []
        swap(&masked, &state.scratch)
        masked.removeAll(keepingCapacity: true)
        defer { swap(&masked, &state.scratch) }
        for index in 0..<profile.responseIndex where sample.turns[index].role != .system {
            if !masked.isEmpty { masked.append(0x20) }
            sample.turns[index].text.withUTF8Buffer { Self.appendMasked($0, to: &masked) }
        }
        guard !masked.isEmpty else { return }
        state.prompts += 1
        masked.withUnsafeBufferPointer { bytes in
            let whole = UnsafeRawBufferPointer(bytes)
            state.numbers.add(Hash64.hash(whole), at: ref, in: sample.record.file) {
                Self.excerpt(bytes[...], from: .numbers)
            }
            guard bytes.count > Self.edgeMinimumLength else { return }
            let head = UnsafeRawBufferPointer(rebasing: whole[..<Self.edgeBytes])
            state.openings.add(Hash64.hash(head), at: ref, in: sample.record.file) {
                Self.excerpt(bytes[..<Self.edgeBytes], from: .opening)
            }
            let tail = UnsafeRawBufferPointer(rebasing: whole[(bytes.count - Self.edgeBytes)...])
            state.endings.add(Hash64.hash(tail), at: ref, in: sample.record.file) {
                Self.excerpt(bytes[(bytes.count - Self.edgeBytes)...], from: .ending)
            }
        }
    }

    /// Appends `text` lowercased (ASCII), with runs of whitespace as one space and runs of digits as `#`.
    ///
    /// Masking never lengthens a text, so the bytes are written through a pointer into room made for all of them,
    /// then the rest is cut: an `append` a byte costs a capacity and uniqueness check each, on every prompt.
    static func appendMasked(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: text.count))
        let end = out.withUnsafeMutableBufferPointer { buffer -> Int in
            var k = start
            var previous: UInt8 = 0
            for byte in text {
                let mapped: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): mapped = UInt8(ascii: "#")
                case 0x20, 0x09, 0x0A, 0x0D: mapped = 0x20
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): mapped = byte | 0x20
                default: mapped = byte
                }
                if (mapped == UInt8(ascii: "#") || mapped == 0x20) && mapped == previous { continue }
                buffer[k] = mapped
                k += 1
                previous = mapped
            }
            return k
        }
        out.removeLast(out.count - end)
    }

    /// A template's text for the message, cut on character boundaries and marked where the slot is.
    static func excerpt(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, from kind: Kind) -> String {
        // At most 120 bytes, cut on character boundaries at both ends.
        var slice = kind == .ending ? bytes.suffix(120) : bytes.prefix(120)
        while let first = slice.first, first & 0xC0 == 0x80 { slice = slice.dropFirst() }
        if slice.endIndex < bytes.endIndex || kind != .numbers {
            while let last = slice.last, last >= 0x80 {
                let lead = slice.lastIndex { $0 & 0xC0 != 0x80 } ?? slice.startIndex
                let length = slice[lead] >= 0xF0 ? 4 : slice[lead] >= 0xE0 ? 3 : 2
                if slice.endIndex - lead == length { break }
                slice = slice[..<lead]
            }
        }
        let text = String(decoding: slice, as: UTF8.self)
        switch kind {
        case .numbers: return slice.count < bytes.count ? text + "…" : text
        case .opening: return text + "…"
        case .ending: return "…" + text
        }
    }

    func conclude(_ state: State, report: inout Findings) {
        guard state.prompts >= Self.minimumPrompts else { return }
        var best: (kind: Kind, entry: HeavyHitters.Entry)?
        for kind in Kind.allCases {
            guard let top = state.templates(kind).top(1).first else { continue }
            if top.count > best?.entry.count ?? 0 { best = (kind, top) }
        }
        guard let best, Double(best.entry.count) > Self.threshold * Double(state.prompts) else { return }
        let percent = Int((100 * Double(best.entry.count) / Double(state.prompts)).rounded())
        let how: String
        switch best.kind {
        case .numbers: how = "are the same but for their numbers"
        case .opening: how = "open with the same text"
        case .ending: how = "end with the same text"
        }
        report.add(
            Self.self, at: best.entry.example.location(in: state.templates(best.kind).paths),
            "\(percent)% of prompts (\(best.entry.count) of \(state.prompts)) \(how): \"\(best.entry.text)\"",
            describesFile: true)
    }
}
