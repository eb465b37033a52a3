/// The numbering of a document's items as a sequence: which numbers come in
/// order between which, so a heading of another style can fill a gap in the
/// style the segmenter chose ("1 Present" and "2 Apologies" before
/// "3. Welcome:", "4 To declare any interests." between 3 and 5).
enum ItemSequence {
    /// An item number's shape and its parts: "70/15" is `#/#` with [70, 15],
    /// "6.1" is `#.#` with [6, 1]. Numbers of one shape order by their parts.
    struct Key {
        var shape: String
        var parts: [Int]

        init?(_ number: String) {
            var shape = ""
            var parts: [Int] = []
            var digits = 0
            for scalar in number.unicodeScalars {
                if scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue.map(Int.init) {
                    // Six digits at most: a longer run is no item number.
                    guard digits < 6 else { return nil }
                    if digits == 0 { parts.append(0); shape.append("#") }
                    parts[parts.count - 1] = parts[parts.count - 1] * 10 + digit
                    digits += 1
                } else {
                    digits = 0
                    shape.unicodeScalars.append(scalar)
                }
            }
            guard !parts.isEmpty else { return nil }
            self.shape = shape
            self.parts = parts
        }

        /// The shape without a trailing decimal part: "6.1" and "6" are one sequence.
        var wholeShape: String { shape.hasSuffix(".#") ? String(shape.dropLast(2)) : shape }
        var isDecimal: Bool { shape.hasSuffix(".#") }

        func precedes(_ other: Key) -> Bool { parts.lexicographicallyPrecedes(other.parts) }
        func continues(_ other: Key) -> Bool { wholeShape == other.wholeShape }
        /// How far apart the first parts are (the running number).
        func distance(to other: Key) -> Int { abs((other.parts.first ?? 0) - (parts.first ?? 0)) }
    }

    /// The positions in `numbers` of a run in order from the first number of
    /// its kind ("1", "a" or "i"), each the one after the last taken: "1", "2",
    /// "3"; "a", "b"; "I", "II", "III". Numbers out of the run are passed over.
    static func runFromFirst(_ numbers: [String]) -> [Int] {
        let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
                      "xvi", "xvii", "xviii", "xix", "xx"]
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        // The number at place `n` (0 first) of each series, nil past its end.
        let series: [(Int) -> String?] = [
            { String($0 + 1) },
            { $0 < letters.count ? letters[$0] : nil },
            { $0 < romans.count ? romans[$0] : nil },
        ]
        var best: [Int] = []
        for next in series {
            var taken: [Int] = []
            for (i, number) in numbers.enumerated() where number.lowercased() == next(taken.count) {
                taken.append(i)
            }
            if taken.count > best.count { best = taken }
        }
        return best
    }

    /// How far a number may stand from its one neighbour in the sequence
    /// (before the first item or after the last) and still fill the gap.
    static let reach = 3

    /// `chosen` with the headings of `others` (earlier styles first) whose
    /// numbers fall in order between the chosen headings around them. A
    /// decimal number fills a gap only when the chosen style numbers in
    /// decimals too (a numbered paragraph "3.1 The Board…" is not an item).
    static func completed(_ chosen: [Int: (Heading, Int)], from others: [[Int: (Heading, Int)]],
                          in text: NormalizedText) -> [Int: (Heading, Int)] {
        func key(_ heading: Heading) -> Key? {
            (heading.fields["number"] ?? heading.number.map { text.scalars.string($0) }).flatMap(Key.init)
        }
        let anchors = chosen.keys.sorted().compactMap { line in chosen[line].flatMap { entry in key(entry.0).map { (line, entry, $0) } } }
        guard !anchors.isEmpty else { return chosen }
        let decimals = anchors.contains { $0.2.isDecimal }
        var candidates: [Int: (Heading, Int)] = [:]
        for style in others {
            for (line, entry) in style where chosen[line] == nil && candidates[line] == nil {
                candidates[line] = entry
            }
        }
        var result = chosen
        var previous: (line: Int, consumed: Int, key: Key)?
        var next = 0
        for line in candidates.keys.sorted() {
            while next < anchors.count, anchors[next].0 < line {
                previous = (anchors[next].0, anchors[next].1.1, anchors[next].2)
                next += 1
            }
            guard let entry = candidates[line], let number = key(entry.0), decimals || !number.isDecimal else { continue }
            if let previous {
                guard line >= previous.line + previous.consumed, number.continues(previous.key),
                      previous.key.precedes(number) else { continue }
            }
            if next < anchors.count {
                let following = anchors[next]
                guard line + entry.1 <= following.0, number.continues(following.2), number.precedes(following.2) else { continue }
            }
            // Before the first item or after the last, only a near number continues the sequence.
            if let previous, next == anchors.count, previous.key.distance(to: number) > reach { continue }
            if previous == nil, next < anchors.count, number.distance(to: anchors[next].2) > reach { continue }
            result[line] = entry
            previous = (line, entry.1, number)
        }
        return result
    }
}
