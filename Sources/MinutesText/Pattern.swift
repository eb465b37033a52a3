import CPCRE2

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

/// A compiled PCRE2 pattern (UTF, Unicode properties, JIT where available),
/// run with match and depth limits so no pattern can run away.
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
    public let groupNames: [String]
    private let code: OpaquePointer
    private let context: OpaquePointer
    private let groupNumbers: [(name: String, number: Int)]
    public let isJIT: Bool

    public init(_ source: String, options: Options = []) throws(PatternError) {
        var flags: UInt32 = PCRE2_UTF | PCRE2_UCP
        if options.contains(.caseless) { flags |= PCRE2_CASELESS }
        if options.contains(.multiline) { flags |= PCRE2_MULTILINE }
        if options.contains(.extended) { flags |= PCRE2_EXTENDED }
        if options.contains(.dotAll) { flags |= PCRE2_DOTALL }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(source.utf8)
        guard let compiled = bytes.withUnsafeBufferPointer({ buf in
            pcre2_compile_8(buf.baseAddress, buf.count, flags, &errorCode, &errorOffset, nil)
        }) else {
            throw PatternError(message: Pattern.message(for: errorCode), offset: errorOffset)
        }
        self.source = source
        code = compiled
        isJIT = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, Pattern.matchLimit)
        pcre2_set_depth_limit_8(context, Pattern.depthLimit)
        groupNumbers = Pattern.namedGroups(compiled)
        groupNames = groupNumbers.map(\.name)
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// All non-overlapping matches within `range` of `subject` (byte offsets).
    /// `subject` must be valid UTF-8 and `range` must fall on character boundaries.
    /// `^` and `$` see the range's ends as the subject's ends.
    public func matches(in subject: [UInt8], range: Range<Int>? = nil) throws(PatternLimitExceeded) -> [PatternMatch] {
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
        while position <= length {
            let rc = subject.withUnsafeBufferPointer { buf in
                pcre2_match_8(code, buf.baseAddress! + range.lowerBound, length, position, options, data, context)
            }
            if rc == PCRE2_ERROR_NOMATCH { break }
            if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT
                || rc == PCRE2_ERROR_HEAPLIMIT
            {
                throw PatternLimitExceeded(pattern: source, reason: Pattern.message(for: rc))
            }
            guard rc > 0, let ovector = pcre2_get_ovector_pointer_8(data) else { break }
            let start = ovector[0], end = ovector[1]
            var groups: [String: Range<Int>] = [:]
            for (name, number) in groupNumbers {
                let gs = ovector[2 * number], ge = ovector[2 * number + 1]
                if gs >= 0, ge >= 0, gs != Int(bitPattern: UInt.max), groups[name] == nil {
                    groups[name] = (range.lowerBound + gs)..<(range.lowerBound + ge)
                }
            }
            found.append(PatternMatch(range: (range.lowerBound + start)..<(range.lowerBound + end), groups: groups))
            if end == start {
                // Step past an empty match by one whole UTF-8 character.
                var next = end + 1
                while next < length, subject[range.lowerBound + next] & 0xC0 == 0x80 { next += 1 }
                position = next
            } else {
                position = end
            }
        }
        return found
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
