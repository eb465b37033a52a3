import Foundation

/// One input of a bulk run: a file on disk, or a text given inline (`--jsonl-input`).
public enum BulkInput: Sendable {
    case file(path: String, display: String)
    case inline(id: String, text: String)
    /// A file already read (to check whether it was stored before); not read again.
    case read(path: String, display: String, bytes: [UInt8])
    /// An input that could not even be read as one (a broken JSONL line, a
    /// folder that cannot be listed), with its error code.
    case invalid(name: String, code: String, message: String)

    public var name: String {
        switch self {
        case .file(_, let display), .read(_, let display, _): display
        case .inline(let id, _): id
        case .invalid(let name, _, _): name
        }
    }
}

/// Finds the minutes files under folders: `.txt`, `.text`, `.htm`, `.html`,
/// in a stable order (by path), walking nested folders lazily so an archive of
/// any size is never held in memory. A link to a folder is followed, but each
/// folder (by device and inode) is walked once: a link back to a folder
/// above ends there. A folder that cannot be listed is an error record.
public struct Archive: Sequence, Sendable {
    public static let extensions: Set<String> = ["txt", "text", "htm", "html", "xhtml"]
    public let roots: [String]

    public init(roots: [String]) {
        self.roots = roots
    }

    struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    public func makeIterator() -> AnyIterator<BulkInput> {
        var stack: [(path: String, display: String)] = roots.reversed().map { ($0, $0) }
        var walked = Set<FolderID>()
        return AnyIterator {
            while let (path, display) = stack.popLast() {
                var info = stat()
                // A path that cannot be looked at (gone, a broken link) is reported by the runner.
                guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                    return .file(path: path, display: display)
                }
                guard walked.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { continue }
                guard let listed = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    return .invalid(name: display, code: "no-input", message: "this folder cannot be listed; check its permissions")
                }
                for name in listed.filter({ !$0.hasPrefix(".") }).sorted().reversed() {
                    let child = (path as NSString).appendingPathComponent(name)
                    var childInfo = stat()
                    let isFolder = stat(child, &childInfo) == 0 && childInfo.st_mode & S_IFMT == S_IFDIR
                    if isFolder || Archive.extensions.contains((name as NSString).pathExtension.lowercased()) {
                        stack.append((child, (display as NSString).appendingPathComponent(name)))
                    }
                }
            }
            return nil
        }
    }
}
