import BundledRules
import MinutesCore
import MinutesRules
import Testing
@testable import MinutesPipeline

/// The stages end to end on small documents written for the test.
@Suite struct PipelineTests {
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())

    func extract(_ text: String, path: String = "test.txt", context: Context = Context()) throws -> MinutesDocument {
        try Self.pipeline.extract(bytes: Array(text.utf8), path: path, context: context)
    }

    static let minutes = """
    North Vale Police and Crime Panel
    Minutes of the meeting held on Thursday, 12 March 2020 at 10.30 am
    Venue: Council Chamber, Town Hall

    Present: Cllr A Burke (Chairman), Cllr B Cole

    14/20 Apologies
    Apologies were received from Cllr D Dale.

    15/20 Budget Monitoring
    The overspend of £885k against a budget of £10.5 million was noted, with £1,234.56 of fees.

    16/20 Date of next meeting
    The next meeting will be held on 4 June 2020.
    """

    /// What a second thread compiles ahead: the extractors' rules in the
    /// order of the stages, not fragments or rules only the segmenter tries.
    @Test func compilingAheadTakesTheRulesTheExtractorsSearch() throws {
        let book = try RuleBook.bundled()
        let order = Pipeline.searchOrder(book).map(\.id)
        #expect(Set(order).count == order.count)
        #expect(!book.rules.contains { $0.yields == .fragment && order.contains($0.id) })
        #expect(!book.rules.contains { $0.yields == .item && order.contains($0.id) })
        // Attendance headings are also searched on item titles; every calendar rule is searched.
        #expect(book.rules.filter { $0.yields == .attendanceHeading || $0.yields == .calendar }.allSatisfy { order.contains($0.id) })
        let dimensions = order.compactMap { id in book.rule(id: id)?.dimension }
        #expect(dimensions.first == "meeting")
        #expect(dimensions.last == "amounts")
        #expect(dimensions.firstIndex(of: "dates")! > dimensions.lastIndex(of: "actions")!)
    }

    /// A header run into one long line with its register (no items follow)
    /// still gives the meeting: the lead is that opening paragraph.
    @Test func aHeaderRunIntoOneLongLine() throws {
        let doc = try extract("WESTMERE PARISH COUNCIL Minutes of the meeting of Westmere Parish Council held on Tuesday 1st "
            + "September 2009 at 7pm in the Village Hall. PRESENT Cllr P Dale (Chairman) Cllr K Rowe Cllr I Benn Cllr T Rudge\n")
        #expect(doc.meeting.title == "WESTMERE PARISH COUNCIL")
        #expect(doc.meeting.date == "2009-09-01")
        #expect(doc.meeting.start == "19:00")
    }

    /// Of the dates in a header, the one the meeting was held on wins over a
    /// publication date and the meeting that will approve the minutes.
    @Test func theDateTheMeetingWasHeldOn() throws {
        let doc = try extract("""
        WESTMERE TOWN COUNCIL

        DRAFT - published 24 November 2023 - to be approved at the meeting of 18 December 2023

        MINUTES OF THE MEETING OF THE FULL COUNCIL HELD ON MONDAY 20 NOVEMBER 2023 AT 7.00PM

        1. Apologies
        None.
        """)
        #expect(doc.meeting.title == "WESTMERE TOWN COUNCIL")
        #expect(doc.meeting.date == "2023-11-20")
        #expect(doc.meeting.fields["date"]?.rule == "meeting.date-held-on")
    }

    @Test func meetingHeader() throws {
        let doc = try extract(Self.minutes)
        #expect(doc.meeting.title == "North Vale Police and Crime Panel")
        #expect(doc.meeting.date == "2020-03-12")
        #expect(doc.meeting.start == "10:30")
        #expect(doc.meeting.venue == "Council Chamber, Town Hall")
        #expect(doc.meeting.fields["date"]?.rule != nil)
    }

    @Test func itemsWithNumbersTitlesAndIds() throws {
        let doc = try extract(Self.minutes)
        #expect(doc.items.map(\.number) == ["14/20", "15/20", "16/20"])
        #expect(doc.items.map(\.title) == ["Apologies", "Budget Monitoring", "Date of next meeting"])
        #expect(doc.items.map(\.id) == ["I14-20", "I15-20", "I16-20"])
        #expect(doc.items.allSatisfy { !$0.rule.isEmpty })
    }

    @Test func amountsWithValuesAndSpans() throws {
        let doc = try extract(Self.minutes)
        #expect(doc.amounts.map(\.text) == ["£885k", "£10.5 million", "£1,234.56"])
        // Exact decimals: a Double literal would not do (1234.56 is not a binary fraction).
        #expect(doc.amounts.map(\.value) == ["885000", "10500000", "1234.56"].map { Decimal(string: $0) })
        #expect(doc.amounts.allSatisfy { $0.currency == "GBP" })
        let scalars = Array(Self.minutes.unicodeScalars)
        for amount in doc.amounts {
            let slice = String(String.UnicodeScalarView(scalars[amount.span.start..<amount.span.end]))
            #expect(slice == amount.text)
        }
    }

    @Test func everyListIsPresentEvenWhenEmpty() throws {
        let doc = try extract(Self.minutes)
        let json = try #require(try JSONSerialization.jsonObject(with: Emitter.json(doc)) as? [String: Any])
        for key in ["schema", "source", "meeting", "people", "attendance", "items", "decisions", "actions", "amounts", "dates", "diagnostics"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["schema"] as? String == "minutes/1")
    }

    @Test func contextFillsWhatTheHeaderDoesNotSay() throws {
        let doc = try extract("1. Welcome\nThe chair opened the meeting.\n", context: Context(meetingDate: "2021-05-05", body: "Melby Parish Council"))
        #expect(doc.meeting.date == "2021-05-05")
        #expect(doc.meeting.title == "Melby Parish Council")
        #expect(doc.meeting.fields["date"] == nil, "a date from the context has no span in the text")
    }

    @Test func headerDateWinsOverContext() throws {
        let doc = try extract(Self.minutes, context: Context(meetingDate: "1999-01-01"))
        #expect(doc.meeting.date == "2020-03-12")
    }

    @Test func missingDateAndTitleAreDiagnosed() throws {
        let doc = try extract("1. Welcome\nThe chair opened the meeting.\n")
        let codes = doc.diagnostics.map(\.code)
        #expect(codes.contains(.meetingDateMissing))
        #expect(codes.contains(.meetingTitleMissing))
    }

    @Test func emptyInputGivesADocumentWithADiagnostic() throws {
        let doc = try extract("")
        #expect(doc.items.isEmpty && doc.amounts.isEmpty)
        #expect(doc.diagnostics.first?.code == .emptyInput)
        #expect(doc.source.bytes == 0)
        let blank = try extract(" \n\t\n")
        #expect(blank.diagnostics.first?.message == "the file holds only white space: there is nothing to extract")
    }

    @Test func legacyEncodingIsReported() throws {
        let doc = try Self.pipeline.extract(bytes: [0xA3, 0x35, 0x30, 0x30, 0x20, 0x96, 0x20, 0x6F, 0x6B], path: "old.txt")
        #expect(doc.source.encoding == .windows1252)
        #expect(doc.diagnostics.map(\.code).contains(.legacyEncoding))
        #expect(doc.amounts.first?.text == "£500")
    }

    @Test func binaryInputIsRefused() {
        #expect(throws: InputError.self) {
            try Self.pipeline.extract(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00], path: "a.out")
        }
    }

    @Test func sizeLimit() {
        #expect(throws: InputError.tooLarge(bytes: 10, limit: 5)) {
            try Self.pipeline.extract(bytes: Array("0123456789".utf8), path: "x.txt", byteLimit: 5)
        }
    }

    @Test func htmlFilesAreReadAsPages() throws {
        let html = """
        <html><head><title>x</title><style>p { color: red }</style></head><body>
        <h1>Parish Council</h1><p>Minutes of the meeting held on 5 May 2021</p>
        <h2>1. Apologies</h2><p>None &amp; no fees of &pound;500.</p>
        <script>var a = "£999";</script>
        </body></html>
        """
        let doc = try extract(html, path: "m.html")
        #expect(doc.source.format == .html)
        #expect(doc.meeting.date == "2021-05-05")
        #expect(doc.items.map(\.title) == ["Apologies"])
        #expect(doc.amounts.map(\.text) == ["&pound;500"], "the span is the original markup")
    }

    @Test func runawayPatternBecomesADiagnostic() throws {
        let yaml = """
        - id: amount.runaway
          description: catastrophic backtracking on purpose
          pattern: '(?<num>(a+)+)+£'
          yields: money
          examples:
            - text: "a£"
              expect: {value: 0}
            - text: "b"
              expect: none
        """
        let rules = try RuleBook.load(files: [("Rules/amounts/runaway.yaml", yaml)])
        let pipeline = Pipeline(rules: rules)
        let text = String(repeating: "a", count: 40) + "!£\n"
        let doc = try pipeline.extract(bytes: Array(text.utf8), path: "hostile.txt")
        #expect(doc.diagnostics.contains { $0.code == .patternLimit && $0.rule == "amount.runaway" })
    }

    /// The next meeting's date is looked for once per document, though the
    /// action and date extractors both need it: a rule that runs away there is
    /// reported once.
    @Test func theNextMeetingIsLookedForOnce() throws {
        let yaml = """
        - id: meeting.runaway-next
          description: catastrophic backtracking on purpose
          pattern: '(?:(a+)+)+(?<day>\\d)(?<month>x)'
          yields: next-meeting
          examples:
            - text: "a1x"
              expect: {day: "1", month: "x"}
            - text: "b"
              expect: none
        """
        let rules = try RuleBook.load(files: [("Rules/meeting/runaway.yaml", yaml)])
        let text = "Minutes of the meeting held on 3 March 2020\n\n" + String(repeating: "a", count: 40) + "!1x\n"
        let doc = try Pipeline(rules: rules).extract(bytes: Array(text.utf8), path: "hostile.txt")
        #expect(doc.diagnostics.filter { $0.code == .patternLimit && $0.rule == "meeting.runaway-next" }.count == 1)
    }

    @Test func outputIsDeterministic() throws {
        let a = Emitter.json(try extract(Self.minutes), pretty: true)
        let b = Emitter.json(try extract(Self.minutes), pretty: true)
        #expect(a == b)
    }
}

import Foundation
