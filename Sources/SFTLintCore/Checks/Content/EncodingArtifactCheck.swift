/// Flags text damaged in decoding or carrying invisible characters: U+FFFD, mojibake, control characters,
/// zero-width and bidi controls.
struct EncodingArtifactCheck: SampleCheck {
    static let info = CheckInfo(
        code: "C004",
        name: "encoding-artifact",
        summary: "Text holds U+FFFD, mojibake, a control character, or a zero-width or bidi control character.",
        rationale: """
            Each is a trace of a broken pipeline: U+FFFD replaced bytes a decoder could not read, "Ã©" and "â€™" \
            are UTF-8 read as Windows-1252, control and invisible characters come from scraping and copy-paste. \
            The tokenizer turns them into rare tokens the model then learns to emit, and zero-width characters \
            split words into tokens it never sees elsewhere.
            """,
        severity: .warning,
        triggering: [
            Example(
                #"""
                ! {"instruction": "Name a French dessert.", "output": "CrÃ¨me brÃ»lÃ©e is a custard with a caramelised top."}
                ! {"instruction": "Quote it.", "output": "She said: â€œIt’s done.â€\u009d"}
                ! {"instruction": "翻译：Yes", "output": "æ˜¯"}
                ! {"instruction": "Temperature?", "output": "It is 20Â°C today."}
                ! {"instruction": "你好", "output": "你好\ufffd！"}
                ! {"instruction": "Ring.", "output": "Ding\u0007 dong"}
                ! {"instruction": "Next line.", "output": "One\u0085two"}
                ! {"instruction": "Hello", "output": "Hel\u200blo there."}
                ! {"instruction": "文件名？", "output": "report\u202Efdp.exe"}
                ! {"conversations": [{"from": "human", "value": "\ufeffWhat is 2+2?"}, {"from": "gpt", "value": "4"}]}
                """#)
        ],
        nonTriggering: [
            Example(
                #"""
                {"instruction": "Translate to French.", "input": "Coffee with cream, already.", "output": "Café crème, déjà. À bientôt !"}
                {"instruction": "Übersetze: size", "output": "Größe. Die Straße ist 20 °C warm; Maße: 3×4 m²."}
                {"instruction": "Translate to Portuguese.", "output": "São Paulo: ação, NÃO, coração, ÂNGULO, à noite."}
                {"instruction": "Family emoji?", "output": "👨‍👩‍👧 and 🏳️‍🌈 and \ud83d\udc69\u200d\ud83d\udcbb"}
                {"instruction": "用波斯语说我想要", "output": "می\u200cخواهم"}
                {"instruction": "Hebrew with a number", "output": "שלום\u200f 123"}
                {"instruction": "写一首诗", "output": "床前明月光，\n疑是地上霜。\t举头望明月。\r\n"}
                """#)
        ]
    )

    /// Bytes where an artifact can start: C0 controls (tab, newline and carriage return are let go one by one),
    /// DEL, and the lead bytes of the scalars that matter, C2 to E2 (C1 controls, the mojibake leads Â…ô, U+061C,
    /// U+180E, zero-width and bidi controls, line separators) and EF (U+FEFF, U+FFFD). Plain ASCII and CJK text
    /// (leads E3…ED and continuation bytes) are skipped thirty-two bytes at a time.
    enum Suspects: ByteClass {
        @inline(__always)
        static func matches(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
            bytes.lanes(from: 0x00, span: 0x1F) .| bytes.lanes(equalTo: 0x7F) .| bytes.lanes(from: 0xC2, span: 0x20)
                .| bytes.lanes(equalTo: 0xEF)
        }

        @inline(__always)
        static func contains(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte == 0x7F || byte &- 0xC2 <= 0x20 || byte == 0xEF
        }
    }

    enum Kind: Int, CaseIterable {
        case replacement, mojibake, control, invisible
    }

    func inspect(_ sample: Sample, report: inout Findings) {
        let turns = sample.turns
        // The quick test first, on its own: it calls nothing the compiler can't see through, so reading the
        // texts costs no reference counting. Only texts it flags are scanned in full.
        guard turns.indices.contains(where: { Self.mayHold(turns[$0]) && turns[$0].text.withUTF8Buffer(Self.mayHaveArtifacts) })
        else { return }
        // Bytes that aren't UTF-8 decode as U+FFFD; invalid-utf8 reports them, at the byte.
        let isRepaired = sample.defects.contains { if case .invalidUTF8 = $0 { true } else { false } }
        for i in turns.indices where Self.mayHold(turns[i]) {
            var sightings = turns[i].text.withUTF8Buffer { Self.scan($0) }
            if isRepaired { sightings.forget(Kind.replacement.rawValue) }
            guard !sightings.isEmpty else { continue }
            sightings.report(Self.self, in: turns[i], into: &report) { kind, bytes, range in
                Self.describe(Kind(rawValue: kind) ?? .control, bytes, range)
            }
        }
    }

    // MARK: - Scanning

    /// Whether a turn's marks allow an artifact: every artifact is a control byte or non-ASCII, and most turns
    /// are ASCII without control bytes, so they are passed without being read again.
    @inline(__always)
    static func mayHold(_ turn: Turn) -> Bool {
        !turn.marks.isDisjoint(with: [.nonASCII, .control])
    }

    /// Whether `bytes` may hold an artifact: a control character, a C1 control, a lead of mojibake followed by a
    /// character mojibake continues with, or the bytes of U+FFFD, U+FEFF and the invisible characters. Byte
    /// comparisons only; `scan` decides.
    static func mayHaveArtifacts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = UTF8Scan.firstOffset(Suspects.self, in: bytes)
        while i < n {
            let byte = bytes[i]
            let b1 = i + 1 < n ? bytes[i + 1] : 0
            let b2 = i + 2 < n ? bytes[i + 2] : 0
            switch byte {
            case 0x09, 0x0A, 0x0D:
                break
            case ..<0x80:
                return true
            case 0xC2:
                if b1 < 0xA0 { return true }
            case 0xC3:
                // Â…ô, then a character Windows-1252 maps a continuation byte to: U+0080…U+00BF (C2 xx),
                // Œ œ Š š Ÿ Ž ž (C5 xx), ƒ (C6 92), ˆ ˜ (CB xx), € ‚ „ … † ‡ ‰ ‹ ‘ ’ “ ” • – — ™ › (E2 xx xx).
                if b1 >= 0x82 && b1 <= 0xB4 && (b2 == 0xC2 || b2 == 0xC5 || b2 == 0xC6 || b2 == 0xCB || b2 == 0xE2) {
                    return true
                }
            case 0xD8:
                if b1 == 0x9C { return true }
            case 0xE1:
                if b1 == 0xA0 && b2 == 0x8E { return true }
            case 0xE2:
                if b1 == 0x80 && ((b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xA8 && b2 <= 0xAE)) { return true }
                if b1 == 0x81 && b2 >= 0xA0 && b2 <= 0xA9 { return true }
            case 0xEF:
                if (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && b2 == 0xBD) { return true }
            default:
                break
            }
            i = UTF8Scan.firstOffset(Suspects.self, in: bytes, from: i + UTF8Scan.length(ofLead: byte))
        }
        return false
    }

    /// The first artifact of each kind, and their counts.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Sightings {
        var found = Sightings()
        let n = bytes.count
        var i = UTF8Scan.firstOffset(Suspects.self, in: bytes)
        while i < n {
            let byte = bytes[i]
            var next = i + UTF8Scan.length(ofLead: byte)
            switch byte {
            case 0x09, 0x0A, 0x0D:
                break
            case ..<0x80:
                found.record(Kind.control.rawValue, at: i..<next)
            case 0xC2:
                // U+0080…U+009F: C1 controls. Those inside mojibake are taken with the mojibake at its lead.
                if UTF8Scan.scalar(in: bytes, at: i).value < 0xA0 { found.record(Kind.control.rawValue, at: i..<next) }
            case 0xC3:
                let value = UTF8Scan.scalar(in: bytes, at: i).value
                if value >= 0xC2 && value <= 0xF4, let end = Mojibake.end(in: bytes, leadAt: i, lead: UInt8(value)) {
                    found.record(Kind.mojibake.rawValue, at: i..<end)
                    next = end
                }
            case 0xD8, 0xE1, 0xE2, 0xEF:
                let value = UTF8Scan.scalar(in: bytes, at: i).value
                if value == 0xFFFD {
                    found.record(Kind.replacement.rawValue, at: i..<next)
                } else if Invisible.name(of: value) != nil && !Invisible.isLegitimate(value, at: i, in: bytes) {
                    found.record(Kind.invisible.rawValue, at: i..<next)
                }
            default:
                break
            }
            i = UTF8Scan.firstOffset(Suspects.self, in: bytes, from: min(next, n))
        }
        return found
    }

    /// What a finding says about the artifact of `kind` at `range`.
    static func describe(_ kind: Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let value = UTF8Scan.scalar(in: bytes, at: range.lowerBound).value
        switch kind {
        case .replacement:
            return "replacement character U+FFFD: bytes were lost when the text was decoded"
        case .mojibake:
            return Mojibake.describe(bytes, range, lead: UInt8(truncatingIfNeeded: value))
        case .control:
            return "control character \(describe(value))"
        case .invisible:
            return "\(Invisible.name(of: value) ?? "invisible character") \(hex(value))"
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `U+0007 (BEL)`: the code point, with the name people know for the common ones.
    static func describe(_ value: UInt32) -> String {
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL",
        ]
        return names[value].map { "\(hex(value)) (\($0))" } ?? hex(value)
    }
}

// MARK: - Mojibake

/// UTF-8 read as Windows-1252 (or Latin-1): each byte of a multi-byte character became a character of its own,
/// a lead (`Ã`, `â`, `æ`, `ð`) followed by continuation characters (`©`, `€`, `™`, `˜`, `¯`).
enum Mojibake {
    /// The end of a sequence at `offset` whose characters, turned back into bytes, decode as one plausible UTF-8
    /// character. `lead` is the lead character's code point (U+00C2…U+00F4), which is also the byte it stood for.
    /// Accented letters of French or German text come through here, so it allocates nothing.
    static func end(in bytes: UnsafeBufferPointer<UInt8>, leadAt offset: Int, lead: UInt8) -> Int? {
        let original = originalBytes(in: bytes, leadAt: offset, lead: lead)
        if let decoded = decode(original), isPlausible(decoded, lead: lead) { return original.end }
        // "â€" is the start of every curly quote and dash in that state; it is mojibake even when the third
        // byte was lost or mapped to nothing.
        if lead == 0xE2, original.count >= 2, (original.packed >> 8) & 0xFF == 0x80 { return original.end }
        return nil
    }

    /// `mojibake "Ã©": UTF-8 for "é" read as Windows-1252`, for the sequence at `range`.
    static func describe(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lead: UInt8) -> String {
        let seen = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let decoded = decode(originalBytes(in: bytes, leadAt: range.lowerBound, lead: lead)) else {
            return "mojibake \"\(seen)\": UTF-8 for a quotation mark or dash read as Windows-1252"
        }
        return "mojibake \"\(seen)\": UTF-8 for \"\(Character(decoded))\" read as Windows-1252"
    }

    /// The bytes the characters at `offset` stood for, packed low byte first: the lead, then as many
    /// continuation characters as the lead announces (or fewer, where the text has none), and where they end.
    static func originalBytes(
        in bytes: UnsafeBufferPointer<UInt8>, leadAt offset: Int, lead: UInt8
    ) -> (packed: UInt32, count: Int, end: Int) {
        let needed = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
        var packed = UInt32(lead)
        var count = 1
        var j = offset + 2
        while count <= needed, j < bytes.count {
            let (value, length) = UTF8Scan.scalar(in: bytes, at: j)
            guard let byte = windows1252Byte(value), byte >= 0x80 && byte < 0xC0 else { break }
            packed |= UInt32(byte) << UInt32(8 * count)
            count += 1
            j += length
        }
        return (packed, count, j)
    }

    /// The scalar the packed bytes encode, if they are one complete, well-formed UTF-8 sequence.
    static func decode(_ original: (packed: UInt32, count: Int, end: Int)) -> Unicode.Scalar? {
        let b = original.packed
        let lead = b & 0xFF
        let needed = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard original.count == needed else { return nil }
        let c1 = (b >> 8) & 0x3F
        let c2 = (b >> 16) & 0x3F
        let c3 = (b >> 24) & 0x3F
        let value: UInt32
        switch needed {
        case 2: value = (lead & 0x1F) << 6 | c1
        case 3: value = (lead & 0x0F) << 12 | c1 << 6 | c2
        default: value = (lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
        }
        // Overlong forms and surrogates are not UTF-8.
        let minimum: UInt32 = needed == 2 ? 0x80 : needed == 3 ? 0x800 : 0x10000
        guard value >= minimum else { return nil }
        return Unicode.Scalar(value)
    }

    /// Legitimate text does put a capital like "Ä" or "Ð" before "»" or a non-breaking space; mojibake from those
    /// leads is only believed when it decodes to a letter of a script such text is in (Latin, Greek, Cyrillic).
    /// The leads "Â" and "Ã" (Latin-1 symbols and accented letters) and the longer sequences are believed as
    /// they are: real words never contain them.
    static func isPlausible(_ scalar: Unicode.Scalar, lead: UInt8) -> Bool {
        guard lead >= 0xC4 && lead < 0xE0 else { return true }
        return (0x100...0x24F).contains(scalar.value) || (0x370...0x52F).contains(scalar.value)
    }

    /// The Windows-1252 byte of a character, or nil for a character that code page doesn't have. U+0080…U+00FF
    /// map to themselves (as Latin-1 decoders and the undefined Windows-1252 bytes do).
    static func windows1252Byte(_ value: UInt32) -> UInt8? {
        if value >= 0x80 && value <= 0xFF { return UInt8(value) }
        switch value {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }
}

// MARK: - Invisible characters

/// Zero-width and bidi control characters, and the contexts where writing systems need them.
enum Invisible {
    static func name(of value: UInt32) -> String? {
        switch value {
        case 0x200B: "zero-width space"
        case 0x200C: "zero-width non-joiner"
        case 0x200D: "zero-width joiner"
        case 0x200E: "left-to-right mark"
        case 0x200F: "right-to-left mark"
        case 0x061C: "arabic letter mark"
        case 0x202A...0x202E: "bidi embedding or override"
        case 0x2066...0x2069: "bidi isolate"
        case 0x2060: "word joiner"
        case 0x2061...0x2064: "invisible math operator"
        case 0xFEFF: "byte order mark"
        case 0x180E: "mongolian vowel separator"
        case 0x2028: "line separator"
        case 0x2029: "paragraph separator"
        default: nil
        }
    }

    /// Whether the writing system around `offset` needs the character: a joiner inside an emoji sequence
    /// (👨‍👩‍👧), joiners and zero-width spaces after letters of Arabic, Indic and Southeast Asian scripts
    /// (Persian می‌خواهم, Thai line breaks), bidi marks in a text that has right-to-left letters.
    static func isLegitimate(_ value: UInt32, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let previous = scalar(before: offset, in: bytes)
        switch value {
        case 0x200D:
            let length = UTF8Scan.length(ofLead: bytes[offset])
            let next = offset + length < bytes.count ? UTF8Scan.scalar(in: bytes, at: offset + length).value : 0
            if isEmojiPart(previous) && isEmojiPart(next) { return true }
            return isComplexScript(previous)
        case 0x200B, 0x200C:
            return isComplexScript(previous)
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069:
            return hasRightToLeftLetters(bytes)
        default:
            return false
        }
    }

    /// Hebrew, Arabic, Indic, Southeast Asian and other scripts from U+0590 to U+1FFF, where joiners and
    /// zero-width spaces shape letters or mark word breaks.
    static func isComplexScript(_ value: UInt32) -> Bool {
        (0x0590..<0x2000).contains(value) && !(0x1D00..<0x1F00).contains(value)
    }

    static func isEmojiPart(_ value: UInt32) -> Bool {
        if value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(value) { return true }
        guard value > 0xFF, let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isEmoji
    }

    /// Lead bytes of Hebrew and Arabic (U+0590…U+07FF) anywhere in the text.
    static func hasRightToLeftLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= 0xD6 && $0 <= 0xDF }
    }

    /// The scalar that ends just before `offset`, or 0 at the start.
    static func scalar(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 ? UTF8Scan.scalar(in: bytes, at: start).value : 0
    }
}
