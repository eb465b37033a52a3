/// Text copied from a PDF or a web page often arrives as one long line: the
/// header, the register and every item run together ("… 2. Apologies for
/// Absence 2.1. Ann Bell noted apologies … 3. Declarations of Interest None
/// 4. Questions …"). Such a line is read as the lines it would have had:
/// it is cut before each number of the longest run of consecutive item
/// numbers (and before the numbered paragraphs under them), so the heading
/// rules meet each item at the start of a line. Nothing is inserted: the
/// pieces are ranges of the same text.
enum Flattened {
    /// A line this long is a candidate; shorter lines are left whole.
    static let minimumLength = 400

    /// Where to cut `range` (offsets of the pieces' starts, after the first).
    static func cuts(in range: Range<Int>, _ text: NormalizedText) -> [Int] {
        let s = text.scalars
        // Numbers written "7." (or "Item 7.") after a space, before a capital: (start, main, sub, "Item").
        var marks: [(at: Int, main: Int, sub: Int?, named: Bool)] = []
        var k = range.lowerBound + 1
        while k < range.upperBound - 3 {
            defer { k += 1 }
            guard s[k - 1] == " ", isDigit(s[k]) else { continue }
            // Not inside a number, a date or a money amount ("£1. 5", "25.04. 2017").
            if k >= 2, isDigit(s[k - 2]) || s[k - 2] == "£" || s[k - 2] == "/" || s[k - 2] == "," { continue }
            var j = k
            var main = 0
            while j < range.upperBound, isDigit(s[j]), j - k < 3 { main = main * 10 + digit(s[j]); j += 1 }
            guard j < range.upperBound, s[j] == "." else { continue }
            j += 1
            var sub: Int?
            if j < range.upperBound, isDigit(s[j]) {
                var n = 0
                let from = j
                while j < range.upperBound, isDigit(s[j]), j - from < 2 { n = n * 10 + digit(s[j]); j += 1 }
                sub = n
                if j < range.upperBound, s[j] == "." { j += 1 }
            }
            guard j + 1 < range.upperBound, s[j] == " ", s[j + 1].properties.isUppercase else { continue }
            let named = k >= 5 && text.text(k - 5..<k).lowercased() == "item "
            marks.append((named ? k - 5 : k, main, sub, named))
        }
        // The longest run of whole numbers n, n+1, n+2 … in the order they are
        // written: one pass, keeping the longest run found so far that ends in
        // each number (the earliest of equal length).
        var length = [Int](repeating: 1, count: marks.count)
        var before = [Int?](repeating: nil, count: marks.count)
        var named = [Int](repeating: 0, count: marks.count)
        var endingIn: [Int: Int] = [:]
        for b in marks.indices where marks[b].sub == nil {
            if let a = endingIn[marks[b].main - 1] {
                length[b] = length[a] + 1
                before[b] = a
                named[b] = named[a]
            }
            if marks[b].named { named[b] += 1 }
            if let best = endingIn[marks[b].main], length[best] >= length[b] { continue }
            endingIn[marks[b].main] = b
        }
        // Three numbers in a row, or two that say "Item".
        guard let last = marks.indices.filter({ marks[$0].sub == nil }).max(by: { length[$0] < length[$1] }),
              length[last] >= 3 || (length[last] == 2 && named[last] == 2) else { return [] }
        var chain: [Int] = []
        var at: Int? = last
        while let i = at { chain.append(i); at = before[i] }
        chain.reverse()
        // The numbered paragraphs of each item ("2.1.") end its title too.
        var out = chain.map { marks[$0].at }
        var item = 0
        for m in marks where m.sub != nil {
            while item + 1 < chain.count, marks[chain[item + 1]].at <= m.at { item += 1 }
            let heading = marks[chain[item]]
            if m.at > heading.at, m.main == heading.main { out.append(m.at) }
        }
        return out.filter { $0 > range.lowerBound }.sorted()
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private static func digit(_ c: Unicode.Scalar) -> Int { Int(c.value) - 48 }
}
