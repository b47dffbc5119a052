/// Content-based identities of findings, for baselines and for SARIF's `partialFingerprints`.
///
/// A fingerprint is the hash of the rule's code, the field's JSON Pointer, the content hash of the record the
/// finding is in, and an occurrence number. No line, column or record index goes in, so inserting, deleting
/// or reordering records leaves the fingerprints of untouched records as they were. Editing a record changes
/// the fingerprints of its findings: an edited record counts as new and is checked again.
///
/// A finding about a whole file (`Finding.describesFile`: a share, a mix of formats, a dominant template) sits
/// at an example record that reordering changes; its fingerprint takes its message, with every number written
/// `#`, instead of the example's content and pointer: it stays while the file has that problem, whatever the
/// counts.
///
/// Two findings with the same code, pointer and record content (two identical records with the same defect, or
/// one rule firing twice in one field) are told apart by the occurrence number, counted in report order; so
/// a baseline matches them by count, not by which copy is which.
public enum Fingerprint {
    /// The content hash of a sample: its turns' tags and texts, so that re-indenting a record or reordering its
    /// keys doesn't change it; a record without turns (invalid JSON, no known format) hashes its bytes with the
    /// surrounding whitespace trimmed.
    public static func contentHash(of sample: Sample) -> UInt64 {
        guard sample.turns.isEmpty else {
            var hash: UInt64 = 0x5346_544c_696e_7431  // "SFTLint1"
            // By index: `for turn in` would copy every turn, retaining its strings, for two hash calls.
            for index in sample.turns.indices {
                hash = Hash64.combine(hash, Hash64.hash(sample.turns[index].tag))
                hash = Hash64.combine(hash, Hash64.hash(sample.turns[index].text))
            }
            return hash
        }
        let bytes = sample.record.bytes
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        let end = bytes.lastIndex { !isSpace($0) }.map { bytes.index(after: $0) } ?? start
        return bytes[start..<end].withUnsafeBytes { Hash64.hash($0) }
    }

    /// Sets `fingerprint` on `findings`, which must be in report order; `contentHashes[file][record]` is the
    /// content hash of each record. A finding about a whole file has no record: its file's path stands in.
    ///
    /// A finding that points at a related record of its file (the first copy, the first of a group) also gets
    /// `relatedFingerprint`, the fingerprint it would have on that record. Reordering a group moves its findings:
    /// the old first record is now flagged and the new first one isn't; a baseline matches the moved finding
    /// through the new first record's old fingerprint.
    public static func assign(to findings: inout [Finding], contentHashes: [[UInt64]]) {
        func content(_ location: Location) -> UInt64? {
            guard let record = location.record, contentHashes.indices.contains(location.fileIndex),
                contentHashes[location.fileIndex].indices.contains(record)
            else { return nil }
            return contentHashes[location.fileIndex][record]
        }
        var occurrences: [UInt64: UInt64] = [:]
        for index in findings.indices {
            let finding = findings[index]
            let location = finding.location
            let code = Hash64.hash(finding.code)
            let rule = Hash64.combine(code, Hash64.hash(location.pointer))
            let base =
                finding.describesFile
                ? Hash64.combine(code, Hash64.hash(withoutNumbers(finding.message)))
                : Hash64.combine(rule, content(location) ?? Hash64.hash(location.path))
            let occurrence = occurrences[base, default: 0]
            occurrences[base] = occurrence + 1
            findings[index].fingerprint = hex(Hash64.combine(base, Hash64.mix(occurrence)))
            if !finding.describesFile, let related = finding.related.first?.location, related.path == location.path,
                related.fileIndex == location.fileIndex, let other = content(related)
            {
                findings[index].relatedFingerprint = hex(Hash64.combine(Hash64.combine(rule, other), Hash64.mix(0)))
            }
        }
    }

    /// `text` with every run of digits (and the decimal points between them) as one `#`: `72% (417 of 583)`
    /// reads `#% (# of #)`.
    static func withoutNumbers(_ text: String) -> String {
        var out = ""
        var isInNumber = false
        for scalar in text.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            if isDigit || (isInNumber && scalar == ".") {
                if !isInNumber { out += "#" }
                isInNumber = true
            } else {
                isInNumber = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
