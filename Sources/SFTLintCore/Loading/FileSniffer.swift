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
        guard nuls > 0, nuls * 100 >= sample.count else { return nil }
        let first = sample.firstIndex(of: 0).map { $0 - sample.startIndex } ?? 0
        let hint = nuls * 4 >= sample.count ? " (UTF-16 text? convert it to UTF-8)" : ""
        return "file looks binary: \(nuls) NUL bytes in its first \(sample.count) bytes, the first at byte \(first)\(hint); not linted"
    }
}
