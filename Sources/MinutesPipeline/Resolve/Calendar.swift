import MinutesRules

/// Turns the parts a calendar rule found (day, month, year, or a relative
/// reference) into an ISO value, given the meeting date. The one place where
/// dates get their values.
///
/// - A year left out is the meeting's; for a due date (`future: true`) a day
///   or month that would fall before the meeting is next year's.
/// - "end of June" is the last day of June.
/// - "the next meeting" is the next meeting's date where the document gives
///   one; otherwise there is no value.
/// - "the December meeting" is the next meeting's date where that falls in
///   December; otherwise the month.
/// - "ASAP" and "ongoing" have no value.
struct Calendar {
    /// `YYYY-MM-DD` of the meeting, where known.
    let meeting: (year: Int, month: Int, day: Int)?
    /// `YYYY-MM-DD` of the next meeting, where the document gives it.
    let nextMeeting: String?

    struct Value: Equatable {
        var value: String?
        var grain: String
        var resolved: Bool
    }

    init(meetingDate: String?, nextMeeting: String?) {
        meeting = meetingDate.flatMap(Calendar.parse)
        self.nextMeeting = nextMeeting
    }

    static func parse(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    func value(of parts: [String: String], future: Bool) -> Value {
        let day = parts["day"].flatMap(Int.init), month = parts["month"].flatMap(Int.init)
        var year = parts["year"].flatMap(Int.init)
        switch parts["relative"] {
        case "next-meeting":
            return Value(value: nextMeeting, grain: "day", resolved: nextMeeting != nil)
        case "asap", "ongoing":
            return Value(value: nil, grain: "day", resolved: false)
        default:
            break
        }
        var resolved = false
        if year == nil, let month, let meeting {
            year = meeting.year
            resolved = true
            if future, (month, day ?? 31) < (meeting.month, meeting.day) { year = meeting.year + 1 }
        }
        guard let year, let month else { return Value(value: nil, grain: "day", resolved: false) }
        if parts["relative"] == "end-of-month" {
            return Value(value: Calendar.iso(year, month, DayMonthYear.daysIn(month: month, year: year)), grain: "day", resolved: resolved)
        }
        // "the December meeting": the next meeting, where it is in that month.
        if parts["relative"] == "month-meeting", let next = nextMeeting, next.hasPrefix(String(format: "%04d-%02d", year, month)) {
            return Value(value: next, grain: "day", resolved: true)
        }
        guard let day else { return Value(value: String(format: "%04d-%02d", year, month), grain: "month", resolved: resolved) }
        guard DayMonthYear.isValid(year: year, month: month, day: day) else { return Value(value: nil, grain: "day", resolved: false) }
        return Value(value: Calendar.iso(year, month, day), grain: "day", resolved: resolved)
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        String(format: "%04d-%02d-%02d", y, m, d)
    }
}

import Foundation
