import Foundation

/// A rule that ran into PCRE2's match or depth limit where no list of
/// diagnostics was at hand: a heading tried by the segmenter, a rule run on
/// a word, a cell or a title. The document's text keeps these, and the
/// pipeline reports each as a `pattern-limit` diagnostic, so no limit hit is
/// lost silently.
public struct LimitHit: Sendable, Equatable {
    public var rule: String
    /// The rule file and line, for the message.
    public var file: String
    public var line: Int
    public var reason: String
    /// The normalised scalars searched, where the search was over the text
    /// itself; nil for a short text of its own (a word, a cell's cleaned text).
    public var range: Range<Int>?

    public init(rule: String, file: String, line: Int, reason: String, range: Range<Int>?) {
        self.rule = rule
        self.file = file
        self.line = line
        self.reason = reason
        self.range = range
    }
}

/// The limit hits of one document, in the order they happened.
final class LimitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var hits: [LimitHit] = []

    func note(_ hit: LimitHit) {
        lock.lock()
        defer { lock.unlock() }
        hits.append(hit)
    }

    var all: [LimitHit] {
        lock.lock()
        defer { lock.unlock() }
        return hits
    }
}

extension NormalizedText {
    /// Keeps a limit hit met while working on this text, for the pipeline to report.
    public func note(_ hit: LimitHit) { limitLog.note(hit) }

    /// The limit hits noted so far, in order.
    public var limitHits: [LimitHit] { limitLog.all }
}
