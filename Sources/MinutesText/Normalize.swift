import Foundation
import CICU
import MinutesCore

/// A normalised copy of the source with, for every scalar, the range of
/// original scalars it came from. Patterns run on `utf8`; every match is
/// mapped back through `origin` so spans point into the original input.
/// The maps are kept as runs (most text is copied one for one, in runs of
/// one UTF-8 width), so the text costs a few bytes a character, not dozens.
public struct NormalizedText: Sendable {
    public let source: SourceText
    public let scalars: ScalarArray
    /// For each scalar, the original scalars it stands for.
    let origin: OriginMap
    /// The normalised text as UTF-8 (what PCRE2 sees).
    public let utf8: [UInt8]
    /// Byte offset of each scalar in `utf8`, and back.
    let offsets: ScalarOffsets
    /// Byte offsets of the line feeds in `utf8`, in order.
    let lineFeeds: [Int32]
    /// How many bytes before each byte offset are not white space: how far
    /// windows reach (`windows(around:in:reach:)`).
    let nonSpace: NonSpaceCounts
    /// Where each trigger word occurs, found once per document at its first use.
    private let triggerPositions = TriggerPositions()
    /// Pattern limits hit while the document was worked on (`note(_:)`).
    let limitLog = LimitLog()

    init(source: SourceText, built: Builder) {
        self.source = source
        utf8 = built.utf8
        scalars = built.isASCII ? ScalarArray(ascii: built.utf8) : ScalarArray(String(decoding: built.utf8, as: UTF8.self).unicodeScalars)
        origin = OriginMap(runs: built.origin, count: built.count)
        offsets = ScalarOffsets(runs: built.widths, scalarCount: built.count, byteCount: built.utf8.count)
        lineFeeds = built.lineFeeds
        nonSpace = NonSpaceCounts(spaceBits: built.spaceBits, byteCount: built.utf8.count)
    }

    /// Takes the normalised scalars in order and lays down the text and its maps.
    struct Builder: ScalarSink {
        var utf8: [UInt8] = []
        var count = 0
        var isASCII = true
        var origin: [OriginMap.Run] = []
        var widths: [ScalarOffsets.Run] = []
        var lineFeeds: [Int32] = []
        /// Bit `k % 64` of word `k / 64`: byte `k` belongs to white space (what
        /// `\s` matches: `isSpace(includingLineEnds: true)`).
        var spaceBits: [UInt64] = []

        /// `bytes` and `lines`: the source's UTF-8 length and line count, which
        /// the normalised text rarely exceeds. The text is kept as long as the
        /// document is worked on, and an array that outgrows its capacity
        /// doubles it.
        init(bytes: Int, lines: Int) {
            utf8.reserveCapacity(bytes + 16)
            spaceBits.reserveCapacity(bytes / 64 + 2)
            lineFeeds.reserveCapacity(lines + 1)
        }

        mutating func append(_ m: MappedScalar) {
            let at = utf8.count, v = m.scalar.value
            if v < 0x80 {
                // One byte: white space here is a space, a tab or a line end.
                utf8.append(UInt8(v))
                if v == 0x0A { lineFeeds.append(Int32(at)) }
                if at & 63 == 0 { spaceBits.append(0) }
                if v == 0x20 || (0x09...0x0D).contains(v) { spaceBits[at >> 6] |= 1 << UInt64(at & 63) }
            } else {
                if let encoded = UTF8.encode(m.scalar) { utf8.append(contentsOf: encoded) }
                isASCII = false
                let space = m.scalar.isSpace(includingLineEnds: true)
                for k in at..<utf8.count {
                    if k & 63 == 0 { spaceBits.append(0) }
                    if space { spaceBits[k >> 6] |= 1 << UInt64(k & 63) }
                }
            }
            OriginMap.extend(&origin, at: count, lower: m.lower, upper: m.upper)
            ScalarOffsets.extend(&widths, scalar: count, byte: at, width: utf8.count - at)
            count += 1
        }

        mutating func finish() {}
    }

    public var count: Int { scalars.count }

    /// Scalar range of a byte range of `utf8`.
    public func scalarRange(bytes: Range<Int>) -> Range<Int> {
        offsets.scalar(atByte: bytes.lowerBound)..<offsets.scalar(atByte: bytes.upperBound)
    }

    /// Whether any of `words` (ASCII letters in lower case) occurs wholly
    /// inside `range` (bytes). `owner` is the one asking (a rule): where its
    /// words occur is gathered once per text, so each ask is a look-up.
    public func contains(anyOf words: [[UInt8]], for owner: AnyObject, in range: Range<Int>) -> Bool {
        triggerPositions.positions(of: words, for: owner, in: utf8).contains { word in
            let first = word.at.partitionPoint { $0 >= range.lowerBound }
            return first < word.at.count && word.at[first] + word.length <= range.upperBound
        }
    }

    /// The stretches of `range` (bytes) around each occurrence of any of
    /// `words` (ASCII letters in lower case), widened by `reach` bytes and out
    /// to whole lines, merged: an occurrence inside a stretch carries it on as
    /// far past itself. A rule with trigger words only searches these.
    /// `owner` is the one asking (a rule): where each of its words occurs is
    /// looked up once per text.
    public func windows(around words: [[UInt8]], for owner: AnyObject, in range: Range<Int>, reach: Int) -> [Range<Int>] {
        var hits: [Range<Int>] = []
        for word in triggerPositions.positions(of: words, for: owner, in: utf8) {
            let first = word.at.partitionPoint { $0 >= range.lowerBound }, end = word.at.partitionPoint { $0 >= range.upperBound }
            hits += word.at[first..<end].lazy.map { $0..<($0 + word.length) }
        }
        hits.sort { $0.lowerBound < $1.lowerBound }
        return windows(around: hits, in: range, reach: reach, countingSpace: true)
    }

    /// The same around every match of `finder` in the whole text (found once
    /// per text): what a rule searches that names a fragment its matches contain.
    public func windows(aroundMatchesOf finder: Pattern, in range: Range<Int>, reach: Int) throws(PatternLimitExceeded) -> [Range<Int>] {
        let hits = try triggerPositions.matches(of: finder, in: utf8)
        let first = hits.partitionPoint { $0.lowerBound >= range.lowerBound }, end = hits.partitionPoint { $0.lowerBound >= range.upperBound }
        return windows(around: hits[first..<end], in: range, reach: reach, countingSpace: false)
    }

    /// The stretches around `hits` (byte ranges, sorted by start; one that
    /// starts inside `range` counts), as above. Unless `countingSpace`, the
    /// reach does not count white space (a pattern's `\s+` or `\s*` may run
    /// over any number of spaces and blank lines): it goes `reach` bytes of
    /// other characters, and over the white space on the way and where it
    /// ends, then out to the line end. (Trigger words reach 400 bytes of
    /// anything: far enough that only such a run could hide a match.)
    func windows<Hits: Collection<Range<Int>>>(around hits: Hits, in range: Range<Int>, reach: Int, countingSpace: Bool) -> [Range<Int>] {
        var made: [Range<Int>] = []
        for hit in hits {
            guard hit.lowerBound >= range.lowerBound, hit.lowerBound < range.upperBound else { continue }
            // `reach` bytes on (of other characters, and over the white space
            // after them), then out to the line feed, all within the range.
            let end = min(hit.upperBound, range.upperBound)
            let after = countingSpace ? min(range.upperBound, end + reach)
                : min(range.upperBound, nonSpace.firstOffset(reaching: nonSpace.before(end) + reach + 1) - 1)
            let feedAfter = lineFeeds.partitionPoint { Int($0) >= after }
            let hi = feedAfter < lineFeeds.count ? min(range.upperBound, Int(lineFeeds[feedAfter])) : range.upperBound
            if let last = made.last, hit.lowerBound < last.upperBound {
                // Inside the window just made: it reaches as far past this hit too.
                if hi > last.upperBound { made[made.count - 1] = last.lowerBound..<hi }
                continue
            }
            // The same back (over the white space before them).
            let target = nonSpace.before(hit.lowerBound) - reach
            let before = countingSpace ? max(range.lowerBound, hit.lowerBound - reach)
                : target <= 0 ? range.lowerBound : max(range.lowerBound, nonSpace.firstOffset(reaching: target))
            let feedBefore = lineFeeds.partitionPoint { Int($0) >= before } - 1
            let lo = max(range.lowerBound, feedBefore >= 0 ? Int(lineFeeds[feedBefore]) + 1 : 0)
            if let last = made.last, lo <= last.upperBound {
                made[made.count - 1] = last.lowerBound..<max(last.upperBound, hi)
            } else {
                made.append(lo..<hi)
            }
        }
        return made
    }

    /// Finds every occurrence of `words` (lower-case ASCII) in one pass, for
    /// `windows(around:…)` to use: call it once with all the trigger words of
    /// the rules that will search this text.
    public func findTriggers(_ set: TriggerSet) {
        triggerPositions.find(set, in: utf8)
    }

    /// Byte range of a scalar range.
    public func byteRange(scalars range: Range<Int>) -> Range<Int> {
        offsets.byte(atScalar: range.lowerBound)..<offsets.byte(atScalar: range.upperBound)
    }

    /// The original range that normalised scalars `range` stand for.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < count ? origin[range.lowerBound].lowerBound : source.count
            return at..<at
        }
        return origin[range.lowerBound].lowerBound..<origin[range.upperBound - 1].upperBound
    }

    /// The span in the original input of normalised scalars `range`.
    public func span(_ range: Range<Int>) -> Span {
        source.span(originalRange(range))
    }

    /// Normalised text of a scalar range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[byteRange(scalars: range)], as: UTF8.self)
    }
}

struct MappedScalar {
    var scalar: Unicode.Scalar
    var lower: Int32
    var upper: Int32
}

/// A stage of normalisation: takes scalars one by one, each with the
/// original range it stands for, and passes what it makes to the next.
/// The stages run together over the text, so no stage's whole output is held.
protocol ScalarSink {
    mutating func append(_ m: MappedScalar)
    /// The input has ended: whatever is held back goes on.
    mutating func finish()
}

/// Builds the normalised copy: markup dropped, ICU NFKC, spaces, quotes,
/// dashes and bullets made plain, line ends made LF, invisible characters removed.
public enum Normalizer {
    /// The largest input, in bytes, whose offsets fit the 32-bit maps above:
    /// NFKC makes UTF-8 at most 11 times longer (U+FDFA), markup no longer.
    public static let largestInput = 128 << 20

    public static func normalize(_ source: SourceText, format: SourceFormat) -> NormalizedText {
        var stages = Markup.Output(next: NFKC(next: PlainForms(next: NormalizedText.Builder(bytes: source.utf8Count, lines: source.lineStarts.count))))
        Markup.strip(source.scalars, format: format, into: &stages)
        stages.finish()
        return NormalizedText(source: source, built: stages.next.next.next)
    }

    /// NFKC through ICU, chunk by chunk between normalisation boundaries, so
    /// each output scalar maps to the original range of its chunk.
    struct NFKC<Next: ScalarSink>: ScalarSink {
        var next: Next
        /// The chunk read so far: it ends where a scalar starts afresh. A chunk
        /// of one scalar (nearly every one) is `held`, not put in the array.
        private var held: MappedScalar?
        private var chunk: [MappedScalar] = []

        init(next: Next) { self.next = next }

        mutating func append(_ m: MappedScalar) {
            if held != nil || !chunk.isEmpty {
                if m.scalar.isASCII || cicu_nfkc_boundary_before(m.scalar.value) == 1 {
                    flush()
                } else {
                    // A scalar that joins the one before (a combining mark).
                    if let h = held {
                        chunk.append(h)
                        held = nil
                    }
                    chunk.append(m)
                    return
                }
            }
            held = m
        }

        mutating func finish() {
            flush()
            next.finish()
        }

        private mutating func flush() {
            if let h = held {
                held = nil
                if h.scalar.isASCII || cicu_nfkc_inert(h.scalar.value) == 1 { next.append(h) } else { compose([h]) }
            } else if !chunk.isEmpty {
                compose(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }

        /// The NFKC form of a chunk, every scalar of it mapped to the whole chunk's original.
        private mutating func compose(_ chunk: [MappedScalar]) {
            guard let first = chunk.first else { return }
            let units = Array(String(String.UnicodeScalarView(chunk.map(\.scalar))).utf16)
            let upper = chunk.map(\.upper).max() ?? first.upper
            for scalar in Normalizer.icuNFKC(units) ?? chunk.map(\.scalar) {
                next.append(MappedScalar(scalar: scalar, lower: first.lower, upper: upper))
            }
        }
    }

    private static func icuNFKC(_ units: [UInt16]) -> [Unicode.Scalar]? {
        var capacity = units.count * 4 + 8
        while true {
            var dest = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let n = units.withUnsafeBufferPointer { src in
                dest.withUnsafeMutableBufferPointer { d in
                    cicu_nfkc(src.baseAddress, Int32(src.count), d.baseAddress, Int32(d.count), &status)
                }
            }
            if status == 15 { capacity = Int(n) + 1; continue }  // U_BUFFER_OVERFLOW_ERROR
            guard status <= 0 else { return nil }
            return Array(String(decoding: dest[0..<Int(n)], as: UTF16.self).unicodeScalars)
        }
    }

    /// Plain forms of spaces, quotes, dashes, bullets and line ends.
    struct PlainForms<Next: ScalarSink>: ScalarSink {
        var next: Next
        private var atLineStart = true
        /// A carriage return, held until the next scalar says whether a line feed joins it.
        private var heldReturn: MappedScalar?

        init(next: Next) { self.next = next }

        mutating func append(_ m: MappedScalar) {
            if var cr = heldReturn {
                heldReturn = nil
                if m.scalar.value == 0x0A {
                    cr.upper = m.upper
                    emit(cr)
                    return
                }
                emit(cr)
            }
            var m = m
            switch m.scalar.value {
            case 0x0D:
                m.scalar = "\n"
                heldReturn = m
                return
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x000B, 0x000C:
                m.scalar = " "
            case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF:
                return
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032:
                m.scalar = "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
                m.scalar = "\""
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
                m.scalar = "-"
            case 0x2022, 0x00B7, 0x25E6, 0x25AA, 0x25AB, 0x25CF, 0x25CB, 0x25A0, 0x25A1,
                 0x2023, 0x2043, 0x27A2, 0x27A4, 0x2219, 0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC:
                m.scalar = "•"
            case 0x00A7 where atLineStart:
                m.scalar = "•"
            default:
                break
            }
            emit(m)
        }

        mutating func finish() {
            if let cr = heldReturn { emit(cr) }
            heldReturn = nil
            next.finish()
        }

        private mutating func emit(_ m: MappedScalar) {
            if m.scalar == "\n" || m.scalar == "\u{2029}" {
                atLineStart = true
            } else if m.scalar != " " && m.scalar != "\t" {
                atLineStart = false
            }
            next.append(m)
        }
    }
}

/// Where each trigger word occurs in one document's lower-cased text: found
/// by one pass over the text for all the rule book's words (`findTriggers`),
/// or by a scan for one word the first time a rule asks; then shared by
/// every later search (rules search many blocks of a document, each around
/// the same words). The same for the fragments `near` rules search around.
final class TriggerPositions: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [[UInt8]: [Int]] = [:]

    func of(_ word: [UInt8], in text: [UInt8]) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let positions = found[word] { return positions }
        let positions = TriggerSet(words: [word]).positions(in: text)[0]
        found[word] = positions
        return positions
    }

    /// For each owner of a list of trigger words (a rule; kept, so its
    /// identity stays its own), where each of its words occurs: the arrays
    /// of `found`, shared, not copied (a long document's merged lists, one a
    /// rule, would outgrow the text itself).
    private var gathered: [ObjectIdentifier: (owner: AnyObject, words: [(length: Int, at: [Int])])] = [:]

    /// Where each of `words` (the empty one left out) occurs in `text`: looked
    /// up word by word at `owner`'s first ask, at once after. An owner always
    /// asks with the same words (a rule's triggers are fixed when it is made).
    func positions(of words: [[UInt8]], for owner: AnyObject, in text: [UInt8]) -> [(length: Int, at: [Int])] {
        lock.lock()
        if let known = gathered[ObjectIdentifier(owner)] {
            lock.unlock()
            return known.words
        }
        lock.unlock()
        let found = words.filter { !$0.isEmpty }.map { (length: $0.count, at: of($0, in: text)) }
        lock.lock()
        defer { lock.unlock() }
        gathered[ObjectIdentifier(owner)] = (owner, found)
        return found
    }

    /// Each finder asked about (kept, so its identity stays its own) and what it found.
    private var matched: [ObjectIdentifier: (finder: Pattern, found: Result<[Range<Int>], PatternLimitExceeded>)] = [:]

    /// Where `finder` matches in `text` (the whole normalised text), found at
    /// the first ask; a limit it hit is given again to every later ask.
    func matches(of finder: Pattern, in text: [UInt8]) throws(PatternLimitExceeded) -> [Range<Int>] {
        lock.lock()
        defer { lock.unlock() }
        if let known = matched[ObjectIdentifier(finder)] { return try known.found.get() }
        let found: Result<[Range<Int>], PatternLimitExceeded>
        do { found = .success(try finder.matches(in: text).map(\.range)) } catch { found = .failure(error) }
        matched[ObjectIdentifier(finder)] = (finder, found)
        return try found.get()
    }

    func find(_ set: TriggerSet, in text: [UInt8]) {
        let positions = set.positions(in: text)
        lock.lock()
        defer { lock.unlock() }
        for (word, at) in zip(set.words, positions) { found[word] = at }
    }
}

/// A rule book's trigger words (lower-case ASCII), arranged to find them all
/// in one pass over a text: each position is compared only with the words
/// that start with the two bytes found there.
public struct TriggerSet: Sendable {
    public let words: [[UInt8]]
    /// Words of one byte, and for each pair of first bytes, the words starting so.
    private let single: [Int]
    private let byPair: [UInt16: [Int]]

    public init(words: [[UInt8]]) {
        self.words = words
        var single: [Int] = []
        var byPair: [UInt16: [Int]] = [:]
        for (w, word) in words.enumerated() where !word.isEmpty {
            if word.count == 1 { single.append(w) } else { byPair[UInt16(word[0]) << 8 | UInt16(word[1]), default: []].append(w) }
        }
        self.single = single
        self.byPair = byPair
    }

    /// For each word, where it starts in `text` with its ASCII letters in lower case, in order.
    public func positions(in text: [UInt8]) -> [[Int]] {
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b + 32 : b }
        var found = [[Int]](repeating: [], count: words.count)
        // Which pairs start a word, as a bit table, so most positions cost one lookup.
        var pairs = [UInt64](repeating: 0, count: 1024)
        for key in byPair.keys { pairs[Int(key) >> 6] |= 1 << UInt64(key & 63) }
        text.withUnsafeBufferPointer { text in
            pairs.withUnsafeBufferPointer { pairs in
                guard text.count >= 2 else { return }
                for i in 0..<(text.count - 1) {
                    let key = UInt16(lower(text[i])) << 8 | UInt16(lower(text[i + 1]))
                    guard pairs[Int(key) >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                    for w in byPair[key] ?? [] {
                        let word = words[w]
                        guard i + word.count <= text.count else { continue }
                        var k = 2
                        while k < word.count, lower(text[i + k]) == word[k] { k += 1 }
                        if k == word.count { found[w].append(i) }
                    }
                }
            }
            for w in single {
                for i in 0..<text.count where lower(text[i]) == words[w][0] { found[w].append(i) }
            }
        }
        return found
    }
}
