/// Words of a text and how alike two texts are; used to tell a retold
/// action from its log row, and by the scorer to match decisions and actions.
enum Text {
    static func folded(_ s: String) -> String {
        words(s).joined(separator: " ")
    }

    /// Lower-case words of letters and digits.
    static func words(_ s: String) -> [String] {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return graphemeWords(s) }
        // ASCII: each character is one byte (CR LF, a separator either way),
        // and only A–Z, a–z and 0–9 are letters or digits — the same words
        // without splitting into grapheme clusters, which cost most of the time.
        var words: [String] = []
        var word: [UInt8] = []
        for byte in s.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte + 32)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            default:
                guard !word.isEmpty else { continue }
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// `words` for any text: characters (grapheme clusters) that are letters or digits.
    static func graphemeWords(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The words of a text, counted once, for many comparisons.
    struct WordCounts {
        let counts: [String: Int]
        let total: Int

        init(_ text: String) {
            var counts: [String: Int] = [:]
            var total = 0
            for w in Text.words(text) {
                counts[w, default: 0] += 1
                total += 1
            }
            self.counts = counts
            self.total = total
        }

        /// Dice coefficient with `other`; 0 at once when it cannot reach `atLeast`.
        func dice(_ other: WordCounts, atLeast: Double = 0) -> Double {
            guard total + other.total > 0 else { return 1 }
            if 2 * Double(min(total, other.total)) / Double(total + other.total) < atLeast { return 0 }
            let (small, large) = counts.count <= other.counts.count ? (counts, other.counts) : (other.counts, counts)
            var common = 0
            for (w, n) in small { common += min(n, large[w] ?? 0) }
            return 2 * Double(common) / Double(total + other.total)
        }
    }

    /// Dice coefficient of two word multisets.
    static func dice(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var counts: [String: Int] = [:]
        for w in a { counts[w, default: 0] += 1 }
        var common = 0
        for w in b where counts[w, default: 0] > 0 {
            counts[w, default: 0] -= 1
            common += 1
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }
}
