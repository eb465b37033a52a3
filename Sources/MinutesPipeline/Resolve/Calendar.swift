import Foundation
import MinutesCore
import MinutesRules

/// Turns the parts a calendar rule found (day, month, year, time, financial
/// year, quarter, or a relative reference) into an ISO value, given the
/// meeting date. The one place where dates get their values.
///
/// - A year left out is chosen by the sentence's tense: speaking of the
///   future, the first such date on or after the meeting; of the past, the
///   last on or before it; otherwise the nearest. Due dates are future.
/// - "end of June" is the last day of June; "the December meeting" is the
///   next meeting's date where that falls in December, else the month.
/// - A financial year "2016/17" runs 1 April 2016 – 31 March 2017; its
///   quarters are Apr–Jun, Jul–Sep, Oct–Dec and Jan–Mar. A quarter with no
///   year is the last such quarter begun by the meeting (the one reported
///   on), or the next to begin when the sentence speaks of the future.
///   "2019/20 to 2021/22" is one interval.
/// - An academic year "academic year 2015/16" runs 1 September – 31 August.
/// - A municipal year "2018/19" runs 1 May 2018 – 30 April 2019.
/// - "the next meeting" / "the previous meeting" are the dates the document
///   gives for them; otherwise there is no value. "ASAP" and "ongoing" have none.
/// - "Tuesday 3rd" is the Tuesday the 3rd nearest the meeting.
struct Calendar {
    typealias Day = (year: Int, month: Int, day: Int)
    let meeting: Day?
    let nextMeeting: String?
    let previousMeeting: String?

    enum Tense { case past, future, unknown }

    struct Value: Equatable {
        var value: String?
        var grain: String
        var resolved: Bool
    }

    init(meetingDate: String?, nextMeeting: String?, previousMeeting: String? = nil) {
        meeting = meetingDate.flatMap(Calendar.parse)
        self.nextMeeting = nextMeeting
        self.previousMeeting = previousMeeting
    }

    /// A `YYYY-MM-DD` date whose year the calendar can count with (`DayMonthYear.years`).
    static func parse(_ iso: String) -> Day? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, DayMonthYear.years.contains(parts[0]) else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    func value(of parts: [String: String], future: Bool) -> Value {
        value(of: parts, tense: future ? .future : .unknown)
    }

    func value(of parts: [String: String], tense: Tense) -> Value {
        let day = parts["day"].flatMap(Int.init), month = parts["month"].flatMap(Int.init)
        var year = parts["year"].flatMap(Int.init)
        if let written = parts["year2"], let meeting { year = DayMonthYear.year(written, near: meeting.year) }
        switch parts["relative"] {
        case "next-meeting":
            return Value(value: nextMeeting, grain: "day", resolved: nextMeeting != nil)
        case "previous-meeting":
            return Value(value: previousMeeting, grain: "day", resolved: previousMeeting != nil)
        case "asap", "ongoing":
            return Value(value: nil, grain: "day", resolved: false)
        case "academic-year":
            guard let fy = parts["fy"].flatMap(Int.init) else { break }
            return Value(value: "\(fy)-09-01/\(fy + 1)-08-31", grain: "academic-year", resolved: false)
        case "municipal-year":
            guard let fy = parts["fy"].flatMap(Int.init) else { break }
            return Value(value: "\(fy)-05-01/\(fy + 1)-04-30", grain: "municipal-year", resolved: false)
        default:
            break
        }
        if let time = parts["time"] { return Value(value: time, grain: "time", resolved: false) }
        if let q = parts["quarter"].flatMap(Int.init) {
            guard (1...4).contains(q) else { return Value(value: nil, grain: "quarter", resolved: false) }
            var resolved = false
            var fy = parts["fy"].flatMap(Int.init)
            if fy == nil, let meeting {
                // The quarter minutes report on: the last one begun by the meeting
                // ("Q4" in May is January to March just gone); spoken of as to come,
                // the first not yet over.
                let current = meeting.month >= 4 ? meeting.year : meeting.year - 1
                let begins = { (fy: Int) in (q == 4 ? fy + 1 : fy, [4, 7, 10, 1][q - 1]) }
                let started = begins(current) <= (meeting.year, meeting.month)
                let over = begins(current) < (meeting.year, meeting.month - 2)
                fy = tense == .future ? (over ? current + 1 : current) : (started ? current : current - 1)
                resolved = true
            }
            guard let fy else { return Value(value: nil, grain: "quarter", resolved: false) }
            let startMonth = [4, 7, 10, 1][q - 1], y = q == 4 ? fy + 1 : fy
            let endMonth = startMonth + 2
            return Value(value: "\(DateValue.iso(year: y, month: startMonth, day: 1))/\(DateValue.iso(year: y, month: endMonth, day: DayMonthYear.daysIn(month: endMonth, year: y)))",
                         grain: "quarter", resolved: resolved)
        }
        if let fy = parts["fy"].flatMap(Int.init), let last = parts["fyEnd"].flatMap(Int.init) {
            return Value(value: "\(fy)-04-01/\(last + 1)-03-31", grain: "financial-year", resolved: false)
        }
        if let fy = parts["fy"].flatMap(Int.init) {
            return Value(value: "\(fy)-04-01/\(fy + 1)-03-31", grain: "financial-year", resolved: false)
        }
        if let weekday = parts["weekday"].flatMap(Int.init), let day, month == nil, parts["year"]?.isEmpty != false {
            return Value(value: nearestWeekday(weekday, day: day), grain: "day", resolved: true)
        }
        var resolved = false
        // "Sunday 7 May": the year in which that day is a Sunday, nearest the meeting.
        if year == nil, let weekday = parts["weekday"].flatMap(Int.init), let month, let day, let meeting {
            let fits = [meeting.year, meeting.year + 1, meeting.year - 1].filter {
                DayMonthYear.isValid(year: $0, month: month, day: day) && Calendar.weekday($0, month, day) == weekday
            }
            if let y = fits.first { return Value(value: DateValue.iso(year: y, month: month, day: day), grain: "day", resolved: true) }
        }
        // "the April meeting": the next (or previous) meeting where it falls in that month.
        if parts["relative"] == "month-meeting", year == nil, let month {
            for known in [nextMeeting, previousMeeting].compactMap({ $0 }) where Calendar.parse(known)?.month == month {
                return Value(value: known, grain: "day", resolved: true)
            }
        }
        if year == nil, let month, let meeting {
            // A meeting named by its month is one to come ("the April meeting").
            let tense = parts["relative"] == "month-meeting" && tense != .past ? .future : tense
            year = chooseYear(month: month, day: day ?? (parts["relative"] == "end-of-month" ? 28 : 15), tense: tense, meeting: meeting,
                              monthOnly: day == nil && parts["relative"] != "end-of-month")
            resolved = true
        }
        guard let year else { return Value(value: nil, grain: month == nil ? "year" : "day", resolved: false) }
        guard let month else { return Value(value: year.zeroPadded(4), grain: "year", resolved: false) }
        if parts["relative"] == "end-of-month" {
            return Value(value: DateValue.iso(year: year, month: month, day: DayMonthYear.daysIn(month: month, year: year)), grain: "day", resolved: resolved)
        }
        // "the December meeting": the next meeting, where it is in that month.
        if parts["relative"] == "month-meeting", let next = nextMeeting, next.hasPrefix(DateValue.iso(year: year, month: month)) {
            return Value(value: next, grain: "day", resolved: true)
        }
        guard let day else { return Value(value: DateValue.iso(year: year, month: month), grain: "month", resolved: resolved) }
        guard DayMonthYear.isValid(year: year, month: month, day: day) else { return Value(value: nil, grain: "day", resolved: false) }
        return Value(value: DateValue.iso(year: year, month: month, day: day), grain: "day", resolved: resolved)
    }

    /// The year of a day and month the text gives without one.
    func chooseYear(month: Int, day: Int, tense: Tense, meeting: Day, monthOnly: Bool) -> Int {
        let m = (meeting.month, meeting.day)
        switch tense {
        case .future:
            if monthOnly { return month >= meeting.month ? meeting.year : meeting.year + 1 }
            return (month, day) >= m ? meeting.year : meeting.year + 1
        case .past:
            if monthOnly { return month <= meeting.month ? meeting.year : meeting.year - 1 }
            return (month, day) <= m ? meeting.year : meeting.year - 1
        case .unknown:
            let here = dayNumber(meeting.year, meeting.month, meeting.day)
            return [meeting.year - 1, meeting.year, meeting.year + 1].min {
                abs(dayNumber($0, month, min(day, 28)) - here) < abs(dayNumber($1, month, min(day, 28)) - here)
            }!
        }
    }

    func nearestWeekday(_ weekday: Int, day: Int) -> String? {
        guard let meeting else { return nil }
        var best: (Int, String)?
        for offset in -2...2 {
            var y = meeting.year, m = meeting.month + offset
            while m < 1 { m += 12; y -= 1 }
            while m > 12 { m -= 12; y += 1 }
            guard DayMonthYear.isValid(year: y, month: m, day: day), Calendar.weekday(y, m, day) == weekday else { continue }
            let distance = abs(dayNumber(y, m, day) - dayNumber(meeting.year, meeting.month, meeting.day))
            if distance < best?.0 ?? Int.max { best = (distance, DateValue.iso(year: y, month: m, day: day)) }
        }
        return best?.1
    }

    /// Days since a fixed origin (proleptic Gregorian), for distances.
    func dayNumber(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3
        return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045
    }

    /// 1 = Monday … 7 = Sunday.
    static func weekday(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let yy = m < 3 ? y - 1 : y
        let w = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7  // 0 = Sunday
        return w == 0 ? 7 : w
    }
}
