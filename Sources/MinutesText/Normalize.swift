import Foundation
import CICU
import MinutesCore

/// A normalised copy of the source with, for every scalar, the range of
/// original scalars it came from. Patterns run on `utf8`; every match is
/// mapped back through `origin` so spans point into the original input.
public struct NormalizedText: Sendable {
    public let source: SourceText
    public let scalars: [Unicode.Scalar]
    /// For scalar `i`: the original scalars `lower[i]..<upper[i]` it stands for.
    let lower: [Int32]
    let upper: [Int32]
    /// The normalised text as UTF-8 (what PCRE2 sees) and, for each byte
    /// offset (and the end), the scalar offset it belongs to.
    public let utf8: [UInt8]
    let scalarAtByte: [Int32]
    /// Byte offset at which each scalar starts (plus the end).
    let byteAtScalar: [Int32]
    /// `utf8` with ASCII letters in lower case, for finding a rule's trigger words.
    public let lowerUTF8: [UInt8]

    init(source: SourceText, mapped: [MappedScalar]) {
        self.source = source
        var scalars: [Unicode.Scalar] = [], lower: [Int32] = [], upper: [Int32] = []
        scalars.reserveCapacity(mapped.count)
        lower.reserveCapacity(mapped.count)
        upper.reserveCapacity(mapped.count)
        var bytes: [UInt8] = [], lowerBytes: [UInt8] = []
        bytes.reserveCapacity(mapped.count + mapped.count / 8)
        lowerBytes.reserveCapacity(mapped.count + mapped.count / 8)
        var scalarAt: [Int32] = []
        scalarAt.reserveCapacity(mapped.count + mapped.count / 8 + 1)
        var byteAt: [Int32] = []
        byteAt.reserveCapacity(mapped.count + 1)
        for (i, m) in mapped.enumerated() {
            scalars.append(m.scalar)
            lower.append(m.lower)
            upper.append(m.upper)
            byteAt.append(Int32(bytes.count))
            let v = m.scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                bytes.append(b)
                lowerBytes.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
                scalarAt.append(Int32(i))
                continue
            }
            for b in UTF8.encode(m.scalar)! {
                bytes.append(b)
                lowerBytes.append(b)
                scalarAt.append(Int32(i))
            }
        }
        byteAt.append(Int32(bytes.count))
        scalarAt.append(Int32(mapped.count))
        self.scalars = scalars
        self.lower = lower
        self.upper = upper
        utf8 = bytes
        lowerUTF8 = lowerBytes
        scalarAtByte = scalarAt
        byteAtScalar = byteAt
    }

    public var count: Int { scalars.count }

    /// Scalar range of a byte range of `utf8`.
    public func scalarRange(bytes: Range<Int>) -> Range<Int> {
        Int(scalarAtByte[bytes.lowerBound])..<Int(scalarAtByte[bytes.upperBound])
    }

    /// The stretches of `range` (bytes) around each occurrence of any of
    /// `words` (lower case ASCII), widened by `reach` bytes and out to whole
    /// lines, merged. A rule with trigger words only searches these.
    public func windows(around words: [[UInt8]], in range: Range<Int>, reach: Int) -> [Range<Int>] {
        var hits: [Range<Int>] = []
        lowerUTF8.withUnsafeBufferPointer { lower in
            guard let base = lower.baseAddress else { return }
            for word in words where !word.isEmpty {
                var i = range.lowerBound
                let last = range.upperBound - word.count
                while i <= last {
                    // memchr finds the next candidate first byte.
                    guard let p = memchr(base + i, Int32(word[0]), last - i + 1) else { break }
                    i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + i, word, word.count) == 0 {
                        var lo = max(range.lowerBound, i - reach), hi = min(range.upperBound, i + word.count + reach)
                        while lo > range.lowerBound, utf8[lo - 1] != 0x0A { lo -= 1 }
                        while hi < range.upperBound, utf8[hi] != 0x0A { hi += 1 }
                        hits.append(lo..<hi)
                        i = hi
                    } else {
                        i += 1
                    }
                }
            }
        }
        hits.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for h in hits {
            if let last = merged.last, h.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, h.upperBound)
            } else {
                merged.append(h)
            }
        }
        return merged
    }

    /// Byte range of a scalar range.
    public func byteRange(scalars range: Range<Int>) -> Range<Int> {
        Int(byteAtScalar[range.lowerBound])..<Int(byteAtScalar[range.upperBound])
    }

    /// The original range that normalised scalars `range` stand for.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < count ? Int(lower[range.lowerBound]) : source.count
            return at..<at
        }
        return Int(lower[range.lowerBound])..<Int(upper[range.upperBound - 1])
    }

    /// The span in the original input of normalised scalars `range`.
    public func span(_ range: Range<Int>) -> Span {
        source.span(originalRange(range))
    }

    /// Normalised text of a scalar range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[byteRange(scalars: range)], as: UTF8.self)
    }
}

struct MappedScalar {
    var scalar: Unicode.Scalar
    var lower: Int32
    var upper: Int32
}

/// Builds the normalised copy: markup dropped, ICU NFKC, spaces, quotes,
/// dashes and bullets made plain, line ends made LF, invisible characters removed.
public enum Normalizer {
    public static func normalize(_ source: SourceText, format: SourceFormat) -> NormalizedText {
        let unmarked = Markup.strip(source.scalars, format: format)
        let composed = nfkc(unmarked)
        return NormalizedText(source: source, mapped: plain(composed))
    }

    /// NFKC through ICU, chunk by chunk between normalisation boundaries, so
    /// each output scalar maps to the original range of its chunk.
    static func nfkc(_ input: [MappedScalar]) -> [MappedScalar] {
        var out: [MappedScalar] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let s = input[i].scalar
            let nextStartsAfresh = i + 1 == input.count || input[i + 1].scalar.isASCII
                || cicu_nfkc_boundary_before(input[i + 1].scalar.value) == 1
            if nextStartsAfresh && (s.isASCII || cicu_nfkc_inert(s.value) == 1) {
                out.append(input[i])
                i += 1
                continue
            }
            var j = i + 1
            while j < input.count, cicu_nfkc_boundary_before(input[j].scalar.value) == 0 { j += 1 }
            let chunk = input[i..<j]
            let units = Array(String(String.UnicodeScalarView(chunk.map(\.scalar))).utf16)
            let lower = chunk.first!.lower, upper = chunk.map(\.upper).max()!
            for scalar in icuNFKC(units) ?? chunk.map(\.scalar) {
                out.append(MappedScalar(scalar: scalar, lower: lower, upper: upper))
            }
            i = j
        }
        return out
    }

    private static func icuNFKC(_ units: [UInt16]) -> [Unicode.Scalar]? {
        var capacity = units.count * 4 + 8
        while true {
            var dest = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let n = units.withUnsafeBufferPointer { src in
                dest.withUnsafeMutableBufferPointer { d in
                    cicu_nfkc(src.baseAddress, Int32(src.count), d.baseAddress, Int32(d.count), &status)
                }
            }
            if status == 15 { capacity = Int(n) + 1; continue }  // U_BUFFER_OVERFLOW_ERROR
            guard status <= 0 else { return nil }
            return Array(String(decoding: dest[0..<Int(n)], as: UTF16.self).unicodeScalars)
        }
    }

    /// Plain forms of spaces, quotes, dashes, bullets and line ends.
    static func plain(_ input: [MappedScalar]) -> [MappedScalar] {
        var out: [MappedScalar] = []
        out.reserveCapacity(input.count)
        var atLineStart = true
        var i = 0
        while i < input.count {
            var m = input[i]
            let v = m.scalar.value
            i += 1
            switch v {
            case 0x0D:
                if i < input.count, input[i].scalar.value == 0x0A {
                    m.upper = input[i].upper
                    i += 1
                }
                m.scalar = "\n"
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x000B, 0x000C:
                m.scalar = " "
            case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF:
                continue
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032:
                m.scalar = "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
                m.scalar = "\""
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
                m.scalar = "-"
            case 0x2022, 0x00B7, 0x25E6, 0x25AA, 0x25AB, 0x25CF, 0x25CB, 0x25A0, 0x25A1,
                 0x2023, 0x2043, 0x27A2, 0x27A4, 0x2219, 0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC:
                m.scalar = "•"
            case 0x00A7 where atLineStart:
                m.scalar = "•"
            default:
                break
            }
            if m.scalar == "\n" || m.scalar == "\u{2029}" {
                atLineStart = true
            } else if m.scalar != " " && m.scalar != "\t" {
                atLineStart = false
            }
            out.append(m)
        }
        return out
    }
}
