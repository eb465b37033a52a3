/// A place in the original input: Unicode scalar offsets into the decoded
/// text (end exclusive) and the 1-based line of `start`.
public struct Span: Codable, Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int
    public var line: Int

    public init(start: Int, end: Int, line: Int) {
        self.start = start
        self.end = end
        self.line = line
    }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// Where one extracted value came from: its span and the id of the rule that produced it.
public struct Provenance: Codable, Hashable, Sendable {
    public var span: Span
    public var rule: String

    public init(span: Span, rule: String) {
        self.span = span
        self.rule = rule
    }
}
