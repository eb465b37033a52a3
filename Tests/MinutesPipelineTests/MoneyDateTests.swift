import BundledRules
import MinutesCore
import MinutesRules
import Testing
@testable import MinutesPipeline

/// Sums of money and calendar references as real minutes write them.
@Suite struct MoneyDateTests {
    static let pipeline = Pipeline(rules: try! RuleBook.bundled())

    func extract(_ text: String, context: Context = Context()) throws -> MinutesDocument {
        try Self.pipeline.extract(bytes: Array(text.utf8), path: "test.txt", context: context)
    }

    /// One reader of two-digit years: "22/09/99" is 1999 as the meeting date
    /// and as a date in the text, the year of that ending nearest the meeting.
    @Test func aTwoDigitYearIsTheOneNearestTheMeeting() throws {
        let doc = try extract("""
        Elmfield Parish Council
        Minutes of the meeting held on 22/09/99 at 7.30 pm

        1. Finance
        The invoice dated 22/09/99 was paid. The lease ends on 01/04/02.
        """)
        #expect(doc.meeting.date == "1999-09-22")
        let values = doc.dates.filter { $0.text.contains("/") }.map(\.value)
        #expect(values == ["1999-09-22", "1999-09-22", "2002-04-01"])
    }

    @Test func theYearReaderChoosesTheCentury() {
        #expect(DayMonthYear.year("99", near: 2001) == 1999)
        #expect(DayMonthYear.year("02", near: 1999) == 2002)
        #expect(DayMonthYear.year("99", near: nil) == 1999)
        #expect(DayMonthYear.year("17", near: nil) == 2017)
        #expect(DayMonthYear.year("2017", near: 1950) == 2017)
    }

    /// Brackets in running text are an aside and a spaced dash a separator;
    /// a bracketed sum standing in a column of figures is negative; a range
    /// that cannot be read ("£350 to 1st …") leaves the sum inside it.
    @Test func signsOfMoneyAreWhatTheDocumentSays() throws {
        let doc = try extract("""
        1. Budget
        Savings such as shared crewing (£800k) and the control room (£350k) were noted.
        Hedge cutting - £150 per visit
        Pay award\t£1.1m\t(£0.3m)
        Cllr Ash proposed a grant of £350 to 1st Elmbury Scouts.
        Contracts over £500,000 and up to £1m go to Cabinet; the cost will be two million pounds.
        """, context: Context(meetingDate: "2024-02-06"))
        let values = doc.amounts.map { $0.value.map { "\($0)" } ?? "\($0.min ?? 0)-\($0.max ?? 0)" }
        #expect(values == ["800000", "350000", "150", "1100000", "-300000", "350", "500000-1000000", "2000000"])
        #expect(!doc.diagnostics.contains { $0.code == .invalidAmount })
    }

    /// Quarters without a year are the ones the minutes report on; runs of
    /// financial years are one interval; an academic year runs from September;
    /// "Sept 23" is a month.
    @Test func periodsAsMinutesWriteThem() throws {
        let doc = try extract("""
        1. Finance
        Agency spend in Q4 was lower than in Q3. Savings for 2019/20 to 2021/22 were noted.
        A Chair was elected for the academic year 2015/16. Works start Sept 23.
        """, context: Context(meetingDate: "2024-05-30"))
        let values = Dictionary(doc.dates.map { ($0.text, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(values["Q4"] == "2024-01-01/2024-03-31")
        #expect(values["Q3"] == "2023-10-01/2023-12-31")
        #expect(values["2019/20 to 2021/22"] == "2019-04-01/2022-03-31")
        #expect(values["academic year 2015/16"] == "2015-09-01/2016-08-31")
        #expect(values["Sept 23"] == "2023-09")
    }
}
