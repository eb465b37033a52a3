import Foundation
import MinutesCore
import MinutesText

/// Why an input was refused. Each message names what to do; the CLI adds the path.
public enum InputError: Error, Equatable, Sendable {
    case decode(DecodeError)
    /// Larger than the limit the caller set; `bytes` is nil where reading
    /// stopped at the limit (standard input, a file that grew).
    case tooLarge(bytes: Int?, limit: Int)
    case noSuchFile
    case isFolder
    case unreadable
    /// A named pipe, a device or a socket: reading it may never end.
    case special(kind: String)

    public var message: String {
        switch self {
        case .decode(let error): error.message
        case .tooLarge(let bytes?, let limit):
            "the file is \(bytes) bytes, over the limit of \(limit) bytes; split it, or raise the limit with --max-bytes"
        case .tooLarge(nil, let limit):
            "the input goes on past the limit of \(limit) bytes and was not read further; split it, or raise the limit with --max-bytes"
        case .noSuchFile: "no such file; check the path"
        case .isFolder: "is a folder; give one minutes file (to score a folder of corpus files, use minutes evaluate)"
        case .unreadable: "cannot be read; check its permissions"
        case .special(let kind):
            "is \(kind), not a file; give a minutes file, or - to read standard input (e.g. cat x.txt | minutes extract -)"
        }
    }

    /// `no-input` (missing, a folder, unreadable, not a file), `too-large`, or `bad-input` (not text).
    public var code: String {
        switch self {
        case .noSuchFile, .isFolder, .unreadable, .special: "no-input"
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

    /// The bytes of a file, refused before reading when it is missing, a folder,
    /// not a regular file, or over `byteLimit`; reading stops at the limit.
    public static func read(path: String, byteLimit: Int = defaultByteLimit) throws(InputError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw errno == EACCES ? .unreadable : .noSuchFile }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isFolder
        case S_IFIFO: throw .special(kind: "a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: throw .special(kind: "a device")
        case S_IFSOCK: throw .special(kind: "a socket")
        default: throw .special(kind: "a special file")
        }
        if info.st_size > byteLimit { throw .tooLarge(bytes: Int(info.st_size), limit: byteLimit) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable }
        defer { close(fd) }
        return try read(descriptor: fd, byteLimit: byteLimit)
    }

    /// Everything `fd` gives (standard input, a file), but never more than
    /// `byteLimit` bytes: past it, reading stops and the input is refused.
    public static func read(descriptor fd: Int32, byteLimit: Int = defaultByteLimit) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw .unreadable }
            if n == 0 { return bytes }
            guard bytes.count + n <= byteLimit else { throw .tooLarge(bytes: nil, limit: byteLimit) }
            bytes += chunk[0..<n]
        }
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
