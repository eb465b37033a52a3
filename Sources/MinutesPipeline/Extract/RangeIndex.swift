/// Ranges of a page found so far, answering "which of them overlaps this
/// stretch?" by looking only at the ranges near it: the text is cut into
/// buckets and each range is listed in the buckets it touches. A list
/// searched from the start for every match made long documents quadratic;
/// this keeps the answer exact and the work linear in the document.
struct RangeIndex {
    private(set) var ranges: [Range<Int>] = []
    private var buckets: [Int: [Int32]] = [:]
    static let bucketWidth = 512

    init() {}

    init<S: Sequence>(_ ranges: S) where S.Element == Range<Int> {
        for r in ranges { insert(r) }
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// Adds `r` as the next range (its index is the count before).
    mutating func insert(_ r: Range<Int>) {
        let index = Int32(truncatingIfNeeded: ranges.count)
        ranges.append(r)
        guard !r.isEmpty else { return }
        for b in (r.lowerBound / Self.bucketWidth)...((r.upperBound - 1) / Self.bucketWidth) {
            buckets[b, default: []].append(index)
        }
    }

    /// The index of the first range (in insertion order) that shares a position with `r`.
    func firstOverlapping(_ r: Range<Int>) -> Int? {
        guard !r.isEmpty else { return nil }
        var best: Int?
        for b in (r.lowerBound / Self.bucketWidth)...((r.upperBound - 1) / Self.bucketWidth) {
            for i in buckets[b] ?? [] where best.map({ Int(i) < $0 }) ?? true && ranges[Int(i)].overlaps(r) {
                best = Int(i)
            }
        }
        return best
    }

    func overlaps(_ r: Range<Int>) -> Bool { firstOverlapping(r) != nil }

    /// Whether a range that shares a position with `r` also meets `condition`.
    func overlaps(_ r: Range<Int>, where condition: (Range<Int>) -> Bool) -> Bool {
        guard !r.isEmpty else { return false }
        for b in (r.lowerBound / Self.bucketWidth)...((r.upperBound - 1) / Self.bucketWidth) {
            for i in buckets[b] ?? [] where ranges[Int(i)].overlaps(r) && condition(ranges[Int(i)]) { return true }
        }
        return false
    }

    /// Whether some range holds position `k`.
    func contains(_ k: Int) -> Bool { overlaps(k..<(k + 1)) }
}
