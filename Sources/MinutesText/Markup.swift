import MinutesCore

/// Drops HTML markup, keeping the text with its original offsets.
///
/// For `.html` input every tag goes: block tags become line breaks, table
/// cells tabs, list items bullets; script and style are skipped; runs of
/// white space collapse as a browser would. For `.text` input only fragments
/// of known HTML tags are taken out (minutes pasted from web pages carry
/// `<p>` and `<i>`), and block tags become paragraph separators (U+2029) so
/// a table row written on one line stays one row.
enum Markup {
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "thead", "tbody", "tfoot", "h1", "h2", "h3",
        "h4", "h5", "h6", "section", "article", "header", "footer", "blockquote", "hr", "dd", "dt", "dl",
        "title", "caption", "main", "nav", "pre", "address", "figure", "figcaption", "body", "html", "head",
    ]
    static let inlineTags: Set<String> = [
        "i", "b", "u", "em", "strong", "span", "a", "font", "sup", "sub", "small", "big", "strike", "s",
        "abbr", "cite", "code", "mark", "o:p", "meta", "link", "img",
    ]
    /// Block tags that end a line but not a paragraph.
    static let lineTags: Set<String> = ["br", "li", "tr", "dt", "dd"]
    static let cellTags: Set<String> = ["td", "th"]
    static let skippedTags: Set<String> = ["script", "style", "template", "noscript"]

    static func strip<Next: ScalarSink>(_ src: ScalarArray, format: SourceFormat, into out: inout Output<Next>) {
        let html = format == .html
        var cellsInRow = 0
        var inCell = false
        var i = 0
        func emit(_ s: Unicode.Scalar, _ lo: Int, _ hi: Int) {
            out.append(MappedScalar(scalar: s, lower: Int32(lo), upper: Int32(hi)))
        }
        func lastIsSpace() -> Bool {
            guard let last = out.last else { return true }
            return last == " " || last == "\n" || last == "\t"
        }
        while i < src.count {
            let s = src[i]
            if s == "<" {
                if html, matches(src, at: i, "<!--") {
                    i = find(src, from: i + 4, "-->").map { $0 + 3 } ?? src.count
                    continue
                }
                if html, matches(src, at: i, "<!") || matches(src, at: i, "<?") {
                    i = find(src, from: i, ">").map { $0 + 1 } ?? src.count
                    continue
                }
                if let tag = Tag.parse(src, at: i), html || blockTags.contains(tag.name)
                    || inlineTags.contains(tag.name) || cellTags.contains(tag.name)
                {
                    let lo = i, hi = tag.end
                    i = tag.end
                    if html, !tag.closing, skippedTags.contains(tag.name) {
                        i = find(src, from: i, "</" + tag.name, caseless: true)
                            .flatMap { find(src, from: $0, ">") }.map { $0 + 1 } ?? src.count
                        continue
                    }
                    if cellTags.contains(tag.name) {
                        if !tag.closing {
                            if cellsInRow > 0 { emit("\t", lo, hi) }
                            cellsInRow += 1
                        }
                        inCell = !tag.closing
                    } else if blockTags.contains(tag.name) {
                        if tag.name == "tr" || tag.name == "table" { cellsInRow = 0; inCell = false }
                        if html, inCell {
                            // Paragraphs inside a cell stay in the cell, as in text minutes.
                            if let last = out.last, last != "\u{2029}", last != "\t" {
                                if last == " " { out.removeLast() }
                                emit("\u{2029}", lo, hi)
                            }
                        } else if html {
                            // A line per row, list entry or break; a blank line around
                            // paragraphs, headings and tables, as the segmenter reads text.
                            let wanted = lineTags.contains(tag.name) ? 1 : 2
                            let have = out.trailingLineFeeds(upTo: wanted)
                            if have == 0, out.last == " " { out.removeLast() }
                            for _ in have..<max(have, wanted) where !out.isEmpty { emit("\n", lo, hi) }
                            if tag.name == "li", !tag.closing {
                                emit("•", lo, hi)
                                emit(" ", lo, hi)
                            }
                        } else if out.last != "\u{2029}" {
                            emit("\u{2029}", lo, hi)
                        }
                    }
                    continue
                }
            }
            if s == "&", let entity = Entity.parse(src, at: i) {
                if html, entity.scalar == " " || entity.scalar == "\n", lastIsSpace() {
                    i = entity.end
                    continue
                }
                emit(entity.scalar, i, entity.end)
                i = entity.end
                continue
            }
            if html, s == " " || s == "\n" || s == "\r" || s == "\t" {
                if !lastIsSpace() { emit(" ", i, i + 1) }
                i += 1
                continue
            }
            emit(s, i, i + 1)
            i += 1
        }
    }

    /// What `strip` writes: the last scalars are held back, since a tag may
    /// take back the space before it or count the line ends before it; the
    /// rest go on to the next stage.
    struct Output<Next: ScalarSink>: ScalarSink {
        var next: Next
        private var held: [MappedScalar] = []
        /// Scalars written and not taken back.
        private(set) var count = 0
        var isEmpty: Bool { count == 0 }
        var last: Unicode.Scalar? { held.last?.scalar }

        init(next: Next) { self.next = next }

        mutating func append(_ m: MappedScalar) {
            held.append(m)
            count += 1
            // A tag takes back at most one scalar, and writes one after it.
            if held.count == 256 {
                for m in held[..<224] { next.append(m) }
                held.removeFirst(224)
            }
        }

        mutating func removeLast() {
            held.removeLast()
            count -= 1
        }

        /// How many line feeds end the text, counting no further than `limit`.
        func trailingLineFeeds(upTo limit: Int) -> Int {
            held.suffix(limit).reversed().prefix { $0.scalar == "\n" }.count
        }

        mutating func finish() {
            for m in held { next.append(m) }
            held = []
            next.finish()
        }
    }

    static func matches(_ src: ScalarArray, at i: Int, _ literal: String, caseless: Bool = false) -> Bool {
        var j = i
        for c in literal.unicodeScalars {
            guard j < src.count else { return false }
            let a = caseless ? lower(src[j]) : src[j]
            if a != c { return false }
            j += 1
        }
        return true
    }

    static func find(_ src: ScalarArray, from: Int, _ literal: String, caseless: Bool = false) -> Int? {
        var i = from
        while i < src.count {
            if matches(src, at: i, literal, caseless: caseless) { return i }
            i += 1
        }
        return nil
    }

    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(s.value) ? Unicode.Scalar(UInt8(s.value + 32)) : s
    }

    /// An HTML tag `<name attrs>` or `</name>`.
    struct Tag {
        var name: String
        var closing: Bool
        var end: Int

        static func parse(_ src: ScalarArray, at start: Int) -> Tag? {
            var i = start + 1
            var closing = false
            if i < src.count, src[i] == "/" { closing = true; i += 1 }
            var name = String.UnicodeScalarView()
            while i < src.count, src[i].properties.isAlphabetic || ("0"..."9").contains(src[i]) || src[i] == ":" {
                name.append(lower(src[i]))
                i += 1
            }
            guard let initial = name.first, initial.properties.isAlphabetic, i < src.count else { return nil }
            guard src[i] == ">" || src[i] == " " || src[i] == "/" || src[i] == "\n" || src[i] == "\t" else { return nil }
            var quote: Unicode.Scalar?
            while i < src.count {
                let c = src[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == ">" {
                    return Tag(name: String(name), closing: closing, end: i + 1)
                } else if c == "<" {
                    return nil
                }
                i += 1
                if i - start > 2000 { return nil }
            }
            return nil
        }
    }

    /// A character reference: `&amp;`, `&#8217;`, `&#x2019;`.
    struct Entity {
        var scalar: Unicode.Scalar
        var end: Int

        static let named: [String: UInt32] = [
            "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0,
            "pound": 0xA3, "euro": 0x20AC, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018,
            "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
            "hellip": 0x2026, "bull": 0x2022, "middot": 0xB7, "copy": 0xA9, "reg": 0xAE,
            "trade": 0x2122, "shy": 0xAD, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
            "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "sect": 0xA7, "deg": 0xB0,
            "eacute": 0xE9, "egrave": 0xE8, "aacute": 0xE1, "agrave": 0xE0, "ouml": 0xF6,
            "uuml": 0xFC, "auml": 0xE4, "ccedil": 0xE7, "iacute": 0xED, "oacute": 0xF3,
            "uacute": 0xFA, "times": 0xD7, "minus": 0x2212, "cent": 0xA2, "yen": 0xA5,
            "zwsp": 0x200B, "zwnj": 0x200C, "zwj": 0x200D, "tab": 0x09, "newline": 0x0A,
        ]

        static func parse(_ src: ScalarArray, at start: Int) -> Entity? {
            var i = start + 1
            var body = String.UnicodeScalarView()
            while i < src.count, i - start <= 10, src[i] != ";" {
                guard src[i].properties.isAlphabetic || ("0"..."9").contains(src[i]) || src[i] == "#" else { return nil }
                body.append(src[i])
                i += 1
            }
            guard i < src.count, src[i] == ";", !body.isEmpty else { return nil }
            let name = String(body)
            let value: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst())
            } else {
                value = named[name]
            }
            guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return nil }
            return Entity(scalar: scalar, end: i + 1)
        }
    }
}
