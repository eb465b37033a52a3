import MinutesCore
import MinutesText

/// One rule: a compiled pattern, what its matches yield, and the examples that prove it.
/// A class: a rule never changes once loaded, and extractors keep it beside
/// each of its matches, which on a long document are many (a copy of a
/// struct this size retained every field).
public final class Rule: Sendable {
    public let id: String
    /// The folder under `Rules/` the rule lives in: `amounts`, `items`, `meeting`, …
    public let dimension: String
    public let description: String
    public let pattern: Pattern
    public let yields: Yield
    public let settings: [String: String]
    /// Higher runs first where rules of a dimension compete for the same text.
    public let priority: Int
    public let examples: [RuleExample]
    /// Lower-case words one of which every match contains (`triggers:`); the
    /// pattern then searches only the lines around them. Empty: everywhere.
    public let triggers: [[UInt8]]
    /// A fragment every match contains (`near:`); the pattern then searches
    /// only the lines around the fragment's matches. nil: no such fragment.
    public let near: Near?
    /// Where the rule is defined, for messages.
    public let file: String
    public let line: Int

    /// A fragment every match of a rule contains, with the match (and what
    /// its lookarounds read) no further from it than `reach` bytes of
    /// characters other than white space, and the pattern that finds it
    /// (one per fragment, shared by the rules naming it, so each document is
    /// searched for it once).
    public struct Near: Sendable {
        public let fragment: String
        public let finder: Pattern
        public let reach: Int

        public init(fragment: String, finder: Pattern, reach: Int) {
            self.fragment = fragment
            self.finder = finder
            self.reach = reach
        }
    }

    /// A rule as the loader reads it; `BundledRules` makes the bundled ones
    /// from what the loader read when the package was built.
    public init(id: String, dimension: String, description: String, pattern: Pattern, yields: Yield,
                settings: [String: String], priority: Int, examples: [RuleExample], triggers: [[UInt8]],
                near: Near? = nil, file: String, line: Int) {
        self.id = id
        self.dimension = dimension
        self.description = description
        self.pattern = pattern
        self.yields = yields
        self.settings = settings
        self.priority = priority
        self.examples = examples
        self.triggers = triggers
        self.near = near
        self.file = file
        self.line = line
    }

    /// Every match of the rule inside `range` (normalised scalars) of `text`, with its value.
    public func matches(in text: NormalizedText, range: Range<Int>? = nil) throws(PatternLimitExceeded) -> [RuleMatch] {
        let bytes = text.byteRange(scalars: range ?? 0..<text.count)
        var found: [PatternMatch]
        if let near {
            // Only the lines around the fragment every match contains can hold one.
            found = []
            for window in try text.windows(aroundMatchesOf: near.finder, in: bytes, reach: near.reach) {
                found += try pattern.matches(in: text.utf8, range: window)
            }
        } else if triggers.isEmpty {
            found = try pattern.matches(in: text.utf8, range: bytes)
        } else {
            // Only the lines around a trigger word can hold a match.
            found = []
            for window in text.windows(around: triggers, for: self, in: bytes, reach: 400) {
                found += try pattern.matches(in: text.utf8, range: window)
            }
        }
        return found.map { ruleMatch($0, in: text) }
    }

    /// The rule's run into a PCRE2 limit over `range` (normalised scalars; nil
    /// for a text of its own), as the pipeline reports it.
    public func limitHit(_ error: PatternLimitExceeded, range: Range<Int>?) -> LimitHit {
        LimitHit(rule: id, file: file, line: line, reason: error.reason, range: range)
    }

    /// The rule's matches in a short text of its own (a word, a cell, a title),
    /// as substrings. A limit the pattern hits is noted on `text`, the
    /// document's text, for the pipeline to report; the string then counts as
    /// unmatched.
    public func matches(in string: String, noting text: NormalizedText) -> [(text: String, groups: [String: String])] {
        do {
            return try pattern.matches(in: string)
        } catch {
            text.note(limitHit(error, range: nil))
            return []
        }
    }

    /// The match of the rule that starts at scalar `offset`, if any, with `range` as the text's ends.
    /// PCRE2 is not run where no trigger word follows inside the range, nor
    /// where the match could not start (`Pattern.anchoredStart`).
    public func match(in text: NormalizedText, range: Range<Int>, at offset: Int) throws(PatternLimitExceeded) -> RuleMatch? {
        try match(in: text, bytes: text.byteRange(scalars: range), atByte: text.byteRange(scalars: offset..<offset).lowerBound)
    }

    /// The same, with the range and the start given as byte offsets of `text.utf8`.
    public func match(in text: NormalizedText, bytes: Range<Int>, atByte at: Int) throws(PatternLimitExceeded) -> RuleMatch? {
        guard triggers.isEmpty || text.contains(anyOf: triggers, for: self, in: at..<bytes.upperBound) else { return nil }
        return try pattern.match(in: text.utf8, range: bytes, anchoredAt: at)
            .map { ruleMatch($0, in: text) }
    }

    private func ruleMatch(_ m: PatternMatch, in text: NormalizedText) -> RuleMatch {
        var groupRanges = [String: Range<Int>](minimumCapacity: m.groups.count)
        var groupTexts = [String: String](minimumCapacity: m.groups.count)
        for (name, byteRange) in m.groups {
            let r = text.scalarRange(bytes: byteRange)
            groupRanges[name] = r
            groupTexts[name] = text.text(r)
        }
        return RuleMatch(rule: id, range: text.scalarRange(bytes: m.range), groups: groupRanges,
                         value: yields.build(groupTexts, settings: settings))
    }
}

/// A match of a rule: normalised ranges of the whole match and of its groups, and the value built.
public struct RuleMatch: Sendable {
    public var rule: String
    public var range: Range<Int>
    public var groups: [String: Range<Int>]
    public var value: Result<RuleValue, BuildFailure>
}

/// An example a rule must (or must not) match.
public struct RuleExample: Sendable, Equatable {
    public var text: String
    /// nil: the rule must not match. Otherwise the fields the first match must have;
    /// `text` is the matched original text.
    public var expect: [String: String]?
    public var line: Int

    public init(text: String, expect: [String: String]?, line: Int) {
        self.text = text
        self.expect = expect
        self.line = line
    }
}

/// Lets the segmenter use rules of the `items`, `attendance` and block-marker kinds.
public struct RuleHeadingMatcher: HeadingMatcher {
    public let rule: Rule
    public var id: String { rule.id }
    /// Where the rule's anchored matches can start (compiled now: every document is segmented).
    private let start: Pattern.AnchoredStart

    public init(_ rule: Rule) {
        self.rule = rule
        start = rule.pattern.anchoredStart
    }

    public func match(in text: NormalizedText, window: Range<Int>) -> Heading? {
        // The heading must start the window, after any spaces: try each place up
        // to the first non-space, in order (the leftmost match, as a search would find).
        // (Each line is tried by every heading rule: the byte offset of each
        // place is counted on from the window's, not looked up.)
        let bytes = text.byteRange(scalars: window)
        var at = window.lowerBound, byte = bytes.lowerBound
        while at < window.upperBound {
            if start.allows(text.utf8, range: bytes, at: byte) {
                do {
                    if let found = try rule.match(in: text, bytes: bytes, atByte: byte) { return heading(found, window) }
                } catch {
                    text.note(rule.limitHit(error, range: window))
                    return nil
                }
            }
            let scalar = text.scalars[at]
            guard scalar.isSpace(includingLineEnds: true) else { break }
            byte += UTF8.width(scalar)
            at += 1
        }
        return nil
    }

    private func heading(_ first: RuleMatch, _ window: Range<Int>) -> Heading? {
        // A heading reads some of the window: one ending at its start (an empty
        // match) would have the segmenter read the same line again, without end.
        guard first.range.upperBound > window.lowerBound, case .success(let value) = first.value else { return nil }
        var setting: String?
        if case .heading(let s) = value { setting = s }
        if case .item = value { setting = rule.settings["scope"] }
        return Heading(rule: rule.id, range: first.range, number: first.groups["number"],
                       title: first.groups["title"] ?? first.groups["heading"], value: setting,
                       fields: value.fields.merging(rule.settings) { found, _ in found })
    }
}
