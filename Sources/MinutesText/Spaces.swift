/// White space handled scalar by scalar. Foundation's `trimmingCharacters`
/// and `replacingOccurrences` go through NSString on Linux, and splitting on
/// `Character`s breaks the text into graphemes first: on the short strings
/// the extractors clean by the thousand, these cost a few hundred times more.
extension String {
    /// Every run of white space (line and paragraph ends included) made one
    /// space, and none at either end: what splitting on white space and
    /// joining with spaces gives.
    public var collapsingSpaces: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpace(includingLineEnds: true) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Without white space at either end; `lineEnds` says whether line and
    /// paragraph ends count (as `.whitespacesAndNewlines`) or not (`.whitespaces`).
    public func trimmingSpaces(lineEnds: Bool = true) -> String {
        trimming { $0.isSpace(includingLineEnds: lineEnds) }
    }

    /// Without the scalars `isTrimmed` picks at either end.
    public func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Every `scalar` replaced by `replacement`.
    public func replacingScalar(_ scalar: Unicode.Scalar, with replacement: Unicode.Scalar) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: unicodeScalars.lazy.map { $0 == scalar ? replacement : $0 })
        return String(view)
    }
}

extension Unicode.Scalar {
    /// White space: spaces and tabs (Unicode's space separators), and with
    /// `includingLineEnds` line feeds, returns, vertical tab, form feed, NEL
    /// and the line and paragraph separators too.
    public func isSpace(includingLineEnds: Bool) -> Bool {
        switch value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return includingLineEnds
        case 0..<0x80: return false
        default: return properties.generalCategory == .spaceSeparator
        }
    }
}
