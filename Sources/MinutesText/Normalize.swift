import Foundation
import CICU
import MinutesCore

/// A normalised copy of the source with, for every scalar, the range of
/// original scalars it came from. Patterns run on `utf8`; every match is
/// mapped back through `origin` so spans point into the original input.
public struct NormalizedText: Sendable {
    public let source: SourceText
    public let scalars: [Unicode.Scalar]
    /// For scalar `i`: the original scalars `lower[i]..<upper[i]` it stands for.
    let lower: [Int32]
    let upper: [Int32]
    /// The normalised text as UTF-8 (what PCRE2 sees) and, for each byte
    /// offset (and the end), the scalar offset it belongs to.
    public let utf8: [UInt8]
    let scalarAtByte: [Int32]
    /// Byte offset at which each scalar starts (plus the end).
    let byteAtScalar: [Int32]
    /// `utf8` with ASCII letters in lower case, for finding a rule's trigger words.
    public let lowerUTF8: [UInt8]
    /// Byte offsets of the line feeds in `utf8`, in order.
    let lineFeeds: [Int32]
    /// For each byte offset (and the end), how many bytes before it are not
    /// white space (what `\s` matches: `isSpace(includingLineEnds: true)`):
    /// how far windows reach (`windows(around:in:reach:)`).
    let nonSpaceBefore: [Int32]
    /// Where each trigger word occurs, found once per document at its first use.
    private let triggerPositions = TriggerPositions()

    init(source: SourceText, mapped: [MappedScalar]) {
        self.source = source
        // Every array is written through a pointer in one pass over the scalars
        // and one over the bytes: appending to seven arrays cost more than the rest.
        let n = mapped.count
        let scalars = Scratch<Unicode.Scalar>(n), lower = Scratch<Int32>(n), upper = Scratch<Int32>(n)
        let byteAt = Scratch<Int32>(n + 1)
        var byteCount = 0
        for (i, m) in mapped.enumerated() {
            scalars[i] = m.scalar
            lower[i] = m.lower
            upper[i] = m.upper
            byteAt[i] = Int32(byteCount)
            byteCount += UTF8.width(m.scalar)
        }
        byteAt[n] = Int32(byteCount)
        let bytes = Scratch<UInt8>(byteCount), lowerBytes = Scratch<UInt8>(byteCount), scalarAt = Scratch<Int32>(byteCount + 1)
        let nonSpace = Scratch<Int32>(byteCount + 1)
        var feeds: [Int32] = []
        var k = 0, counted: Int32 = 0
        for (i, m) in mapped.enumerated() {
            let v = m.scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                bytes[k] = b
                lowerBytes[k] = b >= 0x41 && b <= 0x5A ? b + 32 : b
                scalarAt[k] = Int32(i)
                nonSpace[k] = counted
                if !m.scalar.isSpace(includingLineEnds: true) { counted += 1 }
                if b == 0x0A { feeds.append(Int32(k)) }
                k += 1
                continue
            }
            let space = m.scalar.isSpace(includingLineEnds: true)
            for b in UTF8.encode(m.scalar)! {
                bytes[k] = b
                lowerBytes[k] = b
                scalarAt[k] = Int32(i)
                nonSpace[k] = counted
                if !space { counted += 1 }
                k += 1
            }
        }
        assert(k == byteCount)
        scalarAt[byteCount] = Int32(n)
        nonSpace[byteCount] = counted
        self.scalars = scalars.array
        self.lower = lower.array
        self.upper = upper.array
        byteAtScalar = byteAt.array
        utf8 = bytes.array
        lowerUTF8 = lowerBytes.array
        scalarAtByte = scalarAt.array
        nonSpaceBefore = nonSpace.array
        lineFeeds = feeds
    }


    public var count: Int { scalars.count }

    /// Scalar range of a byte range of `utf8`.
    public func scalarRange(bytes: Range<Int>) -> Range<Int> {
        Int(scalarAtByte[bytes.lowerBound])..<Int(scalarAtByte[bytes.upperBound])
    }

    /// Whether any of `words` (ASCII letters in lower case) occurs wholly inside `range` (bytes).
    public func contains(anyOf words: [[UInt8]], in range: Range<Int>) -> Bool {
        words.contains { word in
            let positions = triggerPositions.of(word, in: lowerUTF8)
            let first = positions.partitionPoint { $0 >= range.lowerBound }
            return first < positions.count && positions[first] + word.count <= range.upperBound
        }
    }

    /// The stretches of `range` (bytes) around each occurrence of any of
    /// `words` (ASCII letters in lower case), widened by `reach` bytes and out
    /// to whole lines, merged: an occurrence inside a stretch carries it on as
    /// far past itself. A rule with trigger words only searches these.
    public func windows(around words: [[UInt8]], in range: Range<Int>, reach: Int) -> [Range<Int>] {
        var hits: [Range<Int>] = []
        for word in words where !word.isEmpty {
            let positions = triggerPositions.of(word, in: lowerUTF8)
            let first = positions.partitionPoint { $0 >= range.lowerBound }, end = positions.partitionPoint { $0 >= range.upperBound }
            hits += positions[first..<end].lazy.map { $0..<($0 + word.count) }
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
                : min(range.upperBound, nonSpaceBefore.partitionPoint { Int($0) > Int(nonSpaceBefore[end]) + reach } - 1)
            let feedAfter = lineFeeds.partitionPoint { Int($0) >= after }
            let hi = feedAfter < lineFeeds.count ? min(range.upperBound, Int(lineFeeds[feedAfter])) : range.upperBound
            if let last = made.last, hit.lowerBound < last.upperBound {
                // Inside the window just made: it reaches as far past this hit too.
                if hi > last.upperBound { made[made.count - 1] = last.lowerBound..<hi }
                continue
            }
            // The same back (over the white space before them).
            let target = Int(nonSpaceBefore[hit.lowerBound]) - reach
            let before = countingSpace ? max(range.lowerBound, hit.lowerBound - reach)
                : target <= 0 ? range.lowerBound : max(range.lowerBound, nonSpaceBefore.partitionPoint { Int($0) >= target })
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
        triggerPositions.find(set, in: lowerUTF8)
    }

    /// Byte range of a scalar range.
    public func byteRange(scalars range: Range<Int>) -> Range<Int> {
        Int(byteAtScalar[range.lowerBound])..<Int(byteAtScalar[range.upperBound])
    }

    /// The original range that normalised scalars `range` stand for.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < count ? Int(lower[range.lowerBound]) : source.count
            return at..<at
        }
        return Int(lower[range.lowerBound])..<Int(upper[range.upperBound - 1])
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

/// A buffer of `count` elements written one by one, then copied out as an array.
private final class Scratch<Element: BitwiseCopyable> {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ count: Int) { buffer = .allocate(capacity: count) }
    deinit { buffer.deallocate() }

    subscript(i: Int) -> Element {
        get { buffer[i] }
        set { buffer.initializeElement(at: i, to: newValue) }
    }

    /// The elements, every one of which must have been written.
    var array: [Element] { Array(buffer) }
}

struct MappedScalar {
    var scalar: Unicode.Scalar
    var lower: Int32
    var upper: Int32
}

/// Builds the normalised copy: markup dropped, ICU NFKC, spaces, quotes,
/// dashes and bullets made plain, line ends made LF, invisible characters removed.
public enum Normalizer {
    /// The largest input, in bytes, whose offsets fit the 32-bit maps above:
    /// NFKC makes UTF-8 at most 11 times longer (U+FDFA), markup no longer.
    public static let largestInput = 128 << 20

    public static func normalize(_ source: SourceText, format: SourceFormat) -> NormalizedText {
        let unmarked = Markup.strip(source.scalars, format: format)
        let composed = nfkc(unmarked)
        return NormalizedText(source: source, mapped: plain(composed))
    }

    /// NFKC through ICU, chunk by chunk between normalisation boundaries, so
    /// each output scalar maps to the original range of its chunk.
    static func nfkc(_ input: [MappedScalar]) -> [MappedScalar] {
        var out: [MappedScalar] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let s = input[i].scalar
            let nextStartsAfresh = i + 1 == input.count || input[i + 1].scalar.isASCII
                || cicu_nfkc_boundary_before(input[i + 1].scalar.value) == 1
            if nextStartsAfresh && (s.isASCII || cicu_nfkc_inert(s.value) == 1) {
                out.append(input[i])
                i += 1
                continue
            }
            var j = i + 1
            while j < input.count, cicu_nfkc_boundary_before(input[j].scalar.value) == 0 { j += 1 }
            let chunk = input[i..<j]
            let units = Array(String(String.UnicodeScalarView(chunk.map(\.scalar))).utf16)
            let lower = chunk.first!.lower, upper = chunk.map(\.upper).max()!
            for scalar in icuNFKC(units) ?? chunk.map(\.scalar) {
                out.append(MappedScalar(scalar: scalar, lower: lower, upper: upper))
            }
            i = j
        }
        return out
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
    static func plain(_ input: [MappedScalar]) -> [MappedScalar] {
        var out: [MappedScalar] = []
        out.reserveCapacity(input.count)
        var atLineStart = true
        var i = 0
        while i < input.count {
            var m = input[i]
            let v = m.scalar.value
            i += 1
            switch v {
            case 0x0D:
                if i < input.count, input[i].scalar.value == 0x0A {
                    m.upper = input[i].upper
                    i += 1
                }
                m.scalar = "\n"
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x000B, 0x000C:
                m.scalar = " "
            case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF:
                continue
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
            if m.scalar == "\n" || m.scalar == "\u{2029}" {
                atLineStart = true
            } else if m.scalar != " " && m.scalar != "\t" {
                atLineStart = false
            }
            out.append(m)
        }
        return out
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

    /// For each word, where it starts in `text`, in order.
    public func positions(in text: [UInt8]) -> [[Int]] {
        var found = [[Int]](repeating: [], count: words.count)
        // Which pairs start a word, as a bit table, so most positions cost one lookup.
        var pairs = [UInt64](repeating: 0, count: 1024)
        for key in byPair.keys { pairs[Int(key) >> 6] |= 1 << UInt64(key & 63) }
        text.withUnsafeBufferPointer { text in
            pairs.withUnsafeBufferPointer { pairs in
                guard text.count >= 2 else { return }
                for i in 0..<(text.count - 1) {
                    let key = UInt16(text[i]) << 8 | UInt16(text[i + 1])
                    guard pairs[Int(key) >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                    for w in byPair[key]! {
                        let word = words[w]
                        guard i + word.count <= text.count else { continue }
                        var k = 2
                        while k < word.count, text[i + k] == word[k] { k += 1 }
                        if k == word.count { found[w].append(i) }
                    }
                }
            }
            for w in single {
                for i in 0..<text.count where text[i] == words[w][0] { found[w].append(i) }
            }
        }
        return found
    }
}
