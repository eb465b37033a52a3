import Testing
@testable import MinutesText

/// The PCRE2 wrapper: deferred compiling, anchored matches, and reading the
/// options a pattern leaves in force.
@Suite struct PatternTests {
    func texts(_ pattern: Pattern, _ subject: String) throws -> [String] {
        try pattern.matches(in: subject).map(\.text)
    }

    @Test func aDeferredPatternCompilesAtItsFirstSearchAndFindsTheSame() throws {
        let eager = try Pattern("(?<n>\\d+) (?<unit>k|m)\\b", options: [.caseless])
        let deferred = Pattern(deferred: "(?<n>\\d+) (?<unit>k|m)\\b", options: [.caseless])
        let subject = "5 k, 7 M and 9 x"
        #expect(try texts(deferred, subject) == ["5 k", "7 M"])
        #expect(try texts(deferred, subject) == texts(eager, subject))
        #expect(try deferred.groupNames == ["n", "unit"])
    }

    @Test func aDeferredPatternReportsABrokenPatternWhenCompiled() {
        let broken = Pattern(deferred: "(?<n>\\d+")
        #expect(throws: PatternError.self) { try broken.compile() }
    }

    @Test func anAnchoredMatchStartsExactlyWhereAsked() throws {
        let pattern = try Pattern("(?<=\\s)Item (?<n>\\d+)")
        let subject = Array("x Item 4 and Item 5".utf8)
        // At offset 2 ("Item 4"), with the lookbehind seeing the space before it.
        let m = try #require(try pattern.match(in: subject, range: 0..<subject.count, anchoredAt: 2))
        #expect(m.range == 2..<8)
        #expect(m.groups["n"] == 7..<8)
        // Not at offset 3, though a search from there would find "Item 5".
        #expect(try pattern.match(in: subject, range: 0..<subject.count, anchoredAt: 3) == nil)
        // The range's start is the subject's start: no space before offset 2 then.
        #expect(try pattern.match(in: subject, range: 2..<subject.count, anchoredAt: 2) == nil)
    }

    @Test func aLineWhoseFirstByteNoMatchStartsWithIsSkippedWithoutSearching() throws {
        let subject = Array("Present: A\n  apologies: B\nItem 4\nzz".utf8)
        let heading = try Pattern("(?i)[ \\t]*apologies")    // a start bitmap: space, tab, a, A
        #expect(!heading.anchoredStart.allows(subject, range: 0..<subject.count, at: 0))  // "P"
        #expect(heading.anchoredStart.allows(subject, range: 0..<subject.count, at: 11))  // " "
        #expect(heading.anchoredStart.allows(subject, range: 0..<subject.count, at: 13))  // "a"
        let item = try Pattern("(?i:item)")                     // one first code unit, either case
        #expect(item.anchoredStart.allows(subject, range: 0..<subject.count, at: 26))     // "I"
        #expect(item.anchoredStart.allows(Array("item".utf8), range: 0..<4, at: 0))
        #expect(!item.anchoredStart.allows(subject, range: 0..<subject.count, at: 34))    // "z"
        let anywhere = try Pattern("[^\\n]*?B")                 // PCRE2 cannot tell: always try
        #expect(anywhere.anchoredStart.allows(subject, range: 0..<subject.count, at: 34))
        #expect(anywhere.anchoredStart.allows(subject, range: 0..<subject.count, at: subject.count))
        let lineStart = try Pattern("^[ \\t]*[0-9]")          // `^`: only where the range starts
        #expect(lineStart.anchoredStart.allows(subject, range: 11..<subject.count, at: 11))
        #expect(!lineStart.anchoredStart.allows(subject, range: 11..<subject.count, at: 12))
        #expect(!lineStart.anchoredStart.allows(subject, range: 0..<subject.count, at: 11))
        // PCRE2 calls these anchored too, but asked elsewhere they can match there.
        for source in ["\\GItem", "(?s).*Item"] {
            let pattern = try Pattern(source)
            #expect(try pattern.match(in: subject, range: 0..<subject.count, anchoredAt: 26) != nil, "\(source)")
            #expect(pattern.anchoredStart.allows(subject, range: 0..<subject.count, at: 26), "\(source)")
        }
        // Never a false "no": wherever a match starts, the byte there may start one.
        for pattern in [heading, item, anywhere, lineStart, try Pattern("[0-9]+\\.\\s"), try Pattern("(?<=\\n)It"),
                        try Pattern("(?m)^It"), try Pattern("^Present|(?<=\\n)It")] {
            for range in [0..<subject.count, 11..<subject.count, 26..<32] {
                for offset in range where try pattern.match(in: subject, range: range, anchoredAt: offset) != nil {
                    #expect(pattern.anchoredStart.allows(subject, range: range, at: offset), "\(pattern.source) at \(offset)")
                }
            }
        }
    }

    @Test func optionsAtTheEndFollowTopLevelSettingsOnly() {
        #expect(Pattern.options(atEndOf: "abc", compiledWith: []) == [])
        #expect(Pattern.options(atEndOf: "abc", compiledWith: [.caseless]) == [.caseless])
        #expect(Pattern.options(atEndOf: "(?i)abc", compiledWith: []) == [.caseless])
        #expect(Pattern.options(atEndOf: "(?i)a(?-i)bc", compiledWith: []) == [])
        #expect(Pattern.options(atEndOf: "(?i:a)bc", compiledWith: []) == [])
        #expect(Pattern.options(atEndOf: "(a(?i)b)c", compiledWith: []) == [])
        #expect(Pattern.options(atEndOf: "(?ms)a", compiledWith: [.caseless]) == [.caseless, .multiline, .dotAll])
        #expect(Pattern.options(atEndOf: "(?^)a", compiledWith: [.caseless]) == [])
        // Parentheses inside classes and escapes are not groups.
        #expect(Pattern.options(atEndOf: "[(]\\((?i)a", compiledWith: []) == [.caseless])
        #expect(Pattern.options(atEndOf: "[^]()][[:alpha:]](?i)", compiledWith: []) == [.caseless])
        #expect(Pattern.options(atEndOf: "(?#(?i) a comment)a", compiledWith: []) == [])
        #expect(Pattern.options(atEndOf: "\\Q(?i)\\Ea", compiledWith: []) == [])  // quoted, not a setting
    }

    @Test func groupOpeningResetsThenSets() throws {
        #expect(Pattern.groupOpening(with: []) == "(?^:")
        #expect(Pattern.groupOpening(with: [.caseless, .dotAll]) == "(?^is:")
        // Inside a caseless pattern, the group is case-sensitive again.
        let p = try Pattern("(?i)x" + Pattern.groupOpening(with: []) + "A)")
        #expect(try texts(p, "xA XA xa") == ["xA", "XA"])
    }

    @Test func stringFromScalarsEncodesEveryWidth() {
        let text = "a£€𝄞 z"
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars[...]) == text)
        #expect(String(scalars: scalars[1..<3]) == "£€")
        #expect(String(scalars: scalars[0..<0]) == "")
    }
}

/// `\d` is written as `[0-9]` so PCRE2 can see where matches start.
@Suite struct AsciiDigitsTests {
    @Test func digitsBecomeARangeOutsideAndInsideClasses() {
        #expect(Pattern.asciiDigits("\\d{2}:\\d\\d") == "[0-9]{2}:[0-9][0-9]")
        #expect(Pattern.asciiDigits("[\\d.,]+") == "[0-9.,]+")
        #expect(Pattern.asciiDigits("\\D+") == "[^0-9]+")
        #expect(Pattern.asciiDigits("[^\\d\\s]") == "[^0-9\\s]")
    }

    @Test func otherEscapesClassesAndQuotesAreLeftAlone() {
        #expect(Pattern.asciiDigits("\\\\d") == "\\\\d")  // a backslash, then d
        #expect(Pattern.asciiDigits("\\Q\\d\\E\\d") == "\\Q\\d\\E[0-9]")
        #expect(Pattern.asciiDigits("[]\\d][[:digit:]]\\d") == "[]0-9][[:digit:]][0-9]")
        #expect(Pattern.asciiDigits("no digits here") == "no digits here")
    }

    @Test func theRewrittenPatternFindsTheSameNumbersAndTellsPCRE2WhereTheyStart() throws {
        let source = "\\b(?<h>\\d{1,2})[.:](?<m>\\d\\d)\\b"
        let unicode = try Pattern(source)
        let ascii = try Pattern(Pattern.asciiDigits(source))
        let text = "at 10.30 and 9:05, not 123.456 or ab1.23"
        #expect(try ascii.matches(in: text).map(\.text) == unicode.matches(in: text).map(\.text))
        #expect(try unicode.knowsWhereMatchesStart == false)
        #expect(try ascii.knowsWhereMatchesStart == true)
    }
}

/// Where matches can start, asked of PCRE2 and written as a class.
@Suite struct FirstCharacterTests {
    @Test func theFirstCharactersOfAPatternAreAClass() {
        #expect(Pattern.firstCharacters(of: "(?:Mr|Dr) \\w+", options: []) == "[\\x44\\x4D]")
        #expect(Pattern.firstCharacters(of: "(?i:mr) x", options: []) == "[\\x4D\\x6D]")
        #expect(Pattern.firstCharacters(of: "(?:£|a)1", options: []) == "[\\x61]|[^\\x00-\\x7F]")
        #expect(Pattern.firstCharacters(of: "\\p{Lu}x", options: []) == nil)  // PCRE2 cannot tell through a property
        #expect(Pattern.firstCharacters(of: "x?", options: []) == nil)  // may match the empty string anywhere
        #expect(Pattern.firstCharacters(of: "(", options: []) == nil)  // does not compile
    }

    @Test func propertiesAreWidenedOutsideNegatedClassesOnly() {
        let wide = "\\x{80}-\\x{10FFFF}"
        #expect(Pattern.widenedProperties("\\p{Lu}\\p{Ll}+") == "[A-Z\(wide)][a-z\(wide)]+")
        #expect(Pattern.widenedProperties("[\\p{L}'-]\\s\\w") == "[A-Za-z\(wide)'-][\\x{09}-\\x{0D}\\x{20}\(wide)][0-9A-Za-z_\(wide)]")
        #expect(Pattern.widenedProperties("[^\\p{L}\\s]\\p{N}\\S\\\\p{L}") == "[^\\p{L}\\s]\\p{N}\\S\\\\p{L}")
        #expect(Pattern.widenedProperties("\\Q\\p{L}\\E[]\\s]") == "\\Q\\p{L}\\E[]\\x{09}-\\x{0D}\\x{20}\(wide)]")
    }

    @Test func theWidenedPatternTellsPCRE2WhereMatchesStart() {
        let first = Pattern.firstCharacters(of: Pattern.widenedProperties("(?=\\p{Lu})\\w+ said"), options: [])
        #expect(first == "[" + (0x41...0x5A).map { "\\x" + String($0, radix: 16, uppercase: true) }.joined() + "]|[^\\x00-\\x7F]")
    }
}

/// A `^` that can match only at the subject's start is left out of the search
/// code, and tried there alone.
@Suite struct SubjectStartTests {
    @Test func theStartAlternativeGoesWhereItCanOnlyMatchAtTheStart() {
        #expect(Pattern.droppingSubjectStart("(?:^|[.!?]\\s|\\n)\\K[ \\t]*(?<owner>Cllr)", options: [])
            == "(?:[.!?]\\s|\\n)\\K[ \\t]*(?<owner>Cllr)")
        #expect(Pattern.droppingSubjectStart("(?|(?:^|\\n)\\Ka|(?:^|,)\\Kb)", options: []) == "(?|(?:\\n)\\Ka|(?:,)\\Kb)")
        #expect(Pattern.droppingSubjectStart("[(?:^|x]\\^(?:^|y)z", options: []) == "[(?:^|x]\\^(?:y)z")
    }

    @Test func otherwiseThePatternIsLeftAsWritten() {
        #expect(Pattern.droppingSubjectStart("no caret here", options: []) == nil)
        #expect(Pattern.droppingSubjectStart("(?:^|\\n)a", options: .multiline) == nil)
        #expect(Pattern.droppingSubjectStart("(?m)(?:^|\\n)a", options: []) == nil)
        #expect(Pattern.droppingSubjectStart("(?:^|\\n)a(?im:b)", options: []) == nil)
        #expect(Pattern.droppingSubjectStart("^a|(?:^|\\n)b", options: []) == nil)  // a ^ written another way
        #expect(Pattern.droppingSubjectStart("(?<=(?:^|\\n))a", options: []) == nil)  // looked back to from elsewhere
        #expect(Pattern.droppingSubjectStart("(?:^|a)(?<=(?&x))b(?(DEFINE)(?<x>(?:^|b)))", options: []) == nil)  // a call from a lookbehind
        #expect(Pattern.droppingSubjectStart("(?:^|a)(?<=\\g<1>)(b)", options: []) == nil)
        #expect(Pattern.droppingSubjectStart("(*COMMIT)(?:^|a)b", options: []) == nil)
        #expect(Pattern.droppingSubjectStart("(?:^|a) b", options: .extended) == nil)
        #expect(Pattern.droppingSubjectStart("(?x)(?:^|a) b", options: []) == nil)
        #expect(Pattern.droppingSubjectStart("\\(?:^|a)", options: []) == nil)  // "(" escaped: no group
    }

    /// `\A` is the same as `^` without multiline and is never dropped: the two
    /// must find the same matches, from every place a search may begin.
    @Test func searchesFindWhatThePatternAsWrittenFinds() throws {
        for (caret, reference) in [
            ("(?:^|[.!?][ ]|\\n)\\K[ ]*(?<name>[A-Z][a-z]+)", "(?:\\A|[.!?][ ]|\\n)\\K[ ]*(?<name>[A-Z][a-z]+)"),
            ("(?:^|,)x?", "(?:\\A|,)x?"),  // empty matches, at the start too
            ("(?i)(?:^|\\t)\\Kab|cd", "(?i)(?:\\A|\\t)\\Kab|cd"),
            // Where the two differ at the start: the pattern as written decides there.
            ("(?>(?:^|a))b", "(?>(?:\\A|a))b"),
            ("(?!(?:^|x))a", "(?!(?:\\A|x))a"),
            ("(?:^|a)?+b", "(?:\\A|a)?+b"),
        ] {
            let p = try Pattern(caret), q = try Pattern(reference)
            for text in ["Ann went. Bob came\nCat left", "  Dan. eve? Fay", ",x,,x", "ab\tAB cd\nab", "", "x", "a", "ab", "bab", "xa"] {
                let bytes = Array(text.utf8)
                for lower in 0...bytes.count {
                    let range = lower..<bytes.count
                    #expect(try p.matches(in: bytes, range: range) == q.matches(in: bytes, range: range), "\(caret) on \(text) from \(lower)")
                }
            }
            #expect(try p.knowsWhereMatchesStart, "\(caret)")
            if caret.hasPrefix("(?:^|[.") { #expect(try !q.knowsWhereMatchesStart, "\(reference)") }
        }
    }
}

/// Trigger words, found in one pass, give the same windows as a scan per word.
@Suite struct TriggerTests {
    @Test func onePassFindsEveryOccurrenceOfEveryWord() {
        let text = Array("they agreed that the clerk agreed to be there; a b".utf8)
        let set = TriggerSet(words: [Array("agreed".utf8), Array("the".utf8), Array(" be ".utf8), Array("a".utf8)])
        let found = set.positions(in: text)
        // Positions as Python's re.finditer gives them.
        #expect(found[0] == [5, 27])
        #expect(found[1] == [0, 17, 40])
        #expect(found[2] == [36])
        #expect(found[3] == [5, 14, 27, 47])
    }

    /// Who asks for windows: the words' occurrences are gathered once for each asker.
    final class Asker {}

    @Test func windowsAreTheSameWithTheWordsFoundAhead() {
        let source = """
        Item 1. Minutes
        The minutes were agreed.
        Nothing was said here at all, over several lines,
        and nothing here either.
        The Clerk undertook to write to the council, and it was agreed.
        """
        let words = [Array("agreed".utf8), Array("undertook".utf8)]
        let asker = Asker()
        let plain = Normalizer.normalize(SourceText(source.unicodeScalars), format: .text)
        let indexed = Normalizer.normalize(SourceText(source.unicodeScalars), format: .text)
        indexed.findTriggers(TriggerSet(words: words))
        for range in [0..<plain.utf8.count, 10..<60, 40..<plain.utf8.count] {
            for reach in [0, 5, 400] {
                let expected = plain.windows(around: words, for: asker, in: range, reach: reach)
                #expect(indexed.windows(around: words, for: asker, in: range, reach: reach) == expected)
                #expect(!expected.isEmpty)
            }
        }
        // With no reach, a window is the lines holding the word.
        #expect(plain.windows(around: [Array("undertook".utf8)], for: Asker(), in: 0..<plain.utf8.count, reach: 0).map {
            String(decoding: plain.utf8[$0], as: UTF8.self)
        } == ["The Clerk undertook to write to the council, and it was agreed."])
    }

    /// A word counts only where it lies wholly inside the range asked about,
    /// though its occurrences were gathered over the whole text.
    @Test func aWordCountsOnlyWhollyInsideTheRange() {
        let text = Normalizer.normalize(SourceText("it was agreed; it was noted".unicodeScalars), format: .text)
        let asker = Asker()
        let words = [Array("agreed".utf8), Array("noted".utf8)]
        #expect(text.contains(anyOf: words, for: asker, in: 0..<text.utf8.count))
        #expect(text.contains(anyOf: words, for: asker, in: 7..<12) == false, "'agreed' runs past the end")
        #expect(text.contains(anyOf: words, for: asker, in: 7..<13))
        #expect(text.contains(anyOf: words, for: asker, in: 8..<27) == true, "'noted' lies inside")
        #expect(text.contains(anyOf: words, for: asker, in: 8..<26) == false)
    }

    /// A word inside a window carries it on as far past itself as the first
    /// did: a match around it that runs onto the next line is not cut off.
    @Test func aWordInsideAWindowCarriesItOn() {
        let text = Normalizer.normalize(SourceText("a grant of £1m and £2\nmillion more\nlast line".unicodeScalars), format: .text)
        let windows = text.windows(around: [Array("£".utf8)], for: Asker(), in: 0..<text.utf8.count, reach: 8)
        let secondFeed = text.utf8.indices.filter { text.utf8[$0] == 0x0A }[1]
        #expect(windows == [0..<secondFeed])
    }
}

@Suite struct PartitionPointTests {
    @Test func findsTheFirstIndexPastTheBoundary() {
        let starts = [0, 4, 9, 9, 15]
        #expect(starts.partitionPoint { $0 > 9 } == 4)
        #expect(starts.partitionPoint { $0 >= 9 } == 2)
        #expect(starts.partitionPoint { $0 > 100 } == 5)
        #expect(starts.partitionPoint { $0 >= 0 } == 0)
        #expect([Int]().partitionPoint { $0 > 0 } == 0)
        // A line number is how many lines start at or before the offset.
        #expect(SourceText("ab\ncd\n\nef".unicodeScalars).line(at: 7) == 4)
        #expect(SourceText("ab\ncd\n\nef".unicodeScalars).line(at: 2) == 1)
    }
}

@Suite struct EmptySubjectTests {
    /// An empty subject (a word or cell cut down to nothing) is searched, not trapped on.
    @Test func anEmptySubjectIsSearched() throws {
        #expect(try Pattern("a*").matches(in: "").count == 1)
        #expect(try Pattern("b").matches(in: "").isEmpty)
        #expect(try Pattern("b").matches(in: [UInt8](), range: 0..<0).isEmpty)
        #expect(try Pattern("^").match(in: [UInt8](), range: 0..<0, anchoredAt: 0) != nil)
    }
}
