/// How the bytes of an input were turned into text.
public enum TextEncoding: String, Codable, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
}

/// What kind of document the text is: plain text (possibly with stray HTML
/// fragments) or an HTML page.
public enum SourceFormat: String, Codable, Sendable {
    case text
    case html
}

/// The `source` block of the output: which file, which bytes, how decoded.
public struct SourceInfo: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var encoding: TextEncoding
    public var format: SourceFormat

    public init(path: String, sha256: String, bytes: Int, encoding: TextEncoding, format: SourceFormat) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.encoding = encoding
        self.format = format
    }
}
