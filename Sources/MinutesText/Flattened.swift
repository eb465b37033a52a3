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
        // Numbers written "7." (or "Item 7.") after a space, before a capital: (start, main, sub).
        var marks: [(at: Int, main: Int, sub: Int?)] = []
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
            let start = k >= 5 && text.text(k - 5..<k).lowercased() == "item " ? k - 5 : k
            marks.append((start, main, sub))
        }
        // The longest run of whole numbers n, n+1, n+2 … in the order they are written.
        var length = [Int](repeating: 1, count: marks.count)
        var before = [Int?](repeating: nil, count: marks.count)
        for b in marks.indices where marks[b].sub == nil {
            for a in 0..<b where marks[a].sub == nil && marks[a].main + 1 == marks[b].main && length[a] + 1 > length[b] {
                length[b] = length[a] + 1
                before[b] = a
            }
        }
        guard let last = marks.indices.filter({ marks[$0].sub == nil }).max(by: { length[$0] < length[$1] }),
              length[last] >= 3 else { return [] }
        var chain: [Int] = []
        var at: Int? = last
        while let i = at { chain.append(i); at = before[i] }
        chain.reverse()
        // The numbered paragraphs of each item ("2.1.") end its title too.
        var out: [Int] = []
        for (n, i) in chain.enumerated() {
            out.append(marks[i].at)
            let end = n + 1 < chain.count ? marks[chain[n + 1]].at : range.upperBound
            for m in marks where m.at > marks[i].at && m.at < end && m.main == marks[i].main && m.sub != nil {
                out.append(m.at)
            }
        }
        return out.filter { $0 > range.lowerBound }.sorted()
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private static func digit(_ c: Unicode.Scalar) -> Int { Int(c.value) - 48 }
}
