import CPCRE2
import Foundation

/// Why a pattern did not compile: PCRE2's message and the offset in the pattern.
public struct PatternError: Error, Equatable, Sendable {
    public var message: String
    /// Offset (in bytes) into the pattern where PCRE2 stopped.
    public var offset: Int
}

/// A pattern ran into PCRE2's match or depth limit on some text.
public struct PatternLimitExceeded: Error, Equatable, Sendable {
    public var pattern: String
    public var reason: String
}

/// One match: the byte range in the subject buffer and the byte ranges of named groups.
public struct PatternMatch: Sendable, Equatable {
    public var range: Range<Int>
    public var groups: [String: Range<Int>]
}

/// A PCRE2 pattern (UTF, Unicode properties, JIT where available), run with
/// match and depth limits so no pattern can run away.
///
/// `Pattern(_:options:)` compiles at once and reports a broken pattern;
/// `Pattern(deferred:options:)` is for patterns already known to compile
/// (the bundled rules, checked when the tool is built): it compiles at its
/// first search, so a run pays only for the patterns a document needs.
/// Either may be searched from several threads at once.
public final class Pattern: @unchecked Sendable {
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let caseless = Options(rawValue: 1)
        public static let multiline = Options(rawValue: 2)
        public static let extended = Options(rawValue: 4)
        public static let dotAll = Options(rawValue: 8)
    }

    /// Backtracking steps allowed per match attempt.
    public static let matchLimit: UInt32 = 2_000_000
    /// Nesting depth allowed (interpreter only; JIT has its own stack bound).
    public static let depthLimit: UInt32 = 10_000

    public let source: String
    public let options: Options
    private let lock = NSLock()
    private var compiled: Compiled?
    /// The same pattern compiled to match only where a search starts (PCRE2
    /// runs an anchored search of the ordinary code in its interpreter).
    private var anchored: Compiled?

    public init(_ source: String, options: Options = []) throws(PatternError) {
        self.source = source
        self.options = options
        compiled = try Compiled(source, options: options)
    }

    public init(deferred source: String, options: Options = []) {
        self.source = source
        self.options = options
    }

    /// Whether the pattern has been compiled (for searching).
    var isCompiled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return compiled != nil
    }

    /// Compiles now if that has not happened yet.
    public func compile() throws(PatternError) {
        _ = try code()
    }

    /// The named groups, in group-number order.
    public var groupNames: [String] {
        get throws(PatternError) { try code().groupNumbers.map(\.name) }
    }

    /// The fewest characters (bytes) a match can span, as PCRE2 works it out; 0
    /// for a pattern that can match the empty string (`z*`, `(?=x)`).
    public var minimumLength: Int {
        get throws(PatternError) {
            var length: UInt32 = 0
            pcre2_pattern_info_8(try code().code, UInt32(PCRE2_INFO_MINLENGTH), &length)
            return Int(length)
        }
    }

    /// Whether PCRE2's JIT compiled the pattern.
    public var isJIT: Bool {
        get throws(PatternError) { try code().isJIT }
    }

    /// Whether PCRE2 knows which characters a match can start with (a first
    /// character, a set of first bytes, or the start of a line), and so skips
    /// the rest of the text; a pattern without is tried at every position.
    public var knowsWhereMatchesStart: Bool {
        get throws(PatternError) { Pattern.knowsWhereMatchesStart(try code().code) }
    }

    /// The same for `source` not yet made a pattern (compiled without JIT to
    /// ask); nil when it does not compile.
    public static func knowsWhereMatchesStart(_ source: String, options: Options) -> Bool? {
        guard let code = compiledWithoutJIT(source, flags: compileFlags(options, anchored: false)) else { return nil }
        defer { pcre2_code_free_8(code) }
        return knowsWhereMatchesStart(code)
    }

    /// The characters a match of `source` can start with, as a character
    /// class (`[\x41\x61]`, with `|[^\x00-\x7F]` for any non-ASCII
    /// character when one can start it), from what PCRE2 works out compiling
    /// it; nil when PCRE2 does not know, or the pattern does not compile. A
    /// lookahead of it changes no match and lets PCRE2 skip other positions.
    public static func firstCharacters(of source: String, options: Options) -> String? {
        guard let code = compiledWithoutJIT(source, flags: compileFlags(options, anchored: false)) else { return nil }
        defer { pcre2_code_free_8(code) }
        guard let bits = Compiled.firstBytes(code) else { return nil }
        func has(_ byte: Int) -> Bool { bits[byte >> 6] & (1 << UInt64(byte & 63)) != 0 }
        var ascii = ""
        for byte in 0..<0x80 where has(byte) {
            let hex = String(byte, radix: 16, uppercase: true)
            ascii += "\\x" + (hex.count == 1 ? "0" + hex : hex)
        }
        let beyondASCII = (0x80..<0x100).contains(where: has)
        switch (ascii.isEmpty, beyondASCII) {
        case (true, false): return nil
        case (true, true): return "[^\\x00-\\x7F]"
        case (false, false): return "[\(ascii)]"
        case (false, true): return "[\(ascii)]|[^\\x00-\\x7F]"
        }
    }

    /// A pattern that matches wherever `source` does and perhaps elsewhere,
    /// only to ask PCRE2 where matches can start (`firstCharacters`): it
    /// cannot tell that through a Unicode property, so `\p{L}`, `\p{Lu}`,
    /// `\p{Ll}`, `\s` and `\w` are widened to their ASCII characters and
    /// every non-ASCII one. Inside a negated class a property is left as it
    /// is (widening it there would narrow the class).
    public static func widenedProperties(_ source: String) -> String {
        let ascii: [String: String] = ["{L}": "A-Za-z", "{Lu}": "A-Z", "{Ll}": "a-z"]
        let beyondASCII = "\\x{80}-\\x{10FFFF}"
        var pieces = PatternPieces(source)
        let bytes = pieces.bytes
        var out = ""
        var open = false, negated = false
        while let piece = pieces.next() {
            switch piece {
            case .other(let range, let inClass):
                if inClass, !open {
                    open = true
                    negated = range.count > 1 && bytes[range.lowerBound + 1] == 0x5E  // "[^"
                } else if inClass, range.count == 1, bytes[range.lowerBound] == 0x5D {  // "]"
                    open = false
                }
                out += String(decoding: bytes[range], as: UTF8.self)
            case .quoted(let range):
                out += String(decoding: bytes[range], as: UTF8.self)
            case .escape(let range, let inClass):
                let letter = bytes[range.lowerBound + 1]
                var widened: String?
                if !(inClass && negated) {
                    if letter == 0x70,  // \p{…}
                       let name = ascii.keys.first(where: { bytes[range.upperBound...].starts(with: $0.utf8) }) {
                        widened = (ascii[name] ?? "") + beyondASCII
                        pieces.position = range.upperBound + name.utf8.count
                    } else if letter == 0x73 {  // \s
                        widened = "\\x{09}-\\x{0D}\\x{20}" + beyondASCII
                    } else if letter == 0x77 {  // \w
                        widened = "0-9A-Za-z_" + beyondASCII
                    }
                }
                if let widened {
                    out += inClass ? widened : "[" + widened + "]"
                } else {
                    out += String(decoding: bytes[range], as: UTF8.self)
                }
            }
        }
        return out
    }

    private static func knowsWhereMatchesStart(_ code: OpaquePointer) -> Bool {
        var type: UInt32 = 0
        var bitmap: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
        return type != 0 || bitmap != nil || anchorsItself(code)
    }

    /// Whether the pattern matches only at the start of the subject (`^`, `\A`).
    private static func anchorsItself(_ code: OpaquePointer) -> Bool {
        var all: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_ALLOPTIONS), &all)
        return all & PCRE2_ANCHORED != 0
    }

    private static func compileFlags(_ options: Options, anchored: Bool) -> UInt32 {
        // No `\C`: it matches one byte and so can split a UTF-8 character,
        // leaving offsets inside one, where no search may start.
        var flags: UInt32 = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C
        if anchored { flags |= PCRE2_ANCHORED }
        if options.contains(.caseless) { flags |= PCRE2_CASELESS }
        if options.contains(.multiline) { flags |= PCRE2_MULTILINE }
        if options.contains(.extended) { flags |= PCRE2_EXTENDED }
        if options.contains(.dotAll) { flags |= PCRE2_DOTALL }
        return flags
    }

    private static func compiledWithoutJIT(_ source: String, flags: UInt32) -> OpaquePointer? {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        return compiledWithoutJIT(source, flags: flags, errorCode: &errorCode, errorOffset: &errorOffset)
    }

    private static func compiledWithoutJIT(_ source: String, flags: UInt32, errorCode: inout Int32, errorOffset: inout Int) -> OpaquePointer? {
        var source = source
        return source.withUTF8 { pcre2_compile_8($0.baseAddress, $0.count, flags, &errorCode, &errorOffset, nil) }
    }

    /// The compiled code, made at the first call: for searching, or `anchored`
    /// to match only where a search starts.
    private func code(anchored: Bool = false) throws(PatternError) -> Compiled {
        lock.lock()
        defer { lock.unlock() }
        if let made = anchored ? self.anchored : compiled { return made }
        let made = try Compiled(source, options: options, anchored: anchored)
        if anchored { self.anchored = made } else { compiled = made }
        return made
    }

    private func compiledForSearch(anchored: Bool = false) -> Compiled {
        do { return try code(anchored: anchored) } catch {
            // Only a deferred pattern can get here, and the tests compile every bundled pattern.
            preconditionFailure("pattern \(source) does not compile: \(error.message) at offset \(error.offset)")
        }
    }

    private func check(_ rc: Int32) throws(PatternLimitExceeded) {
        if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT
            || rc == PCRE2_ERROR_HEAPLIMIT
        {
            throw PatternLimitExceeded(pattern: source, reason: Pattern.message(for: rc))
        }
    }

    /// PCRE2's compiled code and match context, freed with the pattern.
    private final class Compiled: @unchecked Sendable {
        let code: OpaquePointer
        let context: OpaquePointer
        let groupNumbers: [(name: String, number: Int)]
        let isJIT: Bool
        /// For code compiled to match only where asked: where such a match can start.
        let start: AnchoredStart

        /// For search code compiled from `droppingSubjectStart(_:options:)`:
        /// the pattern as written (without JIT), for the one place its `^` can
        /// match, the start of the subject.
        let subjectStart: OpaquePointer?

        init(_ source: String, options: Options, anchored: Bool = false) throws(PatternError) {
            let flags = Pattern.compileFlags(options, anchored: anchored)
            var errorCode: Int32 = 0
            var errorOffset: Int = 0
            guard let written = Pattern.compiledWithoutJIT(source, flags: flags, errorCode: &errorCode, errorOffset: &errorOffset) else {
                throw PatternError(message: Pattern.message(for: errorCode), offset: errorOffset)
            }
            var compiled = written
            if !anchored, let elsewhere = Pattern.droppingSubjectStart(source, options: options),
               let code = Pattern.compiledWithoutJIT(elsewhere, flags: flags, errorCode: &errorCode, errorOffset: &errorOffset) {
                compiled = code
                subjectStart = written
            } else {
                subjectStart = nil
            }
            code = compiled
            isJIT = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
            context = pcre2_match_context_create_8(nil)
            pcre2_set_match_limit_8(context, Pattern.matchLimit)
            pcre2_set_depth_limit_8(context, Pattern.depthLimit)
            groupNumbers = Pattern.namedGroups(compiled)
            guard anchored else {
                start = AnchoredStart(firstBytes: nil, onlyAtSubjectStart: false)
                return
            }
            // Anchored code cannot tell whether the pattern anchors itself; the
            // pattern compiled as written can (without JIT, once). PCRE2 also
            // calls anchored a pattern that starts with \G (the search's start)
            // or with .* under dotall; either can match further on, so neither
            // counts (\G anywhere, to be safe).
            let onlyAtSubjectStart = !source.contains("\\G")
                && Pattern.compiledWithoutJIT(source, flags: flags & ~PCRE2_ANCHORED | PCRE2_NO_DOTSTAR_ANCHOR).map { code in
                    defer { pcre2_code_free_8(code) }
                    return Pattern.anchorsItself(code)
                } ?? false
            start = AnchoredStart(firstBytes: Compiled.firstBytes(compiled), onlyAtSubjectStart: onlyAtSubjectStart)
        }

        fileprivate static func firstBytes(_ code: OpaquePointer) -> [UInt64]? {
            var type: UInt32 = 0
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type)
            if type == 1 {
                var unit: UInt32 = 0
                pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit)
                // PCRE2 does not say whether the unit stands for both cases: allow both.
                guard unit < 0x80, let scalar = Unicode.Scalar(unit) else { return nil }
                var bits = [UInt64](repeating: 0, count: 4)
                for byte in Array(String(scalar).lowercased().utf8) + Array(String(scalar).uppercased().utf8) {
                    bits[Int(byte) >> 6] |= 1 << (UInt64(byte) & 63)
                }
                return bits
            }
            var bitmap: UnsafePointer<UInt8>?
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
            guard type == 0, let bitmap else { return nil }
            var bits = [UInt64](repeating: 0, count: 4)
            for byte in 0..<256 where bitmap[byte >> 3] & (1 << (byte & 7)) != 0 {
                bits[byte >> 6] |= 1 << UInt64(byte & 63)
            }
            return bits
        }

        /// The match in `data`, its offsets moved by `shift`. A `\K` inside a
        /// lookahead (PCRE2 before 10.38 allows one) can set the start after
        /// the end: no range holds that, so it ends the search as a limit does.
        func match(_ data: OpaquePointer?, offsetBy shift: Int, source: String) throws(PatternLimitExceeded) -> PatternMatch? {
            guard let ovector = pcre2_get_ovector_pointer_8(data) else { return nil }
            guard ovector[0] <= ovector[1] else {
                throw PatternLimitExceeded(pattern: source, reason: "a \\K set the start of a match after its end")
            }
            var groups = [String: Range<Int>](minimumCapacity: groupNumbers.count)
            for (name, number) in groupNumbers {
                let gs = ovector[2 * number], ge = ovector[2 * number + 1]
                if gs >= 0, gs <= ge, groups[name] == nil {  // an unset group is PCRE2_UNSET, -1 here
                    groups[name] = (shift + gs)..<(shift + ge)
                }
            }
            return PatternMatch(range: (shift + ovector[0])..<(shift + ovector[1]), groups: groups)
        }

        deinit {
            pcre2_match_context_free_8(context)
            pcre2_code_free_8(code)
            if let subjectStart { pcre2_code_free_8(subjectStart) }
        }
    }

    /// All non-overlapping matches within `range` of `subject` (byte offsets).
    /// `subject` must be valid UTF-8 and `range` must fall on character boundaries.
    /// `^` and `$` see the range's ends as the subject's ends.
    public func matches(in subject: [UInt8], range: Range<Int>? = nil) throws(PatternLimitExceeded) -> [PatternMatch] {
        let compiled = compiledForSearch()
        let code = compiled.code, context = compiled.context
        let range = range ?? 0..<subject.count
        var found: [PatternMatch] = []
        var position = 0
        let length = range.count
        let data = pcre2_match_data_create_from_pattern_8(code, nil)
        defer { pcre2_match_data_free_8(data) }
        // The subject is valid UTF-8 by construction (it is encoded from Unicode
        // scalars), so PCRE2 need not check it: checking at every call costs a
        // pass over the text per rule, and at every match made searches quadratic.
        let options = UInt32(PCRE2_NO_UTF_CHECK)
        /// The offset one whole UTF-8 character past `offset`.
        func characterAfter(_ offset: Int) -> Int {
            var next = offset + 1
            while next < length, subject[range.lowerBound + next] & 0xC0 == 0x80 { next += 1 }
            return next
        }
        /// Where the search goes on after `match`, found from `position`: its
        /// end, or one whole UTF-8 character on where the match is empty or
        /// ends no further on (a `\K` in a lookbehind can end it there).
        func after(_ match: PatternMatch, from position: Int) -> Int {
            let start = match.range.lowerBound - range.lowerBound, end = match.range.upperBound - range.lowerBound
            return end == start || end <= position ? characterAfter(max(end, position)) : end
        }
        if let written = compiled.subjectStart {
            // The search code has no `^`, and is the pattern only past the start
            // (at the start it may match where the pattern does not: a `^` inside
            // an atomic group or a negative lookahead). There, the pattern as
            // written, anchored; the search code from the next character on.
            let rc = Pattern.withSubject(subject, from: range.lowerBound) { start in
                pcre2_match_8(written, start, length, 0, options | UInt32(PCRE2_ANCHORED), data, context)
            }
            position = characterAfter(0)
            if rc != PCRE2_ERROR_NOMATCH {
                try check(rc)
                if rc > 0, let match = try compiled.match(data, offsetBy: range.lowerBound, source: source) {
                    found.append(match)
                    position = after(match, from: 0)
                }
            }
        }
        while position <= length {
            let rc = Pattern.withSubject(subject, from: range.lowerBound) { start in
                pcre2_match_8(code, start, length, position, options, data, context)
            }
            if rc == PCRE2_ERROR_NOMATCH { break }
            try check(rc)
            guard rc > 0, let match = try compiled.match(data, offsetBy: range.lowerBound, source: source) else { break }
            found.append(match)
            position = after(match, from: position)
        }
        return found
    }

    /// The match that starts exactly at byte `offset` of `subject`, if any,
    /// with `range` as the subject's ends (lookbehinds may look back to its start).
    /// PCRE2 is not run where `anchoredStart` says no match can start.
    public func match(in subject: [UInt8], range: Range<Int>, anchoredAt offset: Int) throws(PatternLimitExceeded) -> PatternMatch? {
        let compiled = compiledForSearch(anchored: true)
        guard compiled.start.allows(subject, range: range, at: offset) else { return nil }
        let data = pcre2_match_data_create_from_pattern_8(compiled.code, nil)
        defer { pcre2_match_data_free_8(data) }
        let rc = Pattern.withSubject(subject, from: range.lowerBound) { start in
            pcre2_match_8(compiled.code, start, range.count, offset - range.lowerBound,
                          UInt32(PCRE2_NO_UTF_CHECK), data, compiled.context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        try check(rc)
        guard rc > 0 else { return nil }
        return try compiled.match(data, offsetBy: range.lowerBound, source: source)
    }

    /// Where a match anchored at a place can start, as PCRE2 knows it
    /// (compiling the anchored code if need be), for a caller that asks at
    /// many places without taking the pattern's lock each time.
    public var anchoredStart: AnchoredStart { compiledForSearch(anchored: true).start }

    public struct AnchoredStart: Sendable {
        /// The bytes a match can start with, one bit each, when PCRE2 knows
        /// them; nil when any byte may start one.
        let firstBytes: [UInt64]?
        /// Whether the pattern matches only at the start of the subject (every
        /// branch starts with `^` or `\A`), so asking anywhere else finds nothing.
        let onlyAtSubjectStart: Bool

        /// Whether a match anchored at byte `offset` of `subject`, with `range`
        /// as the subject's ends, can start there: false means
        /// `match(in:range:anchoredAt:)` finds nothing.
        public func allows(_ subject: [UInt8], range: Range<Int>, at offset: Int) -> Bool {
            if onlyAtSubjectStart, offset != range.lowerBound { return false }
            guard offset < subject.count, let bits = firstBytes else { return true }
            let byte = subject[offset]
            return bits[Int(byte >> 6)] & (1 << UInt64(byte & 63)) != 0
        }
    }

    /// `body` given the address of byte `offset` of `subject`; PCRE2 takes the
    /// address of an empty subject too, which an empty array may not have.
    private static func withSubject(_ subject: [UInt8], from offset: Int, _ body: (UnsafePointer<UInt8>) -> Int32) -> Int32 {
        subject.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else {
                let nothing: UInt8 = 0
                return withUnsafePointer(to: nothing) { body($0) }
            }
            return body(base + offset)
        }
    }

    /// Convenience for tests and rule examples: matches over a string, as substrings.
    public func matches(in string: String) throws(PatternLimitExceeded) -> [(text: String, groups: [String: String])] {
        let bytes = Array(string.utf8)
        return try matches(in: bytes).map { m in
            (String(decoding: bytes[m.range], as: UTF8.self),
             m.groups.mapValues { String(decoding: bytes[$0], as: UTF8.self) })
        }
    }

    private static func namedGroups(_ code: OpaquePointer) -> [(name: String, number: Int)] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard count > 0, let table else { return [] }
        var result: [(String, Int)] = []
        for i in 0..<Int(count) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            let name = String(cString: entry + 2)
            result.append((name, number))
        }
        return result.sorted { $0.1 < $1.1 }
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

extension Pattern {
    /// The options in force at the end of `source`, compiled with `options`:
    /// those changed by option settings such as `(?i)` or `(?-i)` outside any
    /// group. (A setting inside a group ends with the group.)
    public static func options(atEndOf source: String, compiledWith options: Options) -> Options {
        let letters: [UInt8: Options] = [0x69: .caseless, 0x6D: .multiline, 0x78: .extended, 0x73: .dotAll]
        var result = options
        var pieces = PatternPieces(source)
        let bytes = pieces.bytes
        var depth = 0
        while let piece = pieces.next() {
            // Escapes, quoted text and classes hold no groups.
            guard case .other(let range, inClass: false) = piece else { continue }
            let i = range.lowerBound
            switch bytes[i] {
            case 0x28:  // "("
                // A setting "(?flags)" or "(?^flags)" of known letters (n, J, U: no effect here).
                if let (flags, end) = Pattern.optionFlags(bytes, at: i), bytes[end] == 0x29, !flags.isEmpty,
                   bytes[flags].allSatisfy({ letters[$0] != nil || [0x2D, 0x5E, 0x6E, 0x4A, 0x55].contains($0) }) {
                    if depth == 0 {
                        var on = true
                        for b in bytes[flags] {
                            if b == 0x2D { on = false } else if b == 0x5E { result = [] } else if let o = letters[b] {
                                if on { result.insert(o) } else { result.remove(o) }
                            }
                        }
                    }
                    pieces.position = end + 1
                    continue
                }
                if i + 2 < bytes.count, bytes[i + 1] == 0x3F, bytes[i + 2] == 0x23 {  // "(?#comment)"
                    var j = i + 2
                    while j < bytes.count, bytes[j] != 0x29 { j += 1 }
                    pieces.position = j + 1
                    continue
                }
                depth += 1
            case 0x29:
                depth -= 1
            default:
                break
            }
        }
        return result
    }

    /// At byte `i` (a "("), an option setting `(?flags)` or a group opening
    /// `(?flags:`: the flags (letters, `-`, `^`) and the byte ending them, `)`
    /// or `:`; nil for any other parenthesis.
    static func optionFlags(_ bytes: [UInt8], at i: Int) -> (flags: Range<Int>, end: Int)? {
        guard i + 1 < bytes.count, bytes[i] == 0x28, bytes[i + 1] == 0x3F else { return nil }
        var j = i + 2
        while j < bytes.count, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x41 && bytes[j] <= 0x5A) || bytes[j] == 0x2D || bytes[j] == 0x5E {
            j += 1
        }
        guard j < bytes.count, bytes[j] == 0x29 || bytes[j] == 0x3A else { return nil }
        return ((i + 2)..<j, j)
    }

    /// `(?^…:` opening a group that applies exactly `options`.
    public static func groupOpening(with options: Options) -> String {
        var flags = ""
        if options.contains(.caseless) { flags += "i" }
        if options.contains(.multiline) { flags += "m" }
        if options.contains(.dotAll) { flags += "s" }
        if options.contains(.extended) { flags += "x" }
        return "(?^\(flags):"
    }
}

extension Pattern {
    /// `source` with `\d` written as `[0-9]` (and `\D` as `[^0-9]`; inside a
    /// class, `\d` as `0-9`). Rules run on NFKC-normalised text, where digits
    /// of other widths have become ASCII, so this matches the same numbers —
    /// but PCRE2 cannot tell which bytes a Unicode `\d` may start with, and a
    /// pattern that may start with one is tried at every position of the text
    /// (`dates.time` searched 6 times slower).
    public static func asciiDigits(_ source: String) -> String {
        var pieces = PatternPieces(source)
        let bytes = pieces.bytes
        guard bytes.indices.dropLast().contains(where: { bytes[$0] == 0x5C && (bytes[$0 + 1] == 0x64 || bytes[$0 + 1] == 0x44) })
        else { return source }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        while let piece = pieces.next() {
            switch piece {
            case .escape(let range, let inClass) where bytes[range.lowerBound + 1] == 0x64:  // \d
                out.append(contentsOf: Array((inClass ? "0-9" : "[0-9]").utf8))
            case .escape(let range, inClass: false) where bytes[range.lowerBound + 1] == 0x44:  // \D
                out.append(contentsOf: Array("[^0-9]".utf8))
            case .escape(let range, _), .quoted(let range), .other(let range, _):
                out.append(contentsOf: bytes[range])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Pattern {
    /// `source` with each `(?:^|` written `(?:`: the same pattern wherever a
    /// search tries it but at the subject's start, the one place a `^` can
    /// match without the multiline option. A sentence-start rule
    /// (`(?:^|[.!?]\s|\n)\K…`) is tried at every position only because of
    /// that `^`; without it PCRE2 skips to the boundary characters. nil when
    /// the pattern has no such `^`, or has a `^` written another way, inside
    /// a lookbehind (which looks back to the start from elsewhere), or a call
    /// inside a lookbehind (which may reach one), or under the multiline or
    /// extended option, or has a backtracking verb `(*…)`. At the start
    /// itself the two may differ (a `^` inside an atomic group or a negative
    /// lookahead), so a search tries the pattern as written there.
    public static func droppingSubjectStart(_ source: String, options: Options) -> String? {
        // Extended mode's comments and backtracking verbs are beyond this reading.
        guard !options.contains(.multiline), !options.contains(.extended) else { return nil }
        // Most patterns have no "(?:^|" at all: say so without reading them piece by piece.
        let utf8 = source.utf8
        guard utf8.indices.contains(where: { i in utf8[i...].starts(with: [0x28, 0x3F, 0x3A, 0x5E, 0x7C]) }),  // "(?:^|"
              !utf8.indices.contains(where: { i in utf8[i...].starts(with: [0x28, 0x2A]) })  // "(*"
        else { return nil }
        var pieces = PatternPieces(source)
        let bytes = pieces.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lookbehinds: [Bool] = []  // for each open group, whether it is a lookbehind
        var groupJustOpened = false  // the last piece was an unescaped "(?:"
        var dropped = false
        while let piece = pieces.next() {
            let opensGroup = groupJustOpened
            groupJustOpened = false
            switch piece {
            case .other(let range, inClass: false):
                let i = range.lowerBound
                switch bytes[i] {
                case 0x28:  // "("
                    lookbehinds.append(i + 3 < bytes.count && bytes[i + 1] == 0x3F && bytes[i + 2] == 0x3C
                        && (bytes[i + 3] == 0x3D || bytes[i + 3] == 0x21))  // "(?<=" or "(?<!"
                    if i + 2 < bytes.count, bytes[i + 1] == 0x3F {
                        // A call inside a lookbehind may reach a `^` and look back to the start.
                        let next = bytes[i + 2]
                        if lookbehinds.contains(true),
                           next == 0x26 || next == 0x50 || next == 0x52 || next == 0x2B || next == 0x2D || (next >= 0x30 && next <= 0x39) {
                            return nil
                        }
                        // An inline option setting that names multiline or extended: give up.
                        if let (flags, _) = Pattern.optionFlags(bytes, at: i), bytes[flags].contains(where: { $0 == 0x6D || $0 == 0x78 }) {
                            return nil  // m, x
                        }
                        if next == 0x3A {  // "(?:"
                            out.append(contentsOf: bytes[i...(i + 2)])
                            pieces.position = i + 3
                            groupJustOpened = true
                            continue
                        }
                    }
                case 0x29:
                    _ = lookbehinds.popLast()
                case 0x5E:  // "^"
                    guard opensGroup, i + 1 < bytes.count, bytes[i + 1] == 0x7C, !lookbehinds.contains(true) else { return nil }
                    pieces.position = i + 2  // the "^|" goes
                    dropped = true
                    continue
                default:
                    break
                }
                out.append(contentsOf: bytes[range])
            case .escape(let range, _):
                // A call written \g<name> or \g'name' inside a lookbehind: as above.
                if lookbehinds.contains(true), bytes[range.lowerBound + 1] == 0x67 { return nil }
                out.append(contentsOf: bytes[range])
            case .quoted(let range), .other(let range, _):
                out.append(contentsOf: bytes[range])
            }
        }
        return dropped ? String(decoding: out, as: UTF8.self) : nil
    }
}

/// A pattern's source cut into the pieces that matter when reading its
/// syntax: escapes (`\x`), quoted text (`\Q…\E`), and everything else a
/// byte at a time outside classes, or a run at a time inside one (a class's
/// opening with any `^` and leading `]`, a `[:name:]`, a byte, its closing `]`).
/// Parentheses and option letters inside escapes, quotes and classes are
/// literal, which is why both readers above need it.
struct PatternPieces {
    enum Piece {
        case escape(Range<Int>, inClass: Bool)
        case quoted(Range<Int>)
        case other(Range<Int>, inClass: Bool)
    }

    let bytes: [UInt8]
    /// Where the next piece starts; a reader may move it past bytes it has read itself.
    var position = 0
    private var inClass = false

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    mutating func next() -> Piece? {
        let i = position
        guard i < bytes.count else { return nil }
        let b = bytes[i]
        if b == 0x5C, i + 1 < bytes.count {  // "\"
            if bytes[i + 1] == 0x51 {  // \Q…\E
                var j = i + 2
                while j + 1 < bytes.count, !(bytes[j] == 0x5C && bytes[j + 1] == 0x45) { j += 1 }
                position = min(bytes.count, j + 2)
                return .quoted(i..<position)
            }
            position = i + 2
            return .escape(i..<position, inClass: inClass)
        }
        if inClass {
            if b == 0x5B, i + 1 < bytes.count, bytes[i + 1] == 0x3A,  // [:name:]
               let close = bytes[(i + 2)...].firstIndex(of: 0x5D) {
                position = close + 1
                return .other(i..<position, inClass: true)
            }
            if b == 0x5D { inClass = false }
            position = i + 1
            return .other(i..<position, inClass: true)
        }
        if b == 0x5B {  // "[" opens a class; a "]" first (after any "^") is a literal
            inClass = true
            var j = i + 1
            if j < bytes.count, bytes[j] == 0x5E { j += 1 }
            if j < bytes.count, bytes[j] == 0x5D { j += 1 }
            position = j
            return .other(i..<j, inClass: true)
        }
        position = i + 1
        return .other(i..<position, inClass: false)
    }
}
