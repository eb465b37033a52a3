import MinutesCore

/// The decoded input, exactly as the file says (minus any byte-order mark).
/// Spans are offsets into `scalars`.
public struct SourceText: Sendable {
    public let scalars: ScalarArray
    /// Scalar offsets at which lines start (after LF, CRLF or a lone CR).
    public let lineStarts: [Int]

    public init<C: Collection<Unicode.Scalar>>(_ scalars: C) {
        let all = ScalarArray(scalars)
        var starts = [0]
        var i = 0
        while i < all.count {
            let v = all[i].value
            if v == 0x0A || (v == 0x0D && (i + 1 >= all.count || all[i + 1].value != 0x0A)) {
                starts.append(i + 1)
            }
            i += 1
        }
        self.scalars = all
        self.lineStarts = starts
    }

    public var count: Int { scalars.count }
    /// The text's length in UTF-8 bytes.
    public var utf8Count: Int { scalars.utf8Count }
    public var isBlank: Bool { scalars.allSatisfy { $0.properties.isWhitespace } }

    /// 1-based line number of a scalar offset.
    public func line(at offset: Int) -> Int {
        // The lines starting at or before the offset (the first starts at 0).
        lineStarts.partitionPoint { $0 > offset }
    }

    /// 1-based column of a scalar offset.
    public func column(at offset: Int) -> Int {
        offset - lineStarts[line(at: offset) - 1] + 1
    }

    public func span(_ range: Range<Int>) -> Span {
        Span(start: range.lowerBound, end: range.upperBound, line: line(at: range.lowerBound))
    }

    /// The original text of a range.
    public func text(_ range: Range<Int>) -> String {
        scalars.string(range)
    }

    public func text(_ span: Span) -> String { text(span.start..<span.end) }
}

extension RandomAccessCollection where Index == Int {
    /// The first index whose element `isPast` holds for, in a collection where it
    /// holds for a suffix (offsets in order, say): a binary search.
    @inlinable
    public func partitionPoint(where isPast: (Element) -> Bool) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if isPast(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

extension String {
    /// A string of `scalars`, encoded in one pass (appending scalar by scalar
    /// to a `String.UnicodeScalarView` costs a call per scalar).
    public init<C: Collection<Unicode.Scalar>>(scalars: C) {
        self.init(unsafeUninitializedCapacity: scalars.utf8Count) { buffer in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                switch v {
                case 0..<0x80:
                    buffer[i] = UInt8(v); i += 1
                case 0x80..<0x800:
                    buffer[i] = UInt8(0xC0 | v >> 6); buffer[i + 1] = UInt8(0x80 | v & 0x3F); i += 2
                case 0x800..<0x10000:
                    buffer[i] = UInt8(0xE0 | v >> 12); buffer[i + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | v & 0x3F); i += 3
                default:
                    buffer[i] = UInt8(0xF0 | v >> 18); buffer[i + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | v >> 6 & 0x3F); buffer[i + 3] = UInt8(0x80 | v & 0x3F); i += 4
                }
            }
            return i
        }
    }
}

extension Sequence<Unicode.Scalar> {
    /// How many bytes the scalars take in UTF-8.
    public var utf8Count: Int { reduce(0) { $0 + UTF8.width($1) } }
}
