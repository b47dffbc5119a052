/// Recognises files that aren't UTF-8 JSON text at all, from their first bytes, so that a compressed or UTF-16
/// file gets one clear finding instead of thousands of parse errors.
enum FileSniffer {
    /// How many leading bytes are enough to judge.
    static let sampleSize = 8192

    private static let signatures: [(bytes: [UInt8], what: String)] = [
        ([0x1F, 0x8B], "gzip-compressed; decompress it first (gunzip)"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed; decompress it first (zstd -d)"),
        ([0x42, 0x5A, 0x68], "bzip2-compressed; decompress it first (bunzip2)"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed; decompress it first (unxz)"),
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive; extract it first"),
        ([0x50, 0x41, 0x52, 0x31], "a Parquet file, not JSON; export it to JSONL first"),
        ([0xFF, 0xFE], "UTF-16 encoded (little-endian byte order mark); convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"),
        ([0xFE, 0xFF], "UTF-16 encoded (big-endian byte order mark); convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"),
    ]

    /// Why the file can't be linted as text, or nil when it looks like text.
    static func binaryProblem(_ head: ArraySlice<UInt8>) -> String? {
        for signature in signatures where head.starts(with: signature.bytes) {
            return "file is \(signature.what); not linted"
        }
        let sample = head.prefix(sampleSize)
        let nuls = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        // A stray NUL in a text line is a parse error of that record; many NULs mean the file isn't text.
        if nuls >= 4, nuls * 100 >= sample.count {
            let first = sample.firstIndex(of: 0).map { $0 - sample.startIndex } ?? 0
            let hint = nuls * 4 >= sample.count ? " (UTF-16 text? convert it to UTF-8)" : ""
            return "file looks binary: \(nuls) NUL bytes in its first \(sample.count) bytes, the first at byte \(first)\(hint); not linted"
        }
        // A few bad bytes are invalid-utf8 findings in their records; a tenth of the file means another encoding.
        let invalid = invalidUTF8Bytes(sample)
        if invalid >= 16, invalid * 10 >= sample.count {
            return "file is not UTF-8: \(invalid) of its first \(sample.count) bytes are not UTF-8 (binary, or text in another encoding such as GBK or Latin-1?); not linted"
        }
        return nil
    }

    /// How many bytes of `bytes` are not part of a valid UTF-8 sequence (a sequence cut by the end counts as valid).
    static func invalidUTF8Bytes(_ bytes: ArraySlice<UInt8>) -> Int {
        var invalid = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            guard length > 0 else {
                invalid += 1
                i += 1
                continue
            }
            var j = i + 1
            while j < min(i + length, bytes.endIndex), bytes[j] & 0xC0 == 0x80 { j += 1 }
            if j < i + length, j < bytes.endIndex {
                invalid += j - i
            }
            i = j
        }
        return invalid
    }
}
