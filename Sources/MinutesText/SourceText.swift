import MinutesCore

/// The decoded input, exactly as the file says (minus any byte-order mark).
/// Spans are offsets into `scalars`.
public struct SourceText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// Scalar offsets at which lines start (after LF, CRLF or a lone CR).
    public let lineStarts: [Int]

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        let all = Array(scalars)
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
    public var isBlank: Bool { scalars.allSatisfy { $0.properties.isWhitespace } }

    /// 1-based line number of a scalar offset.
    public func line(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
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
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    public func text(_ span: Span) -> String { text(span.start..<span.end) }
}
