import Foundation
import MinutesCore
import MinutesText

extension Yield {
    /// Builds the value of one match from its named groups (normalised text) and the rule's `set:`.
    public func build(_ groups: [String: String], settings: [String: String]) -> Result<RuleValue, BuildFailure> {
        switch self {
        case .item:
            let number = Clean.itemNumber(groups["number"] ?? "")
            guard !number.isEmpty else { return .failure(BuildFailure(reason: "empty item number")) }
            let title = groups["title"].map(Clean.title).flatMap { $0.isEmpty ? nil : $0 }
            return .success(.item(number: number, title: title))
        case .attendanceHeading:
            return .success(.heading(setting: settings["status"] ?? ""))
        case .itemTableHeader:
            return .success(.heading(setting: ""))
        case .blockMarker:
            return .success(.heading(setting: settings["block"] ?? ""))
        case .money:
            return Money.build(groups, settings: settings)
        case .meetingTitle:
            let body = Clean.title(groups["body"] ?? "")
            guard !body.isEmpty else { return .failure(BuildFailure(reason: "empty body name")) }
            let organisation = groups["organisation"].map(Clean.title).flatMap { $0.isEmpty ? nil : $0 }
            return .success(.title(body: body, organisation: organisation))
        case .meetingDate:
            return DayMonthYear.date(day: groups["day"] ?? "", month: groups["month"] ?? "", year: groups["year"] ?? "")
        case .meetingTime:
            guard let start = Clock.time(hour: groups["hour"], minute: groups["minute"], ampm: groups["ampm"]) else {
                return .failure(BuildFailure(reason: "not a time of day"))
            }
            let end = Clock.time(hour: groups["endhour"], minute: groups["endminute"], ampm: groups["endampm"] ?? groups["ampm"])
            return .success(.time(start: start, end: end))
        case .decision:
            let kind = groups["noted"] != nil ? "noted" : settings["kind"] ?? ""
            return .success(.parts(["kind": kind]))
        case .motion:
            return Motion.build(groups, settings: settings)
        case .remoteAttendance:
            return .success(.parts(["names": Clean.title(groups["names"] ?? "")]))
        case .notDate:
            return .success(.parts([:]))
        case .tense:
            return .success(.parts(["tense": settings["tense"] ?? ""]))
        case .calendar, .nextMeeting, .previousMeeting:
            var parts: [String: String] = [:]
            if let d = groups["day"], !d.isEmpty {
                guard let day = Int(d), (1...31).contains(day) else { return .failure(BuildFailure(reason: "no day \(d)")) }
                parts["day"] = "\(day)"
            }
            if let m = groups["month"], !m.isEmpty {
                guard let month = DayMonthYear.month(m) else { return .failure(BuildFailure(reason: "no month \(m)")) }
                parts["month"] = "\(month)"
            }
            if let y = groups["year"], !y.isEmpty, let year = DayMonthYear.year(y, near: nil) {
                guard DayMonthYear.years.contains(year) else { return .failure(BuildFailure(reason: "no year \(y)")) }
                parts["year"] = "\(year)"
                // The century of "22/09/99" is chosen against the meeting date, by the calendar.
                if y.count == 2 { parts["year2"] = y }
            } else {
                parts["year"] = ""
            }
            if let relative = settings["relative"] { parts["relative"] = relative }
            if let w = groups["weekday"], !w.isEmpty {
                let days = ["sun": 1, "mon": 2, "tues": 3, "wednes": 4, "thurs": 5, "fri": 6, "satur": 7]
                parts["weekday"] = days[w.lowercased()].map { "\($0 - 1 == 0 ? 7 : $0 - 1)" }
            }
            if groups["noon"]?.isEmpty == false { parts["time"] = "12:00" }
            if let h = groups["hour"], !h.isEmpty {
                guard let time = Clock.time(hour: h, minute: groups["minute"].flatMap { $0.isEmpty ? nil : $0 } ?? (groups["ampm"] == nil ? nil : "00"),
                                            ampm: groups["ampm"]) else { return .failure(BuildFailure(reason: "not a time of day")) }
                parts["time"] = time
            }
            if let a = groups["fy1"], !a.isEmpty, let start = Int(a), let b = groups["fy2"], var end = Int(b) {
                guard DayMonthYear.years.contains(start), DayMonthYear.years.contains(end) || b.count == 2 else {
                    return .failure(BuildFailure(reason: "\(a)/\(b) is not a pair of years"))
                }
                if b.count == 2 { end += start / 100 * 100; if end < start { end += 100 } }
                guard end == start + 1 else { return .failure(BuildFailure(reason: "\(a)/\(b) is not one year to the next")) }
                parts["fy"] = "\(start)"
            }
            // "2019/20 to 2021/22": one interval, to the end of the last year named.
            if parts["fy"] != nil, let a = groups["fz1"], let start = Int(a), let b = groups["fz2"], var end = Int(b) {
                if b.count == 2 { end += start / 100 * 100; if end < start { end += 100 } }
                guard end == start + 1, let first = parts["fy"].flatMap(Int.init), start > first else {
                    return .failure(BuildFailure(reason: "\(a)/\(b) is not a later financial year"))
                }
                parts["fyEnd"] = "\(start)"
            }
            if let q = groups["q"] ?? groups["q2"], !q.isEmpty { parts["quarter"] = q }
            if let w = groups["qword"], !w.isEmpty {
                parts["quarter"] = ["first": "1", "second": "2", "third": "3", "fourth": "4", "final": "4", "last": "4"][w.lowercased()]
            }
            if let d = parts["day"].flatMap(Int.init), let m = parts["month"].flatMap(Int.init),
               let y = parts["year"].flatMap(Int.init), !DayMonthYear.isValid(year: y, month: m, day: d) {
                return .failure(BuildFailure(reason: "not a calendar date"))
            }
            return .success(.parts(parts))
        case .actionColumn:
            return .success(.parts(["column": settings["column"] ?? ""]))
        case .actionRef:
            return .success(.parts(["ref": Clean.title(groups["ref"] ?? "")]))
        case .actionStatus:
            return .success(.parts(["status": settings["status"] ?? ""]))
        case .action:
            return .success(.parts(["owner": Clean.title(groups["owner"] ?? ""), "text": settings["text"] ?? "sentence",
                                     "owner-known": settings["owner"] ?? ""]))
        case .fragment, .organisation:
            return .success(.parts([:]))
        case .person:
            let name = Clean.title(groups["name"] ?? "")
            guard !name.isEmpty else { return .failure(BuildFailure(reason: "empty name")) }
            return .success(.parts(["name": name, "honorific": Clean.title(groups["honorific"] ?? "")]))
        case .attendanceList:
            return .success(.parts(["status": settings["status"] ?? "", "names": Clean.title(groups["names"] ?? "")]))
        case .attendanceNone:
            return .success(.parts(["status": settings["status"] ?? ""]))
        case .attendanceLabel:
            return .success(.parts(["status": settings["status"] ?? "", "label": Clean.title(groups["label"] ?? "")]))
        case .attendanceLegend:
            return .success(.parts(["status": settings["status"] ?? "", "mark": groups["mark"] ?? ""]))
        case .substitution:
            return .success(.parts(["person": Clean.title(groups["person"] ?? ""), "for": Clean.title(groups["for"] ?? "")]))
        case .attendanceTime:
            guard let time = Clock.time(hour: groups["hour"], minute: groups["minute"], ampm: groups["ampm"]) else {
                return .failure(BuildFailure(reason: "not a time of day"))
            }
            return .success(.parts(["event": settings["event"] ?? "", "time": time]))
        case .meetingVenue:
            let venue = Clean.title(groups["venue"] ?? "")
            guard !venue.isEmpty else { return .failure(BuildFailure(reason: "empty venue")) }
            return .success(.venue(venue))
        }
    }
}

/// The parts of a motion a match gives, as flat fields.
enum Motion {
    static func build(_ groups: [String: String], settings: [String: String]) -> Result<RuleValue, BuildFailure> {
        var parts = settings
        for key in ["proposer", "seconder", "names"] {
            if let g = groups[key], !g.isEmpty { parts[key] = Clean.title(g) }
        }
        if let g = groups["vote"], !g.isEmpty {
            let word = g.lowercased()
            parts["vote"] = word.hasPrefix("abst") ? "abstain" : word.hasPrefix("against") ? "against" : "for"
        }
        for key in ["for", "against", "abstain"] {
            guard let g = groups[key], !g.isEmpty else { continue }
            guard let n = count(g) else { return .failure(BuildFailure(reason: "'\(g)' is not a count of votes")) }
            parts[key] = "\(n)"
        }
        return .success(.parts(parts))
    }

    /// "8", "eight", "no", "none", "nil" → a count.
    static func count(_ text: String) -> Int? {
        let word = text.trimmingSpaces().lowercased()
        if let n = Int(word), n >= 0, n < 10_000 { return n }
        return numberWords[word]
    }

    static let numberWords: [String: Int] = [
        "no": 0, "none": 0, "nil": 0, "nobody": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
        "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]
}

/// Tidying of captured text that becomes a value (not a span).
enum Clean {
    /// Collapses white space and drops markdown emphasis and trailing punctuation.
    static func title(_ raw: String) -> String {
        var s = raw
        if s.utf8.indices.dropLast().contains(where: { i in
            let b = s.utf8[i]
            return (b == 0x2A || b == 0x5F) && s.utf8[s.utf8.index(after: i)] == b
        }) {
            s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        }
        s = s.collapsingSpaces
        while let last = s.last, last == "." || last == ":" || last == "-" || last == "," || last == ";" || last == " " {
            if last == ".", s.hasSuffix("..") { break }
            s.removeLast()
        }
        return s
    }

    static func itemNumber(_ raw: String) -> String {
        var s = raw.trimmingSpaces(lineEnds: false)
        while s.hasSuffix(".") || s.hasSuffix(")") { s.removeLast() }
        return s
    }
}

/// Sums of money in major units.
enum Money {
    static let multipliers: [String: Decimal] = [
        "k": 1_000, "thousand": 1_000,
        "m": 1_000_000, "mn": 1_000_000, "mil": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
        "bn": 1_000_000_000, "b": 1_000_000_000, "billion": 1_000_000_000, "billions": 1_000_000_000,
        "hundred": 100,
    ]

    /// Numbers written in words, as sums are ("two million pounds", "twenty-five pounds").
    static let numberWords: [String: Int] = [
        "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// "twenty-five", "two", "a": the tens and units of a number in words.
    static func wordNumber(_ text: String) -> Decimal? {
        let words = text.lowercased().split { $0 == "-" || $0 == " " }
        guard !words.isEmpty, words.count <= 2 else { return nil }
        var total = 0
        for w in words {
            guard let n = numberWords[String(w)] else { return nil }
            total += n
        }
        return Decimal(total)
    }

    /// Groups: `num` (with `mult`), or `min` and `max` (with `minmult`, `maxmult`);
    /// optional `period`, `code` (an ISO currency code written in the text),
    /// `neg` (a minus sign or brackets), `upper`/`lower` ("up to £500" is an
    /// upper bound). `set: {unit: pence}` reads the number as pence.
    static func build(_ groups: [String: String], settings: [String: String]) -> Result<RuleValue, BuildFailure> {
        let currency = groups["code"].map { $0.uppercased() } ?? settings["currency"] ?? "GBP"
        let period = settings["period"] ?? groups["period"].flatMap(Money.period)
        let bound: String? = groups["upper"] != nil ? "max" : groups["lower"] != nil ? "min" : nil
        let negative = groups["neg"] != nil
        if let num = groups["num"] {
            guard var value = amount(num, groups["mult"]) else {
                return .failure(BuildFailure(reason: "cannot read the number '\(num)'"))
            }
            if settings["unit"] == "pence" { value /= 100 }
            return .success(.money(value: negative ? -value : value, min: nil, max: nil, currency: currency, period: period, bound: bound))
        }
        guard let lo = groups["min"], let hi = groups["max"] else {
            return .failure(BuildFailure(reason: "a money pattern needs group num, or min and max"))
        }
        // "£1-2m": a multiplier written once applies to both bounds, unless the
        // lower would then pass the upper ("over £500,000 and up to £1m").
        let maxMult = groups["maxmult"]
        let shared = groups["minmult"] ?? maxMult
        guard let max = amount(hi, maxMult),
              let min = amount(lo, shared).flatMap({ $0 <= max ? $0 : nil }) ?? amount(lo, groups["minmult"]) else {
            return .failure(BuildFailure(reason: "cannot read the range '\(lo)'–'\(hi)'"))
        }
        guard min <= max else { return .failure(BuildFailure(reason: "the range '\(lo)'–'\(hi)' runs backwards")) }
        return .success(.money(value: nil, min: min, max: max, currency: currency, period: period))
    }

    /// `1,234.56` with an optional multiplier word; nil when the digit grouping is not thousands.
    static func amount(_ number: String, _ multiplier: String?) -> Decimal? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        guard var value = decimal(number) ?? wordNumber(number) else { return nil }
        if let m = multiplier?.lowercased().trimmingSpaces(lineEnds: false), !m.isEmpty {
            guard let factor = multipliers[m] else { return nil }
            value *= factor
        }
        return value
    }

    /// "1,234.56" read exactly: ASCII digits, commas (already checked as
    /// thousands) and at most one full stop. Built from an integer and a
    /// power of ten, without a Locale (which cost more than all the rest).
    static func decimal(_ number: String) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0, fraction = 0, seenPoint = false
        for byte in number.utf8 {
            switch byte {
            case 0x30...0x39:
                digits += 1
                if seenPoint { fraction += 1 }
                guard digits <= 18 else {
                    // Longer than an integer holds: Foundation reads it, up to
                    // the 38 digits a Decimal holds (more is no sum of money).
                    guard number.utf8.count(where: { $0 >= 0x30 && $0 <= 0x39 }) <= 38 else { return nil }
                    return Decimal(string: number.filter { $0 != "," }, locale: Money.posix)
                }
                significand = significand * 10 + UInt64(byte - 0x30)
            case 0x2C:
                continue
            case 0x2E where !seenPoint:
                seenPoint = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        return Decimal(sign: .plus, exponent: -fraction, significand: Decimal(significand))
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    static func period(_ text: String) -> String? {
        let t = text.lowercased()
        if t.contains("annum") || t.contains("year") || t == "pa" || t == "p.a." || t.contains("annual") { return "year" }
        if t.contains("month") || t == "pcm" { return "month" }
        if t.contains("week") || t == "pw" { return "week" }
        if t.contains("day") { return "day" }
        if t.contains("hour") { return "hour" }
        return nil
    }
}

/// Calendar dates from day, month and year as written.
public enum DayMonthYear {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static func month(_ text: String) -> Int? {
        let t = text.lowercased().trimming { $0 == "." || $0 == " " }
        if let n = Int(t) { return (1...12).contains(n) ? n : nil }
        return months[t]
    }

    /// The years a date may name: four digits, as ISO 8601 writes them (and
    /// small enough that the calendar's sums on them cannot overflow).
    public static let years = 1...9999

    /// The one reader of a written year. Two digits ("99" in "22/09/99") name
    /// the year of that ending nearest `near` (the meeting's year); with
    /// nothing to be near, 00–49 are 2000–2049 and 50–99 are 1950–1999.
    public static func year(_ text: String, near: Int?) -> Int? {
        guard let n = Int(text), n >= 0 else { return nil }
        guard text.count == 2 else { return n }
        guard let near else { return n < 50 ? 2000 + n : 1900 + n }
        let century = near / 100 * 100
        return [century - 100 + n, century + n, century + 100 + n].min { abs($0 - near) < abs($1 - near) } ?? century + n
    }

    static func date(day: String, month: String, year: String) -> Result<RuleValue, BuildFailure> {
        guard let d = Int(day.filter(\.isNumber)), let m = DayMonthYear.month(month),
              let y = DayMonthYear.year(year.trimmingSpaces(lineEnds: false), near: nil) else {
            return .failure(BuildFailure(reason: "not a date: \(day) \(month) \(year)"))
        }
        guard years.contains(y), (1...daysIn(month: m, year: y)).contains(d) else {
            return .failure(BuildFailure(reason: "\(day) \(month) \(year) is not a calendar date"))
        }
        return .success(.date(year: y, month: m, day: d))
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Times of day as `HH:MM` on the 24-hour clock.
enum Clock {
    static func time(hour: String?, minute: String?, ampm: String?) -> String? {
        guard let hour, var h = Int(hour) else { return nil }
        let m = minute.flatMap { Int($0) } ?? 0
        let marker = ampm?.lowercased().filter { $0 == "a" || $0 == "p" } ?? ""
        if marker == "p", h < 12 { h += 12 }
        if marker == "a", h == 12 { h = 0 }
        if marker.isEmpty, minute == nil { return nil }
        guard (0...23).contains(h), (0...59).contains(m) else { return nil }
        return "\(h.zeroPadded(2)):\(m.zeroPadded(2))"
    }
}
