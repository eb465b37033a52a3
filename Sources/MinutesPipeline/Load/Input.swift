import Foundation
import MinutesCore
import MinutesText

/// Why an input was refused. Each message names what to do; the CLI adds the path.
public enum InputError: Error, Equatable, Sendable {
    case decode(DecodeError)
    /// Larger than the limit the caller set.
    case tooLarge(bytes: Int, limit: Int)
    case noSuchFile
    case isFolder
    case unreadable

    public var message: String {
        switch self {
        case .decode(let error): error.message
        case .tooLarge(let bytes, let limit):
            "the file is \(bytes) bytes, over the limit of \(limit) bytes; split it, or raise the limit with --max-bytes"
        case .noSuchFile: "no such file; check the path"
        case .isFolder: "is a folder; give one minutes file (to score a folder of corpus files, use minutes evaluate)"
        case .unreadable: "cannot be read; check its permissions"
        }
    }

    /// `no-input` (missing, a folder, unreadable), `too-large`, or `bad-input` (not text).
    public var code: String {
        switch self {
        case .noSuchFile, .isFolder, .unreadable: "no-input"
        case .tooLarge: "too-large"
        case .decode: "bad-input"
        }
    }
}

/// One document read and decoded, with how it was read.
public struct LoadedInput: Sendable {
    public var source: SourceInfo
    public var text: SourceText
}

/// Stage 1: bytes → text, with the `source` block of the output.
public enum Loader {
    /// Default size limit: minutes are rarely over a few megabytes.
    public static let defaultByteLimit = 64 * 1024 * 1024

    public static func load(bytes: [UInt8], path: String, format: SourceFormat? = nil,
                            byteLimit: Int = defaultByteLimit) throws(InputError) -> LoadedInput {
        guard bytes.count <= byteLimit else { throw .tooLarge(bytes: bytes.count, limit: byteLimit) }
        let decoded: (text: SourceText, encoding: TextEncoding)
        do {
            decoded = try TextDecoder.decode(bytes)
        } catch {
            throw .decode(error)
        }
        let format = format ?? detectFormat(path: path, text: decoded.text)
        let source = SourceInfo(path: path, sha256: SHA256.hex(bytes), bytes: bytes.count,
                                encoding: decoded.encoding, format: format)
        return LoadedInput(source: source, text: decoded.text)
    }

    /// The bytes of a file, refused before reading when it is missing, a folder
    /// or over `byteLimit`.
    public static func read(path: String, byteLimit: Int = defaultByteLimit) throws(InputError) -> [UInt8] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .noSuchFile }
        guard !isDirectory.boolValue else { throw .isFolder }
        if let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size > byteLimit {
            throw .tooLarge(bytes: size, limit: byteLimit)
        }
        guard let data = fm.contents(atPath: path) else { throw .unreadable }
        return Array(data)
    }

    /// SHA-256 of the bytes, lowercase hex, as `source.sha256` gives it.
    public static func sha256(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    /// `.html`/`.htm` files, or text that starts as an HTML page does.
    public static func detectFormat(path: String, text: SourceText) -> SourceFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        let head = text.text(0..<min(text.count, 512)).drop(while: { $0.isWhitespace }).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") ? .html : .text
    }
}
