import Foundation

/// One input of a bulk run: a file on disk, or a text given inline (`--jsonl-input`).
public enum BulkInput: Sendable {
    case file(path: String, display: String)
    case inline(id: String, text: String)
    /// A file already read (to check whether it was stored before); not read again.
    case read(path: String, display: String, bytes: [UInt8])
    /// An input that could not even be read as one (a broken JSONL line).
    case invalid(name: String, message: String)

    public var name: String {
        switch self {
        case .file(_, let display), .read(_, let display, _): display
        case .inline(let id, _): id
        case .invalid(let name, _): name
        }
    }
}

/// Finds the minutes files under folders: `.txt`, `.text`, `.htm`, `.html`,
/// in a stable order (by path), walking nested folders lazily so an archive of
/// any size is never held in memory.
public struct Archive: Sequence, Sendable {
    public static let extensions: Set<String> = ["txt", "text", "htm", "html", "xhtml"]
    public let roots: [String]

    public init(roots: [String]) {
        self.roots = roots
    }

    public func makeIterator() -> AnyIterator<BulkInput> {
        var stack: [(path: String, display: String)] = roots.reversed().map { ($0, $0) }
        // Folders already walked, by their real path: a link to a folder above would walk it without end.
        var walked = Set<String>()
        return AnyIterator {
            let fm = FileManager.default
            while let (path, display) = stack.popLast() {
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    return .file(path: path, display: display)  // reported as missing by the runner
                }
                if isDirectory.boolValue {
                    guard walked.insert((path as NSString).resolvingSymlinksInPath).inserted else { continue }
                    let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                    for name in names.reversed() {
                        let child = (path as NSString).appendingPathComponent(name)
                        let childDisplay = (display as NSString).appendingPathComponent(name)
                        var childIsDirectory: ObjCBool = false
                        // Only whether it is a folder matters: a file that cannot be read
                        // (gone, a broken link) is still listed, to become an error record.
                        _ = fm.fileExists(atPath: child, isDirectory: &childIsDirectory)
                        if childIsDirectory.boolValue || Archive.extensions.contains((name as NSString).pathExtension.lowercased()) {
                            stack.append((child, childDisplay))
                        }
                    }
                    continue
                }
                return .file(path: path, display: display)
            }
            return nil
        }
    }
}
