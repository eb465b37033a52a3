import MinutesCore
import Testing
@testable import MinutesText

@Suite struct NormalizeTests {
    func normalized(_ s: String, _ format: SourceFormat = .text) -> NormalizedText {
        Normalizer.normalize(SourceText(s.unicodeScalars), format: format)
    }

    /// Every normalised character maps back into the original, in order.
    func expectMapsBack(_ n: NormalizedText) {
        var previous = 0
        for i in 0..<n.count {
            let r = n.originalRange(i..<(i + 1))
            #expect(r.lowerBound >= previous || r.lowerBound == previous)
            #expect(r.upperBound <= n.source.count)
            previous = r.lowerBound
        }
    }

    @Test func spacesQuotesDashesAndSoftHyphens() {
        let n = normalized("a\u{00A0}b \u{2018}c\u{2019} \u{201C}d\u{201D} 9\u{2013}11 e\u{2014}f co\u{00AD}operate")
        #expect(n.text(0..<n.count) == "a b 'c' \"d\" 9-11 e-f cooperate")
        expectMapsBack(n)
    }

    @Test func nfkcThroughICU() {
        let n = normalized("\u{FB01}nance \u{2153} caf\u{0065}\u{0301} \u{2026}")
        #expect(n.text(0..<n.count) == "finance 1\u{2044}3 café ...")
        // "ﬁ" becomes two characters that both map back to the one original.
        #expect(n.originalRange(0..<2) == 0..<1)
        // "e" + combining acute compose to one character spanning both originals.
        let cafe = n.text(0..<n.count).unicodeScalars.firstIndex(of: "é")!
        let at = n.text(0..<n.count).unicodeScalars.distance(from: n.text(0..<n.count).unicodeScalars.startIndex, to: cafe)
        #expect(n.originalRange(at..<(at + 1)).count == 2)
    }

    @Test func bulletsBecomeOneBullet() {
        let n = normalized("\u{00B7} one\n\u{F0B7} two\n\u{00A7} three\nsection \u{00A7}4")
        #expect(n.text(0..<n.count) == "• one\n• two\n• three\nsection §4")
    }

    @Test func crlfBecomesLineFeedSpanningBoth() {
        let n = normalized("a\r\nb\rc")
        #expect(n.text(0..<n.count) == "a\nb\nc")
        #expect(n.originalRange(1..<2) == 1..<3)
    }

    @Test func htmlFragmentsInText() {
        let source = "1.\t<p>i) Minutes</p> <p>MH &amp; RH agreed</p>\t<i>VH</i>\ta < b"
        let n = normalized(source)
        #expect(n.text(0..<n.count) == "1.\t\u{2029}i) Minutes\u{2029} \u{2029}MH & RH agreed\u{2029}\tVH\ta < b")
        // The decoded entity maps back to the five characters of "&amp;".
        let amp = Array(n.scalars).firstIndex(of: "&")!
        #expect(n.source.text(n.originalRange(amp..<(amp + 1))) == "&amp;")
    }

    @Test func htmlPagesDropTagsScriptsAndCollapseSpace() {
        let page = """
            <html><head><style>p { color: red }</style><script>var x = "<p>";</script></head>
            <body><h1>Police   and
            Crime Panel</h1><p>Held on 5&nbsp;May&nbsp;2021</p>
            <table><tr><td>77</td><td>Apologies</td></tr><tr><td>78</td><td>Minutes</td></tr></table>
            <ul><li>one</li></ul><!-- a comment --></body></html>
            """
        let n = normalized(page, .html)
        let lines = n.text(0..<n.count).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines == ["Police and Crime Panel", "Held on 5 May 2021", "77\tApologies", "78\tMinutes", "• one"])
        expectMapsBack(n)
    }

    @Test func spansPointIntoTheOriginal() {
        let source = "Cost:\u{00A0}\u{00A3}1.2m \u{2013} see <b>report</b>"
        let n = normalized(source)
        let s = n.text(0..<n.count)
        let range = s.range(of: "£1.2m")!
        let lo = s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: range.lowerBound)
        let span = n.span(lo..<(lo + 5))
        #expect(n.source.text(span) == "\u{00A3}1.2m")
        #expect(span.start == 6 && span.end == 11 && span.line == 1)
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\u{2029}"]
}

@Suite struct SmallFormattingTests {
    @Test func zeroPaddedWritesWhatPercentZeroNDWould() {
        #expect(7.zeroPadded(2) == "07")
        #expect(0.zeroPadded(2) == "00")
        #expect(2017.zeroPadded(4) == "2017")
        #expect(123.zeroPadded(2) == "123")
        #expect((-5).zeroPadded(3) == "-05")  // the sign counts in the width, as with %03d
        #expect(Int32(9).zeroPadded(4) == "0009")
    }

    @Test func trimmingDropsOnlyTheChosenScalarsAtTheEnds() {
        #expect("..Sept. ".trimming { $0 == "." || $0 == " " } == "Sept")
        #expect("a. b".trimming { $0 == "." || $0 == " " } == "a. b")
        #expect(". .".trimming { $0 == "." || $0 == " " } == "")
        #expect("\t June \n".trimmingSpaces() == "June")
    }
}
