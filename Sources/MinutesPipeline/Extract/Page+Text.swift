import MinutesCore
import MinutesText

/// Where things are on a page: the item a stretch of text belongs to, and the
/// sentence around a match.
extension Page {
    /// The agenda item blocks, in the order ItemExtractor gives them ids.
    static func itemBlocks(of tree: Block) -> [Block] {
        tree.children.filter { $0.kind == .item && $0.heading?.fields["number"] != nil }
    }

    /// The id of the item whose block holds normalised offset `k` (the blocks
    /// follow one another in the text, so the search halves them).
    func itemID(at k: Int, in document: MinutesDocument) -> String? {
        let count = min(itemBlocks.count, document.items.count)
        let i = itemBlocks[0..<count].partitionPoint { $0.range.upperBound > k }
        guard i < count, itemBlocks[i].range.contains(k) else { return nil }
        return document.items[i].id
    }

    /// The innermost paragraph, list entry or table cell holding `k`, or its line.
    func textBlock(at k: Int) -> Range<Int> {
        // The blocks starting at or before k, latest first; the smallest that holds k.
        let first = textBlocks.partitionPoint { $0.lowerBound > k }
        var best: Range<Int>?
        var i = first - 1
        while i >= 0 {
            let r = textBlocks[i]
            if r.contains(k), r.count < best?.count ?? Int.max { best = r }
            // Blocks nest at most a few deep (paragraphs in a cell); one far before k cannot hold it.
            if r.upperBound <= k, first - i > 8 { break }
            i -= 1
        }
        if let best { return best }
        let s = text.scalars
        var lo = k, hi = k
        while lo > 0, s[lo - 1] != "\n" { lo -= 1 }
        while hi < s.count, s[hi] != "\n" { hi += 1 }
        return lo..<hi
    }

    /// The sentence holding `range`: from the end of the sentence before (or the
    /// start of its paragraph) to its full stop. A full stop after an initial or
    /// a short abbreviation ("Cllr J. Smith", "No. 4") does not end a sentence.
    func sentence(around range: Range<Int>) -> Range<Int> {
        let block = textBlock(at: range.lowerBound)
        let s = text.scalars
        var lo = range.lowerBound
        while lo > block.lowerBound {
            if isSentenceEnd(lo - 1, block) { break }
            if s[lo - 1] == "\u{2029}" { break }
            lo -= 1
        }
        while lo < block.upperBound, lo < s.count, Segmenter.isSpace(s[lo]) { lo += 1 }
        // A match that ends its sentence ("Agreed.") ends there.
        if range.upperBound > lo, isSentenceEnd(range.upperBound - 1, block) { return lo..<range.upperBound }
        var hi = max(range.upperBound, lo)
        while hi < block.upperBound {
            if s[hi] == "\u{2029}" { break }
            if isSentenceEnd(hi, block) { hi += 1; break }
            hi += 1
        }
        while hi > lo, Segmenter.isSpace(s[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    private func isSentenceEnd(_ k: Int, _ block: Range<Int>) -> Bool {
        let s = text.scalars
        guard s[k] == "." || s[k] == "!" || s[k] == "?" else { return false }
        // "… accepted and agreed.Showing a surplus": a text layer that lost the
        // space after a full stop still ends the sentence there.
        let runOn = s[k] == "." && k + 2 < block.upperBound && s[k + 1].properties.isUppercase && s[k + 2].properties.isLowercase
            && k - 3 >= block.lowerBound && (k - 3..<k).allSatisfy { s[$0].properties.isLowercase }
        guard k + 1 >= block.upperBound || Segmenter.isSpace(s[k + 1]) || runOn else { return false }
        if s[k] == "." {
            // What follows in the block (none where a match ran on past the block's end).
            let after = (k + 1)..<max(k + 1, block.upperBound)
            // The word before: an initial or an abbreviation does not end a sentence.
            var j = k
            while j > block.lowerBound, s[j - 1].properties.isAlphabetic { j -= 1 }
            let word = text.text(j..<k)
            if word.count == 1, word.first?.isUppercase == true { return false }
            if abbreviations.contains(word, noting: text) { return false }
            // "… scams, etc. CC would like …": a list's "etc." ends its sentence
            // when a capital follows, and goes on before "and", "or", a figure.
            if word == "etc" {
                return after.first(where: { !Segmenter.isSpace(s[$0]) }).map { s[$0].properties.isUppercase } ?? true
            }
            // "e.g. speeding", "i.e. the hall", "7 p.m. on": a dotted
            // abbreviation goes on when what follows starts in lower case.
            if j - 2 >= block.lowerBound, s[j - 1] == ".", s[j - 2].properties.isAlphabetic,
               let next = after.first(where: { !Segmenter.isSpace(s[$0]) }),
               !s[next].properties.isUppercase { return false }
        }
        return true
    }

}
