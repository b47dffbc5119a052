/// Where a record starts, packed in 16 bytes: what dataset state keeps per record instead of a `Location`, whose
/// path string and pointer would cost more than the rest of the state. `conclude` turns it back into a
/// `Location` through a `PathTable`.
struct RecordRef: Sendable, Hashable, Comparable {
    var file: UInt32
    var record: UInt32
    var line: UInt32
    var column: UInt32

    /// The start of `sample`'s record; nil for a pseudo-record that stands for a whole file. Borrowed: an
    /// initialiser's arguments are otherwise passed owned, and every rule that asks would retain and release
    /// the sample's four references for it.
    init?(_ sample: borrowing Sample) {
        guard let index = sample.record.index else { return nil }
        let source = sample.record
        file = UInt32(clamping: source.file.index)
        record = UInt32(clamping: index)
        line = UInt32(clamping: source.line)
        column = UInt32(clamping: source.column)
    }

    init(file: UInt32, record: UInt32, line: UInt32, column: UInt32) {
        self.file = file
        self.record = record
        self.line = line
        self.column = column
    }

    func location(in paths: PathTable) -> Location {
        Location(
            path: paths.path(of: Int(file)), fileIndex: Int(file), line: Int(line), column: Int(column),
            record: Int(record), pointer: "")
    }

    /// Data order: input file, then record.
    static func < (a: RecordRef, b: RecordRef) -> Bool {
        (a.file, a.record) < (b.file, b.record)
    }
}

/// The records a dataset state refers to, in data order, 16 bytes each, with the paths of their files.
struct RecordList: Sendable {
    private(set) var refs: [RecordRef] = []
    private(set) var paths = PathTable()

    var count: Int { refs.count }

    /// Bytes held, not counting spare capacity or the handful of paths.
    var byteCount: Int { refs.count * MemoryLayout<RecordRef>.stride }

    /// Appends the record `ref` of `sample`.
    mutating func append(_ ref: RecordRef, of sample: Sample) {
        refs.append(ref)
        paths.note(sample)
    }

    /// Appends the records of a later state.
    mutating func merge(_ later: RecordList) {
        refs.append(contentsOf: later.refs)
        paths.merge(later.paths)
    }

    /// Where record `index` starts.
    func location(_ index: Int) -> Location { refs[index].location(in: paths) }

    /// How a message at record `here` names record `index`: `line 15`, or `other.jsonl:15` in another file.
    func place(_ index: Int, from here: Int) -> String { paths.place(refs[index], from: refs[here]) }
}

/// The paths of the files a state has seen, by file index: a handful of strings, however many records.
struct PathTable: Sendable {
    private var paths: [Int: String] = [:]
    /// The file noted last: the records of a batch are mostly of one file, and rules note every record's.
    private var last = -1

    /// Remembers the path of `sample`'s file.
    mutating func note(_ sample: Sample) {
        guard sample.record.file.index != last else { return }
        note(sample.record.file)
    }

    mutating func note(_ file: InputFile) {
        guard file.index != last else { return }
        if paths[file.index] == nil { paths[file.index] = file.path }
        last = file.index
    }

    mutating func merge(_ later: PathTable) {
        paths.merge(later.paths) { earlier, _ in earlier }
    }

    func path(of file: Int) -> String { paths[file] ?? "" }

    /// How a message names `ref` seen from a finding at `here`: `line 15` in the same file, `other.jsonl:15`
    /// in another.
    func place(_ ref: RecordRef, from here: RecordRef) -> String {
        ref.file == here.file ? "line \(ref.line)" : "\(path(of: Int(ref.file))):\(ref.line)"
    }
}

/// Wording shared by the duplicate rules.
enum DuplicateWording {
    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `112th`.
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// A similarity for messages, two decimals: `0.86`.
    static func similarity(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
