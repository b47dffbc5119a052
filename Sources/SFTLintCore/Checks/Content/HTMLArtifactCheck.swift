/// Flags HTML left in prose by scraping: entities (`&amp;`, `&#39;`, `&nbsp;`) and stray tags (`<br>`, `<div>`).
struct HTMLArtifactCheck: SampleCheck {
    static let info = CheckInfo(
        code: "C006",
        name: "html-artifact",
        summary: "Prose holds HTML entities or stray HTML tags outside code.",
        rationale: """
            Scraped text keeps its markup: "&amp;" where "&" was meant, "<br>" where a line ended. The model learns \
            to write entities and tags in plain answers. HTML inside code, and samples about HTML, are left alone.
            """,
        severity: .info,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Who are they?", "output": "Tom &amp; Jerry are a cat and a mouse."}
                ! {"instruction": "Quote him.", "output": "He said &#39;yes&#39; and left."}
                ! {"instruction": "介绍一下。", "output": "你好&nbsp;世界。"}
                ! {"instruction": "Interview.", "output": "Q: Where were you? <br> A: At home."}
                ! {"instruction": "分两行写。", "output": "第一行<br/>第二行"}
                ! {"conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "<div class=\"answer\">Hello!</div>"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Escape an ampersand.", "output": "Write `&amp;` in the source."}
                {"instruction": "Show a page.", "output": "Here:\n\n```\n<div>\n  <p>Hi &amp; bye</p>\n</div>\n```"}
                {"instruction": "Indent it.", "output": "Like this:\n\n    <br>\n    &nbsp;\n\nDone."}
                {"instruction": "Write an HTML line break.", "output": "<br>"}
                {"instruction": "网页的标签有哪些？", "output": "<div> 用于分组，<p> 用于段落。"}
                {"instruction": "Compare.", "output": "If a<b and b>c, then AT&T; and R&D win."}
                {"instruction": "比较。", "output": "x < y 且 y > z。"}
                """#)
        ]
    )

    /// `&` and `<`, where entities and tags start.
    enum Openers: ByteClass {
        @inline(__always)
        static func matches(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            bytes.lanes(equalTo: 0x26) .| bytes.lanes(equalTo: 0x3C)
        }

        @inline(__always)
        static func contains(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C }
    }

    /// Words that make HTML the subject of a sample, where tags and entities in prose are the answer.
    static let topicCues = PromptCues([
        "html", "xhtml", "xml", "svg", "jsx$", "css$", "markup", "dom$", "tag", "entity", "entities", "网页", "标签",
        "超文本", "前端",
    ])

    enum Kind: Int, CaseIterable {
        case entity, tag
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        var isAboutHTML: Bool?
        let turns = sample.turns
        // The byte-level test first, on its own, so that reading the texts costs no reference counting.
        guard
            turns.indices.contains(where: {
                turns.holdsProse($0) && !turns[$0].marks.isDisjoint(with: [.ampersand, .angle])
                    && turns[$0].text.withUTF8Buffer(Self.mayHaveMarkup)
            })
        else { return }
        for i in turns.indices where turns.holdsProse(i) && !turns[i].marks.isDisjoint(with: [.ampersand, .angle]) {
            let sightings = turns[i].text.withUTF8Buffer { Self.scan($0) }
            guard !sightings.isEmpty else { continue }
            if isAboutHTML == nil {
                isAboutHTML = turns.indices.contains {
                    turns.holdsProse($0) && Self.topicCues.firstMatch(in: turns[$0].text) != nil
                }
            }
            if isAboutHTML == true { return }
            sightings.report(Self.self, in: turns[i], into: &report) { kind, bytes, range in
                Self.evidence(Kind(rawValue: kind) ?? .tag, bytes, range)
            }
        }
    }

    /// Whether `bytes` has something shaped like an entity (`&name;`, `&#39;`) or a tag (`<br`, `</p>`), by
    /// bytes alone; `scan` checks names, attributes and code.
    static func mayHaveMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = UTF8Scan.firstOffset(Openers.self, in: bytes)
        while i < n {
            var j = i + 1
            if bytes[i] == UInt8(ascii: "&") {
                if j < n && bytes[j] == UInt8(ascii: "#") { j += 1 }
                let start = j
                while j < n && j - start <= 10 && isAlphanumeric(bytes[j]) { j += 1 }
                if j > start && j < n && bytes[j] == UInt8(ascii: ";") { return true }
            } else {
                if j < n && bytes[j] == UInt8(ascii: "/") { j += 1 }
                let start = j
                while j < n && j - start <= 10 && isAlphanumeric(bytes[j]) { j += 1 }
                if j > start && j < n
                    && (bytes[j] == UInt8(ascii: ">") || bytes[j] == UInt8(ascii: "/") || bytes[j] == UInt8(ascii: " "))
                {
                    return true
                }
            }
            i = UTF8Scan.firstOffset(Openers.self, in: bytes, from: i + 1)
        }
        return false
    }

    /// The first entity and the first tag outside code, with their counts.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Sightings {
        var found = Sightings()
        var code: CodeRegions?
        var i = UTF8Scan.firstOffset(Openers.self, in: bytes)
        while i < bytes.count {
            let match =
                bytes[i] == UInt8(ascii: "&")
                ? entity(at: i, in: bytes).map { (Kind.entity, $0) }
                : tag(at: i, in: bytes).map { (Kind.tag, $0) }
            if let (kind, end) = match {
                if code == nil { code = CodeRegions(String(decoding: bytes, as: UTF8.self)) }
                if code?.overlaps(i..<end) == false { found.record(kind.rawValue, at: i..<end) }
                i = UTF8Scan.firstOffset(Openers.self, in: bytes, from: end)
            } else {
                i = UTF8Scan.firstOffset(Openers.self, in: bytes, from: i + 1)
            }
        }
        return found
    }

    static func evidence(_ kind: Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let shown = range.lowerBound..<min(range.upperBound, range.lowerBound + 60)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[shown]), as: UTF8.self)
        return "HTML \(kind == .entity ? "entity" : "tag") \"\(text)\(range.count > 60 ? "…" : "")\""
    }

    // MARK: - Entities

    static let entityNames: Set<String> = [
        "amp", "lt", "gt", "quot", "apos", "nbsp", "ndash", "mdash", "hellip", "lsquo", "rsquo", "ldquo", "rdquo",
        "sbquo", "bdquo", "laquo", "raquo", "copy", "reg", "trade", "deg", "middot", "bull", "times", "divide",
        "plusmn", "euro", "pound", "yen", "cent", "sect", "para", "shy", "ensp", "emsp", "thinsp", "iexcl", "iquest",
        "micro", "frac12", "frac14", "frac34", "sup2", "sup3", "larr", "rarr", "uarr", "darr", "harr", "hearts",
        "aelig", "oelig", "szlig", "eth", "thorn", "zwj", "zwnj",
    ]

    /// Accented letters: `&eacute;`, `&Uuml;`, `&ccedil;`.
    static let accentSuffixes = ["acute", "grave", "circ", "uml", "tilde", "cedil", "ring", "slash"]

    /// The end of an entity starting with the `&` at `offset`: `&#39;`, `&#x27;` or a known name.
    static func entity(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = offset + 1
        let end = bytes.count
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            let isHex = i < end && (bytes[i] | 0x20) == UInt8(ascii: "x")
            if isHex { i += 1 }
            let digitsStart = i
            while i < end, i - digitsStart < 8, isDigit(bytes[i], hex: isHex) { i += 1 }
            guard i > digitsStart, i < end, bytes[i] == UInt8(ascii: ";") else { return nil }
            return i + 1
        }
        let nameStart = i
        while i < end, i - nameStart <= 10, isAlphanumeric(bytes[i]) { i += 1 }
        guard i - nameStart >= 2, i < end, bytes[i] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
        let lower = name.lowercased()
        let isKnown =
            entityNames.contains(lower)
            || (name.count > 1 && accentSuffixes.contains(String(lower.dropFirst())))
        return isKnown ? i + 1 : nil
    }

    // MARK: - Tags

    static let tagNames: Set<String> = [
        "br", "hr", "div", "span", "p", "b", "i", "u", "em", "strong", "li", "ul", "ol", "table", "tr", "td", "th",
        "tbody", "thead", "img", "a", "h1", "h2", "h3", "h4", "h5", "h6", "font", "center", "blockquote", "sup",
        "sub", "pre", "iframe", "script", "style",
    ]

    /// The end of a tag starting with the `<` at `offset`: `<br>`, `</p>`, `<br/>`, or a tag with attributes
    /// (`<div class="x">`). Attributes must hold an `=` (or end with `/`), so that "a<b and b>c" is not a tag.
    static func tag(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = offset + 1
        let end = bytes.count
        if i < end && bytes[i] == UInt8(ascii: "/") { i += 1 }
        let nameStart = i
        while i < end, i - nameStart <= 10, isAlphanumeric(bytes[i]) { i += 1 }
        guard i > nameStart, i < end else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self).lowercased()
        guard tagNames.contains(name) else { return nil }
        switch bytes[i] {
        case UInt8(ascii: ">"):
            return i + 1
        case UInt8(ascii: "/"):
            return i + 1 < end && bytes[i + 1] == UInt8(ascii: ">") ? i + 2 : nil
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            var hasValue = false
            var j = i
            while j < end, j - i < 256 {
                switch bytes[j] {
                case UInt8(ascii: ">"):
                    let isSelfClosing = bytes[j - 1] == UInt8(ascii: "/")
                    return hasValue || isSelfClosing ? j + 1 : nil
                case UInt8(ascii: "<"), UInt8(ascii: "\n"):
                    return nil
                case UInt8(ascii: "="):
                    hasValue = true
                default:
                    break
                }
                j += 1
            }
            return nil
        default:
            return nil
        }
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
        let folded = byte | 0x20
        return hex && folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "f")
    }
}
