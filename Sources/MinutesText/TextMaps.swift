/// For each normalised scalar, the original scalars it stands for, kept as
/// runs: in a copied run scalar `start + k` stands for original scalar
/// `lower + k` alone; in any other run every scalar stands for `lower..<upper`
/// (a line end made of CR LF, an entity, the scalars NFKC made of one chunk).
struct OriginMap: Sendable {
    struct Run: Sendable {
        var start: Int32
        var lower: Int32
        /// Negative in a copied run.
        var upper: Int32
    }

    private let runs: [Run]
    private let count: Int

    init(runs: [Run], count: Int) {
        self.runs = runs
        self.count = count
    }

    /// Adds scalar `i`, standing for original `lower..<upper`, to the runs.
    static func extend(_ runs: inout [Run], at i: Int, lower: Int32, upper: Int32) {
        if let last = runs.last {
            if last.upper < 0 ? upper == lower + 1 && lower == last.lower + (Int32(i) - last.start)
                : lower == last.lower && upper == last.upper { return }
        }
        runs.append(Run(start: Int32(i), lower: lower, upper: upper == lower + 1 ? -1 : upper))
    }

    /// The original range scalar `i` (below `count`) stands for.
    subscript(i: Int) -> Range<Int> {
        let run = runs[runs.partitionPoint { Int($0.start) > i } - 1]
        if run.upper >= 0 { return Int(run.lower)..<Int(run.upper) }
        let lower = Int(run.lower) + i - Int(run.start)
        return lower..<(lower + 1)
    }
}

/// Where each normalised scalar starts in the UTF-8, and which scalar each
/// byte belongs to, kept as runs of scalars of one UTF-8 width (most text is
/// one long run of ASCII). A table of the run at every 256th scalar and
/// byte keeps each look-up to a few steps.
struct ScalarOffsets: Sendable {
    struct Run: Sendable {
        var scalar: Int32
        var byte: Int32
        var width: Int32
    }

    /// The runs, then one of no width at the ends of the text.
    private let runs: [Run]
    private let runAtScalar: [Int32]
    private let runAtByte: [Int32]
    static let stride = 256

    init(runs: [Run], scalarCount: Int, byteCount: Int) {
        let all = runs + [Run(scalar: Int32(scalarCount), byte: Int32(byteCount), width: 1)]
        self.runs = all
        runAtScalar = ScalarOffsets.table(all, count: scalarCount) { Int($0.scalar) }
        runAtByte = ScalarOffsets.table(all, count: byteCount) { Int($0.byte) }
    }

    /// For every `stride`-th offset up to `count`, the last run starting at or before it.
    private static func table(_ runs: [Run], count: Int, _ start: (Run) -> Int) -> [Int32] {
        var table: [Int32] = []
        table.reserveCapacity(count / stride + 1)
        var r = 0
        for offset in Swift.stride(from: 0, through: count, by: stride) {
            while r + 1 < runs.count, start(runs[r + 1]) <= offset { r += 1 }
            table.append(Int32(r))
        }
        return table
    }

    /// Adds scalar `i`, at byte `byte` and `width` bytes long, to the runs.
    static func extend(_ runs: inout [Run], scalar i: Int, byte: Int, width: Int) {
        if let last = runs.last, Int(last.width) == width { return }
        runs.append(Run(scalar: Int32(i), byte: Int32(byte), width: Int32(width)))
    }

    /// The run holding `offset`, found between the table's neighbours.
    private func run(at offset: Int, table: [Int32], _ start: (Run) -> Int) -> Run {
        let slot = offset / ScalarOffsets.stride
        let lo = Int(table[slot]), hi = slot + 1 < table.count ? Int(table[slot + 1]) : runs.count - 1
        return runs[runs[lo...hi].partitionPoint { start($0) > offset } - 1]
    }

    /// Byte offset at which scalar `i` starts (the byte count for the end).
    func byte(atScalar i: Int) -> Int {
        let run = run(at: i, table: runAtScalar) { Int($0.scalar) }
        return Int(run.byte) + (i - Int(run.scalar)) * Int(run.width)
    }

    /// The scalar byte `b` belongs to (the scalar count for the end).
    func scalar(atByte b: Int) -> Int {
        let run = run(at: b, table: runAtByte) { Int($0.byte) }
        return Int(run.scalar) + (b - Int(run.byte)) / Int(run.width)
    }
}

/// For each byte offset of the normalised UTF-8 (and the end), how many
/// bytes before it belong to scalars that are not white space: a bit a byte,
/// and the count at the start of every 64.
struct NonSpaceCounts: Sendable {
    /// Bit `k % 64` of word `k / 64`: byte `k` is white space (or past the end).
    private let spaceBits: [UInt64]
    /// Non-space bytes before each word, and in all.
    private let counts: [Int32]
    private let byteCount: Int

    init(spaceBits: [UInt64], byteCount: Int) {
        var bits = spaceBits
        if byteCount % 64 != 0, !bits.isEmpty { bits[bits.count - 1] |= ~0 << UInt64(byteCount % 64) }
        var counts: [Int32] = [0]
        counts.reserveCapacity(bits.count + 1)
        for word in bits { counts.append(counts[counts.count - 1] + Int32((~word).nonzeroBitCount)) }
        self.spaceBits = bits
        self.counts = counts
        self.byteCount = byteCount
    }

    /// Non-space bytes before byte offset `k`.
    func before(_ k: Int) -> Int {
        let word = k / 64, bit = k % 64
        guard bit > 0 else { return Int(counts[word]) }
        return Int(counts[word]) + (~spaceBits[word] & (1 << UInt64(bit) - 1)).nonzeroBitCount
    }

    /// The first byte offset before which `n` bytes are not white space; one
    /// past the end if there are not so many.
    func firstOffset(reaching n: Int) -> Int {
        guard n > 0 else { return 0 }
        let next = counts.partitionPoint { Int($0) >= n }
        guard next < counts.count else { return byteCount + 1 }
        // The n-th non-space byte is in word `next - 1`: drop the ones before it.
        var rest = ~spaceBits[next - 1]
        for _ in 0..<(n - Int(counts[next - 1]) - 1) { rest &= rest - 1 }
        return (next - 1) * 64 + rest.trailingZeroBitCount + 1
    }
}
