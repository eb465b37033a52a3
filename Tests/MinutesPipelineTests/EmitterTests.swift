import BundledRules
import Foundation
import MinutesCore
import MinutesRules
import Testing
@testable import MinutesPipeline

/// `Emitter` writes its own JSON (`CanonicalJSON`) for speed; its bytes must be
/// exactly those of Foundation's `JSONEncoder` with the options the emitter
/// used to give it. Foundation is the reference here, and only here.
@Suite struct EmitterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The repository's corpus and, where the team's machines have it, the shared development corpus.
    static let documents: [URL] = [
        root.appendingPathComponent("Corpus"),
        root.deletingLastPathComponent().appendingPathComponent("shared/corpus-dev"),
    ].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { ["txt", "html", "htm"].contains($0.pathExtension) }
    }.sorted { $0.path < $1.path }
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())

    // MARK: - The reference

    static func reference<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Records where the two outputs first differ, with some text either side.
    static func expectSame(_ ours: [UInt8], _ theirs: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard ours != theirs else { return }
        let at = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(ours.count, theirs.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 40)..<min(bytes.count, at + 40)], as: UTF8.self)
        }
        Issue.record("""
            \(label): differs from JSONEncoder at byte \(at) (\(ours.count) vs \(theirs.count) bytes)
            ours:       \(around(ours).debugDescription)
            JSONEncoder: \(around(theirs).debugDescription)
            """, sourceLocation: sourceLocation)
    }

    /// Both modes of `value` against the reference.
    static func expectSameAsJSONEncoder<T: Encodable>(_ value: T, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [false, true] {
            expectSame(Array(try CanonicalJSON.encode(value, pretty: pretty)), try reference(value, pretty: pretty),
                       "\(label)\(pretty ? " (pretty)" : "")", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Documents

    @Test func thereAreDocumentsToCompare() {
        #expect(Self.documents.count >= 19)
    }

    /// Every corpus document through the pipeline, then through `Emitter.json`
    /// and through `JSONEncoder` plus the newline, in both modes.
    @Test(arguments: documents)
    func documentBytesEqualJSONEncoders(_ url: URL) throws {
        let stem = url.deletingPathExtension()
        let meta = stem.appendingPathExtension("meta.json")
        let context = FileManager.default.fileExists(atPath: meta.path)
            ? try CorpusCase(name: stem.lastPathComponent, input: url, gold: url, meta: meta).context() : Context()
        let input = try Loader.load(bytes: Array(try Data(contentsOf: url)), path: "Corpus/" + url.lastPathComponent)
        let document = Self.pipeline.analyse(input, context: context).document
        // Our own corpus documents each have items or people, so the comparison proves
        // something; real documents the tool reads nothing from are still compared.
        if url.deletingLastPathComponent().lastPathComponent == "Corpus" {
            #expect(!document.items.isEmpty || !document.people.isEmpty, "\(url.lastPathComponent): an empty document would prove little")
        }
        for pretty in [false, true] {
            Self.expectSame(Array(Emitter.json(document, pretty: pretty)), try Self.reference(document, pretty: pretty) + [0x0A],
                            "\(url.lastPathComponent)\(pretty ? " (pretty)" : "")")
        }
    }

    /// A document with every optional field set and one with every list empty:
    /// the corpus need not have both.
    @Test func everyFieldOfTheContract() throws {
        let span = Span(start: 3, end: 9, line: 2)
        var full = MinutesDocument(
            source: SourceInfo(path: "a/b \"c\".txt", sha256: String(repeating: "0f", count: 32), bytes: 1234, encoding: .windows1252, format: .html),
            meeting: Meeting(title: "Panel", organisation: "Vale", date: "2020-03-12", start: "10:30", end: "12:00",
                             venue: "Hall/Annex", span: span, fields: ["title": Provenance(span: span, rule: "meeting.title"),
                                                                       "date": Provenance(span: span, rule: "meeting.date")]))
        full.people = [
            Person(id: "P1", name: "Ann Burke", honorific: "Cllr", initials: "AB", role: "Chair", organisation: "Vale", span: span, rule: "people.x"),
            Person(id: "P2", name: "Bo Cole", span: span),
        ]
        full.attendance = [
            Attendance(person: "P1", status: .substitute, group: "Members", substituteFor: "P2", arrived: "10:45", left: "11:30", span: span, rule: "att.x"),
            Attendance(person: "P2", status: .inAttendance, span: span),
        ]
        full.items = [AgendaItem(id: "I14-20", number: "14/20", title: "Budget – “Q1”", span: span, rule: "items.x")]
        full.decisions = [
            Decision(item: "I14-20", kind: .resolved, text: "That the\treport be noted.", rule: "d.x", span: span),
            Decision(item: nil, kind: .noted, text: "Noted", rule: "d.y", span: span),
        ]
        full.actions = [
            ActionItem(ref: "106/16", item: "I14-20", text: "Write to \\ the clerk", owners: [ActionOwner(text: "AB", person: "P1"), ActionOwner(text: "Clerk", person: nil)],
                       due: DueDate(text: "next meeting", date: "2020-06-04", resolved: true), status: .carriedForward, rule: "a.x", span: span),
            ActionItem(ref: nil, item: nil, text: "x", owners: [], due: DueDate(text: "soon", date: nil), rule: "a.y", span: span),
            ActionItem(ref: nil, item: nil, text: "y", owners: [], due: nil, rule: "a.z", span: span),
        ]
        full.amounts = [
            Amount(text: "£885k", value: Decimal(string: "885000"), currency: "GBP", period: "year", bound: "max", span: span, rule: "am.x"),
            Amount(text: "£100-£3000", min: Decimal(100), max: Decimal(string: "3000.50"), currency: "GBP", span: span, rule: "am.y"),
            Amount(text: "£0.05", value: Decimal(string: "0.05"), currency: "GBP", span: span, rule: "am.z"),
        ]
        full.dates = [
            DateValue(text: "June", value: "2020-06", grain: .month, resolved: true, span: span, rule: "dt.x"),
            DateValue(text: "2020/21", value: nil, grain: .financialYear, span: span, rule: "dt.y"),
        ]
        full.diagnostics = [
            Diagnostic(code: .personAmbiguous, severity: .warning, message: "\"AB\" fits P1 and P3", span: span, rule: "people.x"),
            Diagnostic(code: .emptyInput, severity: .error, message: "empty"),
        ]
        try Self.expectSameAsJSONEncoder(full, "every field set")

        let empty = MinutesDocument(source: SourceInfo(path: "", sha256: "", bytes: 0, encoding: .utf8, format: .text))
        try Self.expectSameAsJSONEncoder(empty, "every list empty")
        // What the empty one must look like, so the comparison is seen to compare something.
        let pretty = String(decoding: try CanonicalJSON.encode(empty, pretty: true), as: UTF8.self)
        #expect(pretty.hasPrefix("{\n  \"actions\" : [\n\n  ],\n  \"amounts\" : [\n\n  ],\n"))
        #expect(pretty.contains("\"fields\" : {\n\n    },\n"))
    }

    // MARK: - Values one at a time

    @Test func strings() throws {
        var everyASCII = ""
        for byte in UInt8(0)..<0x80 { everyASCII.unicodeScalars.append(Unicode.Scalar(byte)) }
        let strings = [
            "", everyASCII, "say \"hi\"", "back\\slash", "a/b//c </script>", "tab\there\r\nnew\u{8}\u{C}",
            "\u{0}\u{1}\u{1F}\u{7F}", "£885k – “quoted” é e\u{301}", "😀👍🏽🇬🇧", "\u{2028}\u{2029}\u{FEFF}\u{85}\u{A0}",
            String(repeating: "long run without escapes ", count: 200) + "\"",
        ]
        for string in strings {
            try Self.expectSameAsJSONEncoder(string, "string \(string.prefix(30).debugDescription)")
            try Self.expectSameAsJSONEncoder([string], "string in an array")
            try Self.expectSameAsJSONEncoder([string: string], "string as a key")
        }
        #expect(Array(try CanonicalJSON.encode("\u{1}/\u{1F}", pretty: false)) == Array(#""\u0001/\u001f""#.utf8))
    }

    @Test func decimals() throws {
        let texts = [
            "885000", "1.5", "0.05", "0.10", "-12", "1234567.89", "0.0000001", "1e-7", "-0.5", "0", "10.50",
            "123456789012345678901234567890", "1e20", "3.402823669209385e+38", "0.000000000000000000000000000001",
            "-99999999999999999999.99",
        ]
        for text in texts {
            let decimal = try #require(Decimal(string: text))
            try Self.expectSameAsJSONEncoder(decimal, "Decimal \(text)")
            try Self.expectSameAsJSONEncoder(["value": decimal], "Decimal \(text) as a member")
        }
        try Self.expectSameAsJSONEncoder([Decimal(sign: .minus, exponent: 5, significand: 12), -Decimal(0), Decimal.nan], "Decimals")
        try Self.expectSameAsJSONEncoder([Decimal?.none, Decimal(1)], "optional Decimals")
    }

    @Test func floatsAndIntegers() throws {
        let doubles: [Double] = [0, -0.0, 1, 1.5, 0.1, 1e-7, 1e16, 1e20, 123456789.125, -2.5e-300,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude, .pi]
        try Self.expectSameAsJSONEncoder(doubles, "Doubles")
        for double in doubles { try Self.expectSameAsJSONEncoder(["d": double], "Double \(double)") }
        try Self.expectSameAsJSONEncoder([Float(1), 0.1, 1e-7, .greatestFiniteMagnitude], "Floats")
        try Self.expectSameAsJSONEncoder([Int.min, -1, 0, 7, 10, Int.max], "Ints")
        try Self.expectSameAsJSONEncoder(Scalars(), "every integer type")
        try Self.expectSameAsJSONEncoder([UInt64.max, 0], "UInt64")
        try Self.expectSameAsJSONEncoder([true, false], "Bools")
        try Self.expectSameAsJSONEncoder(42, "top-level Int")
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode([Double.nan], pretty: false) }
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(["x": Float.infinity], pretty: true) }
    }

    /// Integers of every width through the keyed, unkeyed and single-value containers.
    struct Scalars: Encodable {
        enum CodingKeys: String, CodingKey { case i8, i16, i32, i64, u, u8, u16, u32, u64, f, d, b, s, list, single }
        struct Single: Encodable {
            func encode(to encoder: any Encoder) throws {
                var c = encoder.singleValueContainer()
                try c.encode(UInt64.max)
            }
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(Int8.min, forKey: .i8)
            try c.encode(Int16.min, forKey: .i16)
            try c.encode(Int32.max, forKey: .i32)
            try c.encode(Int64.min, forKey: .i64)
            try c.encode(UInt.max, forKey: .u)
            try c.encode(UInt8.max, forKey: .u8)
            try c.encode(UInt16.max, forKey: .u16)
            try c.encode(UInt32.max, forKey: .u32)
            try c.encode(UInt64.max, forKey: .u64)
            try c.encode(Float(2.5), forKey: .f)
            try c.encode(100.0, forKey: .d)
            try c.encode(true, forKey: .b)
            try c.encode("s", forKey: .s)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode(Int8(-1))
            try list.encode(UInt16(9))
            try list.encode(Int32.min)
            try list.encode(UInt.max)
            try list.encode(Float(0.25))
            try list.encode(-1e300)
            try list.encode(false)
            try list.encodeNil()
            try c.encode(Single(), forKey: .single)
        }
    }

    /// Keys of different lengths, cases, digits, punctuation and scripts, in a
    /// dictionary and in our own types: Foundation sorts by UTF-8 bytes, not
    /// by `String`'s `<` and not case-insensitively or numerically.
    @Test func keyOrder() throws {
        let keys = [
            "", "a", "A", "B", "b", "Z", "z", "_", "a_b", "ab", "a b", "a-b", "a.b", "a0", "a00", "a001", "a01", "a1",
            "a10", "a1b", "a2b", "a9", "0", "00", "1", "10", "9", "-1", "+1", "[", "^", "`", "~", "{", "substitute",
            "substitute_for", "span", "status", "start", "é", "e\u{301}x", "f", "ä", "\u{E000}", "\u{FFFD}", "😀", "Ω", "ω",
        ]
        try Self.expectSameAsJSONEncoder(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) }), "keys")
        // A deterministic spread of short ASCII keys.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var many: [String: Int] = [:]
        for index in 0..<500 {
            var key = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for shift in stride(from: 0, to: Int(state >> 61) * 8 + 8, by: 8) {
                key.unicodeScalars.append(Unicode.Scalar(UInt8(0x20 + (state >> UInt64(shift)) % 0x5F)))
            }
            many[key] = index
        }
        try Self.expectSameAsJSONEncoder(many, "500 random keys")
        #expect(Array(try CanonicalJSON.encode(["a10": 1, "a9": 2, "B": 3, "a": 4], pretty: false)) == Array(#"{"B":3,"a":4,"a10":1,"a9":2}"#.utf8))
    }

    /// Keys our `encode(to:)` implementations do not write, but an encoder can be handed.
    @Test func repeatedAndEquivalentKeys() throws {
        try Self.expectSameAsJSONEncoder(Keys(["a", "b", "a"]), "a key twice")
        try Self.expectSameAsJSONEncoder(Keys(["e\u{301}", "f", "é"]), "canonically equal keys, decomposed first")
        try Self.expectSameAsJSONEncoder(Keys(["é", "e\u{301}", "d"]), "canonically equal keys, composed first")
        try Self.expectSameAsJSONEncoder(Keys(["Å", "Å", "B", "B", "B"]), "Angstrom sign and letter")
    }

    struct Keys: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
        var keys: [String]
        init(_ keys: [String]) { self.keys = keys }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (index, key) in keys.enumerated() { try c.encode(index, forKey: Key(stringValue: key)) }
        }
    }

    @Test func emptyNestedAndOptional() throws {
        try Self.expectSameAsJSONEncoder([Int](), "top-level empty array")
        try Self.expectSameAsJSONEncoder([String: Int](), "top-level empty object")
        try Self.expectSameAsJSONEncoder([[[Int]]]([[], [[]], [[1, 2], []]]), "nested arrays")
        try Self.expectSameAsJSONEncoder(["a": [String: [Int]](), "b": ["c": []], "d": ["e": [1]]], "nested objects")
        try Self.expectSameAsJSONEncoder(Optionals(), "optionals, all nil")
        try Self.expectSameAsJSONEncoder(Optionals(plain: 1, skipped: "x", double: .some(nil), nested: Optionals.Inner(list: [nil, 2]), list: []), "optionals, set")
        try Self.expectSameAsJSONEncoder(Optionals(double: .some(.some(3))), "a double optional with a value")
        try Self.expectSameAsJSONEncoder(String?.none, "top-level nil")
        try Self.expectSameAsJSONEncoder([String?.none, "x"], "nil in an array")
        try Self.expectSameAsJSONEncoder(["k": Nothing()], "a member that encodes nothing")
        try Self.expectSameAsJSONEncoder([Nothing(), Nothing()], "elements that encode nothing")
        try Self.expectSameAsJSONEncoder([Wrapped(inner: Nothing())], "a single value that encodes nothing")
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(Nothing(), pretty: false) }
    }

    struct Optionals: Encodable {
        struct Inner: Encodable { var list: [Int?] }
        var plain: Int?
        var skipped: String?
        var double: Int??
        var nested: Inner?
        var list: [Inner]?
        enum CodingKeys: String, CodingKey { case plain, skipped, double, nested, list, null }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(plain, forKey: .plain)
            try c.encodeIfPresent(skipped, forKey: .skipped)
            try c.encode(double, forKey: .double)
            try c.encode(nested, forKey: .nested)
            try c.encodeIfPresent(list, forKey: .list)
            try c.encodeNil(forKey: .null)
        }
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Wrapped<T: Encodable>: Encodable {
        var inner: T
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(inner)
        }
    }

    /// Nested containers, super encoders, a container asked for twice, and the
    /// types JSONEncoder writes in a form of its own.
    @Test func containersAndSpecialTypes() throws {
        try Self.expectSameAsJSONEncoder(Containers(), "containers")
        try Self.expectSameAsJSONEncoder(Containers(fillSupers: false), "super encoders left empty")
        try Self.expectSameAsJSONEncoder(
            Special(url: URL(string: "https://example.org/a b?q=1")!, data: Data([0, 1, 2, 250, 255]), date: Date(timeIntervalSince1970: 1_600_000_000.5)),
            "URL, Data and Date")
        try Self.expectSameAsJSONEncoder([Wrapped(inner: Decimal(string: "0.05")!)], "a Decimal through a single-value container")
        try Self.expectSameAsJSONEncoder([DateGrain.financialYear, .day], "raw-value enums")
    }

    struct Special: Encodable {
        var url: URL
        var data: Data
        var date: Date
    }

    struct Containers: Encodable {
        var fillSupers = true
        enum CodingKeys: String, CodingKey { case a, nested, list, zed, sup }
        enum Inner: String, CodingKey { case x, y }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(1, forKey: .a)
            var nested = c.nestedContainer(keyedBy: Inner.self, forKey: .nested)
            try nested.encode("n", forKey: .y)
            var deeper = nested.nestedUnkeyedContainer(forKey: .x)
            try deeper.encode([1, 2])
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode("first")
            var inList = list.nestedContainer(keyedBy: Inner.self)
            try inList.encodeNil(forKey: .x)
            var listInList = list.nestedUnkeyedContainer()
            try listInList.encode(Decimal(string: "1.25")!)
            let superInList = list.superEncoder()
            let superOfObject = c.superEncoder()
            let superForKey = c.superEncoder(forKey: .sup)
            if fillSupers {
                var s1 = superInList.container(keyedBy: Inner.self)
                try s1.encode(true, forKey: .y)
                var s2 = superOfObject.unkeyedContainer()
                try s2.encode(2.5)
                var s3 = superForKey.singleValueContainer()
                try s3.encode("sup")
            }
            // The same object again: its members join the first ones.
            var again = encoder.container(keyedBy: CodingKeys.self)
            try again.encode([String: Int](), forKey: .zed)
        }
    }

    /// The comparison is only worth something if a real difference shows:
    /// JSONEncoder without sorted keys, or escaping slashes, gives other bytes
    /// for our documents, and our pretty output is not the compact one.
    @Test func theComparisonSeesDifferences() throws {
        let document = try Self.pipeline.extract(bytes: Array("Parish Council\nMinutes of 4 June 2020\n1. Apologies / absence\nCllr A Burke sent apologies. £5 noted.\n".utf8), path: "x/y.txt")
        let ours = Array(try CanonicalJSON.encode(document, pretty: false))
        #expect(ours == (try Self.reference(document, pretty: false)))
        let unsorted = JSONEncoder()
        unsorted.outputFormatting = [.withoutEscapingSlashes]
        #expect(ours != Array(try unsorted.encode(document)))
        let slashes = JSONEncoder()
        slashes.outputFormatting = [.sortedKeys]
        #expect(ours != Array(try slashes.encode(document)))
        #expect(ours != Array(try CanonicalJSON.encode(document, pretty: true)))
    }
}
