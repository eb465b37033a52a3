import Foundation
import MinutesCore
import MinutesRules
import MinutesText

/// What the stages produced for one document, for commands that show more than the JSON.
public struct Analysis: Sendable {
    public var text: NormalizedText
    public var tree: Block
    public var document: MinutesDocument
}

/// The stages in order: load → normalise → segment → extract → resolve → emit.
/// Problems along the way become diagnostics on the document; only an input
/// that is not text at all stops the run.
public struct Pipeline: Sendable {
    public let rules: RuleBook
    public let segmenter: Segmenter
    let extractors: [any Extractor]
    /// Words whose full stop does not end a sentence (`text.abbreviation`).
    let abbreviations: Lexicon

    /// `compilingAhead`: start compiling, on a second thread, the patterns the
    /// extractors will search (see `searchOrder`), while this thread makes the
    /// segmenter and reads the first document.
    public init(rules: RuleBook, compilingAhead: Bool = false) {
        self.rules = rules
        if compilingAhead { RuleBook.compileInBackground(Pipeline.searchOrder(rules)) }
        segmenter = Segmenter(rules: SegmentationRules(
            itemHeadings: rules.rules(for: "items").filter { $0.yields == .item }.map(RuleHeadingMatcher.init),
            itemTableHeaders: rules.rules(for: "items").filter { $0.yields == .itemTableHeader }.map(RuleHeadingMatcher.init),
            attendanceHeadings: rules.rules(for: "attendance").filter { $0.yields == .attendanceHeading }.map(RuleHeadingMatcher.init),
            blockMarkers: rules.rules.filter { $0.yields == .blockMarker }.map(RuleHeadingMatcher.init)
        ))
        abbreviations = Lexicon(rules.rules(for: "text"), named: "abbreviation")
        extractors = [
            MeetingExtractor(rules: rules.rules(for: "meeting")),
            ItemExtractor(),
            AttendanceExtractor(rules: rules),
            RemoteAttendanceExtractor(rules: rules),
            DecisionExtractor(rules: rules),
            ActionExtractor(rules: rules),
            DateExtractor(rules: rules),
            AmountExtractor(rules: rules.rules(for: "amounts").filter { $0.yields == .money }),
        ]
    }

    /// The rules the extractors search, in about the order they first search
    /// them. Left out: fragments (a rule calling one carries its own copy) and
    /// the heading rules only the segmenter tries, anchored at line starts
    /// (that code compiles with the segmenter). A rule searched some other way
    /// compiles at its first search.
    static func searchOrder(_ rules: RuleBook) -> [Rule] {
        let stages = ["meeting", "people", "attendance", "decisions", "actions", "dates", "amounts"]
        let segmenterOnly: Set<Yield> = [.fragment, .item, .itemTableHeader, .blockMarker]
        return rules.rules.enumerated()
            .filter { !segmenterOnly.contains($0.element.yields) }
            .sorted { (stages.firstIndex(of: $0.element.dimension) ?? stages.count, $0.offset)
                < (stages.firstIndex(of: $1.element.dimension) ?? stages.count, $1.offset) }
            .map(\.element)
    }

    /// Runs every stage on bytes read from `path` (used for `source.path` and the format).
    /// A limit above `Normalizer.largestInput` is that.
    public func extract(bytes: [UInt8], path: String, format: SourceFormat? = nil, context: Context = Context(),
                        byteLimit: Int = Loader.defaultByteLimit) throws(InputError) -> MinutesDocument {
        let limit = min(byteLimit, Normalizer.largestInput)
        return try analyse(Loader.load(bytes: bytes, path: path, format: format, byteLimit: limit), context: context).document
    }

    public func analyse(_ input: LoadedInput, context: Context = Context()) -> Analysis {
        let text = Normalizer.normalize(input.text, format: input.source.format)
        // One pass finds every rule's trigger words; searches then look up where they are.
        text.findTriggers(rules.triggers)
        let tree = segmenter.segment(text)
        var document = MinutesDocument(source: input.source)
        if input.source.encoding == .windows1252 {
            document.diagnostics.append(Diagnostic(
                code: .legacyEncoding, severity: .note,
                message: "the file is not UTF-8; it was read as Windows-1252"))
        }
        if input.text.isBlank {
            document.diagnostics.append(Diagnostic(
                code: .emptyInput, severity: .warning,
                message: input.text.count == 0 ? "the file is empty: there is nothing to extract"
                    : "the file holds only white space: there is nothing to extract"))
        }
        let page = Page(text: text, tree: tree, context: context, abbreviations: abbreviations)
        for extractor in extractors {
            extractor.extract(from: page, into: &document)
        }
        // (Before the resolver, which puts the diagnostics in order.)
        document.diagnostics += Self.limitDiagnostics(text)
        Resolver.resolve(&document, context: context)
        return Analysis(text: text, tree: tree, document: document)
    }
}

extension Pipeline {
    /// The limits the segmenter and the extractors noted on the text where
    /// they had no diagnostics at hand, one diagnostic for each rule and
    /// stretch (a rule that gives up on many cells is reported once).
    static func limitDiagnostics(_ text: NormalizedText) -> [Diagnostic] {
        var seen = Set<String>()
        return text.limitHits.compactMap { hit in
            let key = "\(hit.rule) \(hit.range.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-")"
            guard seen.insert(key).inserted else { return nil }
            return .patternLimit(hit, span: hit.range.map { text.source.span(text.originalRange($0)) })
        }
    }
}

extension Diagnostic {
    /// A rule that ran into PCRE2's match or depth limit: what it would have found there is lost.
    static func patternLimit(_ hit: LimitHit, span: Span?) -> Diagnostic {
        let lost = hit.range == nil ? "on a word, cell or title it was tried on; what it would have found there is lost"
            : "its matches in this stretch are lost"
        return Diagnostic(
            code: .patternLimit, severity: .warning,
            message: "rule \(hit.rule) hit the pattern engine's limit (\(hit.reason)); \(lost). Simplify the pattern in \(hit.file):\(hit.line)",
            span: span, rule: hit.rule)
    }
}

/// The normalised text and its tree, as the extractors see them.
struct Page {
    let text: NormalizedText
    let tree: Block
    let context: Context
    /// Paragraphs, list entries and table cells, innermost first where they nest,
    /// sorted by start: where a sentence is looked for.
    let textBlocks: [Range<Int>]
    /// What one extractor works out that another needs too.
    let shared = SharedFindings()
    /// The agenda item blocks, in the order ItemExtractor gives them ids.
    let itemBlocks: [Block]
    /// Words whose full stop does not end a sentence.
    let abbreviations: Lexicon

    init(text: NormalizedText, tree: Block, context: Context, abbreviations: Lexicon) {
        self.text = text
        self.abbreviations = abbreviations
        self.tree = tree
        self.context = context
        var blocks: [Range<Int>] = []
        tree.walk { block in
            if [.paragraph, .listItem, .cell].contains(block.kind) { blocks.append(block.range) }
        }
        textBlocks = blocks.sorted { ($0.lowerBound, $0.count) < ($1.lowerBound, $1.count) }
        itemBlocks = Page.itemBlocks(of: tree)
    }

    var source: SourceText { text.source }

    /// Original text and span of a normalised range.
    func original(_ range: Range<Int>) -> (text: String, span: Span) {
        let r = text.originalRange(range)
        return (source.text(r), source.span(r))
    }

    /// The header: everything before the first agenda item, at most the first
    /// 4000 characters; without items, the lead of the document.
    var headerRange: Range<Int> {
        if let firstItem = tree.children.first(where: { $0.kind == .item }) {
            return 0..<min(firstItem.range.lowerBound, Page.headerLimit)
        }
        return leadRange
    }

    /// The head of the document up to its first paragraph of prose, at most the
    /// first 4000 characters. A single-item page or a report whose heading line
    /// names the meeting ("Meeting of the Panel, 17th June 2016 (Item 47.)")
    /// carries the meeting there, inside its one item.
    /// A document that opens with such a paragraph (a header run into one
    /// line with the register: "PARISH COUNCIL Minutes of the meeting held
    /// on … PRESENT …") has its lead in that paragraph.
    var leadRange: Range<Int> {
        var end = min(text.count, Page.headerLimit)
        var opening = true
        tree.walk { block in
            guard block.kind == .paragraph || block.kind == .listItem else { return }
            if block.range.count >= Page.proseLength {
                end = min(end, opening ? block.range.upperBound : block.range.lowerBound)
            }
            opening = false
        }
        return 0..<end
    }

    static let headerLimit = 4000
    /// A paragraph this long is prose, not a header line.
    static let proseLength = 150

    /// Where rule matches overlap, the longest wins, then the higher priority,
    /// then the one further left; the winners come back in document order.
    func longestFirst(_ candidates: [(rule: Rule, match: RuleMatch)]) -> [(rule: Rule, match: RuleMatch)] {
        longestFirst(candidates, range: \.match.range, priority: \.rule.priority)
    }

    /// The same for candidates of any shape, given where each lies and its rule's priority.
    func longestFirst<Candidate>(_ candidates: [Candidate], range: (Candidate) -> Range<Int>,
                                 priority: (Candidate) -> Int) -> [Candidate] {
        // Indices are sorted, not the candidates: a long document has many, each
        // large, and each comparison would copy two of them. The keys are read once.
        let keys = candidates.map { (range($0).count, priority($0), -range($0).lowerBound) }
        let ordered = keys.indices.sorted { keys[$0] > keys[$1] }
        // A bit a scalar: whether a match kept so far covers it.
        var covered = [UInt64](repeating: 0, count: text.count / 64 + 1)
        var kept: [Int] = []
        for i in ordered {
            let r = range(candidates[i])
            guard !r.isEmpty, !r.contains(where: { covered[$0 / 64] & 1 << UInt64($0 % 64) != 0 }) else { continue }
            for k in r { covered[k / 64] |= 1 << UInt64(k % 64) }
            kept.append(i)
        }
        return kept.sorted { range(candidates[$0]).lowerBound < range(candidates[$1]).lowerBound }.map { candidates[$0] }
    }

    /// Runs a rule where no list of diagnostics is at hand (a helper asked
    /// about one stretch): a PCRE2 limit is noted on the text and reported
    /// when the document is done, once for each rule and stretch.
    func matches(_ rule: Rule, in range: Range<Int>) -> [RuleMatch] {
        do {
            return try rule.matches(in: text, range: range)
        } catch {
            text.note(rule.limitHit(error, range: range))
            return []
        }
    }

    /// Runs a rule, turning a PCRE2 limit into a diagnostic instead of a hang.
    func matches(_ rule: Rule, in range: Range<Int>? = nil, diagnostics: inout [Diagnostic]) -> [RuleMatch] {
        do {
            return try rule.matches(in: text, range: range)
        } catch {
            diagnostics.append(.patternLimit(rule.limitHit(error, range: range),
                                             span: range.map { source.span(text.originalRange($0)) }))
            return []
        }
    }
}

/// One extractor per dimension of the output.
protocol Extractor: Sendable {
    func extract(from page: Page, into document: inout MinutesDocument)
}

/// Findings of one document that more than one extractor needs, worked out
/// by the first to ask. One document is read by one thread; the lock only
/// keeps the type honest about being shared.
final class SharedFindings: @unchecked Sendable {
    private let lock = NSLock()
    private var meetingDates: [Bool: String?] = [:]
    private var roster: (people: [Person], roster: Roster)?

    /// A roster of `people` (the document's people as an extractor finds
    /// them), made once for as long as the people stay the same.
    func roster(of people: [Person]) -> Roster {
        lock.lock()
        if let known = roster, known.people == people {
            lock.unlock()
            return known.roster
        }
        lock.unlock()
        let made = Roster(people: people)
        lock.lock()
        roster = (people, made)
        lock.unlock()
        return made
    }

    /// The next (`after`) or previous meeting's date, found by `find` the first time.
    func meetingDate(after: Bool, _ find: () -> String?) -> String? {
        lock.lock()
        if let known = meetingDates[after] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let found = find()
        lock.lock()
        meetingDates[after] = found
        lock.unlock()
        return found
    }
}
