#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts one input into records, batch by batch, holding only the bytes of the batch being cut.
///
/// Framing only finds where records start and end (newlines, or brackets and strings at depth 0 of an array);
/// the parser judges each record. That is what keeps one broken record from hiding the next ones, and what
/// lets a 5 GB JSON array stream: the framer never holds more than a batch and the record that straddles it.
struct RecordFramer {
    let file: InputFile
    private let reader: ByteReader
    /// Bytes read per `read(2)`, and the size a batch aims at.
    let chunkSize: Int
    /// A record larger than this is reported and skipped rather than held.
    let maxRecordBytes: Int

    private(set) var layout: Layout?
    private var buffer: [UInt8] = []
    /// Next byte to scan in `buffer`.
    private var position = 0
    private var isInputExhausted = false
    private var isFinished = false
    /// Line and column of `buffer[position]`.
    private var line = 1
    private var column = 1
    private var nextIndex = 0
    private var scan = ValueScan()
    private var phase = Phase.start
    private var arrayOpening = (line: 1, column: 1)
    /// Whether the current line has shown anything but whitespace before `position`.
    private var lineHasContent = false

    init(file: InputFile, reader: ByteReader, chunkSize: Int = 4 << 20, maxRecordBytes: Int = 256 << 20) {
        self.file = file
        self.reader = reader
        self.chunkSize = max(chunkSize, 16)
        self.maxRecordBytes = maxRecordBytes
    }

    /// The next batch of frames, or nil when the input is exhausted.
    mutating func nextBatch() throws(SFTLintError) -> Batch? {
        guard !isFinished else { return nil }
        var frames: [Frame] = []
        if phase == .start {
            try fill(atLeast: FileSniffer.sampleSize)
            start(&frames)
        }
        try fill(atLeast: chunkSize)
        while !isFinished {
            let before = frames.count
            try frameAvailable(&frames)
            if frames.count > before || isFinished { break }
            guard !isInputExhausted else {
                isFinished = true  // unreachable by construction: at the end of input every phase finishes
                break
            }
            // Not one whole record in the buffer: the current record is longer than what was read; read on.
            if scan.isSkipping { compact() }
            if try reader.read(appendingTo: &buffer, count: chunkSize) == 0 { isInputExhausted = true }
        }
        let batch = Batch(file: file, bytes: buffer, frames: frames)
        compact()
        return frames.isEmpty ? nil : batch
    }

    // MARK: - Reading

    /// Reads until the unscanned part of the buffer holds `count` bytes or the input ends.
    private mutating func fill(atLeast count: Int) throws(SFTLintError) {
        while buffer.count - position < count, !isInputExhausted {
            if try reader.read(appendingTo: &buffer, count: chunkSize) == 0 { isInputExhausted = true }
        }
    }

    /// Starts a fresh buffer holding only what a later batch still needs, so the batch just cut keeps its own.
    private mutating func compact() {
        let keep = scan.isInValue && !scan.isSkipping ? scan.valueStart : position
        buffer = Array(buffer[keep...])
        position -= keep
        if scan.isInValue { scan.valueStart -= keep }
    }

    // MARK: - The start of a file

    private enum Phase: Equatable {
        case start
        case lines
        /// Inside a top-level array, waiting for an element or `]`.
        case arrayElement(afterComma: Bool)
        /// Inside a top-level array, after an element.
        case arraySeparator
        case afterArray
        /// Between whitespace-separated top-level values.
        case value
    }

    private mutating func start(_ frames: inout [Frame]) {
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            frames.append(
                problem(
                    "file starts with a UTF-8 byte order mark; JSON must not (Python's json module rejects it)"))
            position = 3
        }
        if let binary = FileSniffer.binaryProblem(buffer[position...]) {
            frames.append(problem(binary))
            isFinished = true
            return
        }
        guard buffer.count > position else {
            frames.append(problem("empty file: expected JSON records"))
            isFinished = true
            return
        }
        skipWhitespace()
        guard position < buffer.count else {
            (line, column) = (1, 1)
            frames.append(problem("file holds only whitespace: expected JSON records"))
            isFinished = true
            return
        }
        switch buffer[position] {
        case UInt8(ascii: "["):
            layout = .jsonArray
            arrayOpening = (line, column)
            advance()
            phase = .arrayElement(afterComma: false)
        case UInt8(ascii: "{") where restOfLineIsBlank(after: position):
            layout = .jsonValues
            phase = .value
        default:
            layout = .jsonLines
            phase = .lines
        }
    }

    /// Whether the line holding `index` has only whitespace after it: a pretty-printed object's first line.
    private func restOfLineIsBlank(after index: Int) -> Bool {
        var i = index + 1
        while i < buffer.count, buffer[i] != UInt8(ascii: "\n") {
            guard JSONBytes.isWhitespace(buffer[i]) else { return false }
            i += 1
        }
        return i < buffer.count || isInputExhausted
    }

    // MARK: - Framing

    private mutating func frameAvailable(_ frames: inout [Frame]) throws(SFTLintError) {
        let stop = position + chunkSize
        while !isFinished, position < stop {
            let progressed: Bool
            switch phase {
            case .start: progressed = false
            case .lines: progressed = try frameLine(&frames)
            case .arrayElement(let afterComma): progressed = frameArrayElement(afterComma: afterComma, &frames)
            case .arraySeparator: progressed = frameArraySeparator(&frames)
            case .afterArray: progressed = frameAfterArray(&frames)
            case .value: progressed = frameValue(&frames)
            }
            if !progressed { break }
        }
    }

    /// Frames the line at `position`; false when the line isn't complete in the buffer yet.
    private mutating func frameLine(_ frames: inout [Frame]) throws(SFTLintError) -> Bool {
        let start = position
        let end: Int
        if let newline = findNewline(from: start) {
            end = newline
        } else if isInputExhausted {
            guard start < buffer.count else {
                isFinished = true
                return false
            }
            end = buffer.count
        } else {
            // Skip only at the start of a batch: skipping drops the buffer the batch's frames point into.
            if buffer.count - start > maxRecordBytes, frames.isEmpty { try skipLongLine(&frames) }
            return false
        }
        if !isBlank(start..<end) {
            frames.append(
                Frame(range: start..<end, line: line, column: column, index: nextIndex, problem: sizeProblem(end - start)))
            nextIndex += 1
        }
        position = min(end + 1, buffer.count)
        line += 1
        column = 1
        if position >= buffer.count, isInputExhausted { isFinished = true }
        return true
    }

    /// Reports a line over the size limit and drops its bytes up to the next newline, without holding them.
    private mutating func skipLongLine(_ frames: inout [Frame]) throws(SFTLintError) {
        var frame = problem(oversizeMessage)
        frame.index = nextIndex
        frames.append(frame)
        nextIndex += 1
        scan.isSkipping = true
        while true {
            if let newline = findNewline(from: position) {
                position = newline + 1
                line += 1
                column = 1
                scan.isSkipping = false
                return
            }
            position = buffer.count
            guard !isInputExhausted else {
                isFinished = true
                scan.isSkipping = false
                return
            }
            buffer.removeAll(keepingCapacity: true)
            position = 0
            if try reader.read(appendingTo: &buffer, count: chunkSize) == 0 { isInputExhausted = true }
        }
    }

    private mutating func frameArrayElement(afterComma: Bool, _ frames: inout [Frame]) -> Bool {
        // A value cut by the end of the last buffer resumes where it stopped, not at a fresh element.
        if scan.isInValue { return frameElement(&frames, then: .arraySeparator) }
        guard skipWhitespaceOrWait() else { return false }
        guard position < buffer.count else {
            frames.append(unclosedArray())
            isFinished = true
            return false
        }
        if buffer[position] == UInt8(ascii: "]") {
            if afterComma { frames.append(problem("invalid JSON: expected an array element after ',', found ']'")) }
            advance()
            phase = .afterArray
            return true
        }
        return frameElement(&frames, then: .arraySeparator)
    }

    private mutating func frameArraySeparator(_ frames: inout [Frame]) -> Bool {
        guard skipWhitespaceOrWait() else { return false }
        guard position < buffer.count else {
            frames.append(unclosedArray())
            isFinished = true
            return false
        }
        switch buffer[position] {
        case UInt8(ascii: ","):
            advance()
            phase = .arrayElement(afterComma: true)
        case UInt8(ascii: "]"):
            advance()
            phase = .afterArray
        default:
            // Most often a missing comma: report it and read on as if it were there.
            frames.append(problem("invalid JSON: expected ',' or ']' after array element, found \(JSONBytes.describe(buffer, at: position))"))
            phase = .arrayElement(afterComma: false)
        }
        return true
    }

    private mutating func frameAfterArray(_ frames: inout [Frame]) -> Bool {
        guard skipWhitespaceOrWait() else { return false }
        if position < buffer.count {
            frames.append(problem("invalid JSON: unexpected \(JSONBytes.describe(buffer, at: position)) after the top-level array"))
        }
        isFinished = true
        return false
    }

    private mutating func frameValue(_ frames: inout [Frame]) -> Bool {
        if scan.isInValue { return frameElement(&frames, then: .value) }
        guard skipWhitespaceOrWait() else { return false }
        guard position < buffer.count else {
            isFinished = true
            return false
        }
        let byte = buffer[position]
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
            frames.append(problem("invalid JSON: unexpected \(JSONBytes.describe(buffer, at: position)) between top-level values"))
            advance()
            return true
        }
        return frameElement(&frames, then: .value)
    }

    /// Scans one value at `position` (resuming a scan cut by the end of the buffer); frames it when it ends.
    private mutating func frameElement(_ frames: inout [Frame], then next: Phase) -> Bool {
        if !scan.isInValue {
            scan.begin(
                at: position, line: line, column: column, first: buffer[position], startsLine: !lineHasContent)
        }
        let outcome = buffer.withUnsafeBufferPointer { bytes in
            scan.run(bytes, position: &position, line: &line, column: &column)
        }
        if outcome == .needsMore {
            if !isInputExhausted {
                if !scan.isSkipping, position - scan.valueStart > maxRecordBytes {
                    frames.append(
                        Frame(
                            range: position..<position, line: scan.line, column: scan.column, index: nextIndex,
                            problem: oversizeMessage))
                    nextIndex += 1
                    scan.isSkipping = true
                }
                return false
            }
            // The file ends inside the value: the parser says precisely where the record was cut.
        }
        if !scan.isSkipping {
            var end = position
            if outcome == .cutBeforeNextValue {
                while end > scan.valueStart, JSONBytes.isWhitespace(buffer[end - 1]) { end -= 1 }
            }
            frames.append(
                Frame(
                    range: scan.valueStart..<end, line: scan.line, column: scan.column, index: nextIndex,
                    problem: sizeProblem(end - scan.valueStart), isCutByEndOfInput: outcome == .needsMore))
            nextIndex += 1
        }
        scan.end()
        lineHasContent = outcome != .cutBeforeNextValue
        switch outcome {
        case .ended: phase = next
        case .cutBeforeNextValue: phase = next == .value ? .value : .arrayElement(afterComma: false)
        case .needsMore: isFinished = true
        }
        return outcome != .needsMore
    }

    // MARK: - Bytes

    private func findNewline(from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress,
                let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        buffer[range].allSatisfy(JSONBytes.isWhitespace)
    }

    private mutating func advance() {
        let byte = buffer[position]
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
            lineHasContent = false
        } else {
            if byte & 0xC0 != 0x80 { column += 1 }
            if !JSONBytes.isWhitespace(byte) { lineHasContent = true }
        }
        position += 1
    }

    private mutating func skipWhitespace() {
        while position < buffer.count, JSONBytes.isWhitespace(buffer[position]) { advance() }
    }

    /// Skips whitespace; false when the buffer ran out before the input did (wait for more bytes).
    private mutating func skipWhitespaceOrWait() -> Bool {
        skipWhitespace()
        return position < buffer.count || isInputExhausted
    }

    /// A frame for a problem of the file at the current position.
    private func problem(_ message: String) -> Frame {
        Frame(range: position..<position, line: line, column: column, index: nil, problem: message)
    }

    /// Why a record of `size` bytes isn't parsed, or nil when it is small enough.
    private func sizeProblem(_ size: Int) -> String? {
        size > maxRecordBytes ? oversizeMessage : nil
    }

    private var oversizeMessage: String {
        let limit = maxRecordBytes >= 1 << 20 ? "\(maxRecordBytes >> 20) MiB" : "\(maxRecordBytes) bytes"
        return "record is larger than \(limit); not parsed"
    }

    private func unclosedArray() -> Frame {
        problem(
            "invalid JSON: file ends inside the array opened at line \(arrayOpening.line), column \(arrayOpening.column): expected ']'")
    }
}

/// Where one top-level value starts and how deep the scan is inside it; survives the end of a buffer.
struct ValueScan {
    /// How a scan stopped.
    enum Outcome: Equatable {
        case ended
        /// The bytes ran out inside the value.
        case needsMore
        /// A line starting with `{` or `[` at the value's own column: the value was cut short (a missing `}`)
        /// and the next one starts here. Pretty-printed and one-record-a-line arrays nest deeper than their
        /// elements' column, so valid data never stops here; a broken record then costs one finding, not the
        /// rest of the file.
        case cutBeforeNextValue
    }

    var isInValue = false
    /// Drop the value's bytes as they are scanned (a record over the size limit).
    var isSkipping = false
    var valueStart = 0
    var line = 1
    var column = 1
    private var depth = 0
    private var isInString = false
    private var isEscaped = false
    private var isScalar = false
    /// The value began its line, so a later line beginning at the same column can only be the next value.
    private var canResynchronise = false
    private var lineHasContent = true

    mutating func begin(at start: Int, line: Int, column: Int, first: UInt8, startsLine: Bool) {
        isInValue = true
        valueStart = start
        self.line = line
        self.column = column
        depth = 0
        isInString = false
        isEscaped = false
        isScalar = first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && first != UInt8(ascii: "\"")
        canResynchronise = startsLine
        lineHasContent = true
    }

    mutating func end() {
        isInValue = false
        isSkipping = false
    }

    /// Scans from `position` until the value ends or the bytes do, tracking line and column.
    mutating func run(
        _ bytes: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int, column: inout Int
    ) -> Outcome {
        var i = position
        defer { position = i }
        while i < bytes.count {
            let byte = bytes[i]
            if isScalar, i > valueStart {
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
                    || JSONBytes.isWhitespace(byte)
                {
                    return .ended
                }
            }
            if !lineHasContent, !JSONBytes.isWhitespace(byte) {
                lineHasContent = true
                if canResynchronise, !isInString, depth > 0, column == self.column,
                    byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
                {
                    return .cutBeforeNextValue
                }
            }
            i += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                lineHasContent = false
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            if isScalar { continue }
            if isInString {
                if isEscaped {
                    isEscaped = false
                } else if byte == UInt8(ascii: "\\") {
                    isEscaped = true
                } else if byte == UInt8(ascii: "\"") {
                    isInString = false
                    if depth == 0 { return .ended }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): isInString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { return .ended }
            default: break
            }
        }
        return .needsMore
    }
}

/// Byte-level facts of JSON text shared by the framer and messages.
enum JSONBytes {
    /// JSON's four whitespace bytes.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// `'x'` for a printable ASCII byte, `byte 0xC3` otherwise, for messages.
    static func describe(_ bytes: [UInt8], at index: Int) -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
