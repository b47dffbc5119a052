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

    /// Bytes of a template shown in the message.
    static let excerptBytes = 120

    struct State: Mergeable {
        var numbers = HeavyHitters { DominantTemplateCheck.excerpt($0, from: .numbers) }
        var openings = HeavyHitters { DominantTemplateCheck.excerpt($0, from: .opening) }
        var endings = HeavyHitters { DominantTemplateCheck.excerpt($0, from: .ending) }
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
        let responseIndex = SampleProfile.responseIndex(of: sample)
        // Taken out of the state while in use, so that the tables can be updated while it is read.
        var masked: [UInt8] = []
        swap(&masked, &state.scratch)
        defer { swap(&masked, &state.scratch) }
        // Masking never lengthens a text: room for every prompt turn and a space after each is enough.
        var room = 0
        for index in 0..<responseIndex where sample.turns[index].role != .system {
            room += sample.turns[index].text.utf8.count + 1
        }
        if masked.count < room { masked = [UInt8](repeating: 0, count: Swift.max(room, 2 * masked.count)) }
        let length = masked.withUnsafeMutableBufferPointer { out -> Int in
            guard let base = out.baseAddress else { return 0 }
            var length = 0
            for index in 0..<responseIndex where sample.turns[index].role != .system {
                if length > 0 {
                    base[length] = 0x20
                    length += 1
                }
                length += sample.turns[index].text.withUTF8Buffer { Self.mask($0, into: base + length) }
            }
            return length
        }
        guard length > 0 else { return }
        state.prompts += 1
        masked.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[..<length])
            // A template's text is kept from one byte more than its excerpt shows, which tells whether it was cut.
            state.numbers.add(
                Hash64.hash(UnsafeRawBufferPointer(bytes)), at: ref, in: sample.record.file,
                text: UnsafeBufferPointer(rebasing: bytes.prefix(Self.excerptBytes + 1)))
            guard length > Self.edgeMinimumLength else { return }
            let head = UnsafeBufferPointer(rebasing: bytes[..<Self.edgeBytes])
            state.openings.add(Hash64.hash(UnsafeRawBufferPointer(head)), at: ref, in: sample.record.file, text: head)
            let tail = UnsafeBufferPointer(rebasing: bytes[(length - Self.edgeBytes)...])
            state.endings.add(Hash64.hash(UnsafeRawBufferPointer(tail)), at: ref, in: sample.record.file, text: tail)
        }
    }

    /// Writes `text` to `out` lowercased (ASCII), with runs of whitespace as one space and runs of digits (and
    /// `#`) as one `#`; returns the bytes written, never more than `text.count`.
    ///
    /// Eight bytes at a time while they hold no digit, `#`, control character or two spaces in a row, as most
    /// of any prose does: then masking is only lowercasing, done on the eight at once. Others go byte by byte.
    static func mask(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return 0 }
        let count = text.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows = ~highs
        var i = 0
        var k = 0
        var previous: UInt8 = 0
        while i < count {
            if i + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                // Per byte, in its high bit: whether it is ASCII, then ranges of its low 7 bits (no carries).
                let ascii = ~word & highs
                let low = word & lows
                let upper = (low &+ 0x3F &* ones) & ~(low &+ 0x25 &* ones) & ascii  // A...Z
                let digit = (low &+ 0x50 &* ones) & ~(low &+ 0x46 &* ones) & ascii  // 0...9
                // Below `$`: tabs, line breaks and `#` among them (and `!`, `"`, which go the slow way).
                let low24 = ~(low &+ 0x5C &* ones) & ascii
                let spaces = word ^ (0x20 &* ones)
                let space = ~(((spaces & lows) &+ lows) | spaces) & highs
                if digit | (low24 & ~space) | (space & space << 8) == 0 && !(previous == 0x20 && word & 0xFF == 0x20) {
                    let lowered = word | upper >> 2
                    UnsafeMutableRawPointer(out + k).storeBytes(of: lowered.littleEndian, as: UInt64.self)
                    previous = UInt8(truncatingIfNeeded: lowered >> 56)
                    i += 8
                    k += 8
                    continue
                }
            }
            for byte in UnsafeBufferPointer(rebasing: text[i..<Swift.min(i + 8, count)]) {
                let mapped: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): mapped = UInt8(ascii: "#")
                case 0x20, 0x09, 0x0A, 0x0D: mapped = 0x20
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): mapped = byte | 0x20
                default: mapped = byte
                }
                if (mapped == UInt8(ascii: "#") || mapped == 0x20) && mapped == previous { continue }
                out[k] = mapped
                k += 1
                previous = mapped
            }
            i = Swift.min(i + 8, count)
        }
        return k
    }

    /// A template's text for the message, cut on character boundaries and marked where the slot is: `bytes` are
    /// the template's (up to `excerptBytes` + 1 of a whole prompt).
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, from kind: Kind) -> String {
        // At most 120 bytes, cut on character boundaries at both ends.
        var slice = kind == .ending ? bytes.suffix(excerptBytes) : bytes.prefix(excerptBytes)
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
        // The largest template by count first: its text is made only when it is reported.
        var largest: (kind: Kind, count: Int)?
        for kind in Kind.allCases {
            let count = state.templates(kind).largestCount
            if count > largest?.count ?? 0 { largest = (kind, count) }
        }
        guard let largest, Double(largest.count) > Self.threshold * Double(state.prompts),
            let top = state.templates(largest.kind).top(1).first
        else { return }
        let best = (kind: largest.kind, entry: top)
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
