import Foundation
import MinutesCore

/// Where a bulk run extracts one document at a time. A run keeps one lane
/// per job; a lane is used by one thread at a time.
public protocol ExtractionLane: AnyObject, Sendable {
    /// The outcome for one document's bytes; `path` is its `source.path`.
    func extract(bytes: [UInt8], path: String) -> BulkOutcome
    /// Ends the lane (a worker process is told to finish).
    func close()
}

/// A document extracted: its JSON as the run writes it, and the document
/// itself, made from the JSON only when a store asks for it.
public struct ExtractedDocument: Sendable {
    public let json: Data
    private let made: MinutesDocument?

    public init(document: MinutesDocument, json: Data) {
        self.json = json
        made = document
    }

    /// From the JSON a worker process wrote.
    public init(json: Data) {
        self.json = json
        made = nil
    }

    /// The document, decoded from the JSON where it was not made here.
    public func document() throws -> MinutesDocument {
        if let made { return made }
        return try JSONDecoder().decode(MinutesDocument.self, from: json)
    }
}

/// Extraction in this process: fast, but a document that traps ends the run.
/// Worker processes (`WorkerLane`) are what a bulk run uses.
public final class InProcessLane: ExtractionLane, @unchecked Sendable {
    let pipeline: Pipeline
    let settings: ExtractionSettings

    public init(pipeline: Pipeline, settings: ExtractionSettings) {
        self.pipeline = pipeline
        self.settings = settings
    }

    public func extract(bytes: [UInt8], path: String) -> BulkOutcome {
        do {
            let document = try pipeline.extract(bytes: bytes, path: path, format: settings.format,
                                                context: settings.context, byteLimit: settings.byteLimit)
            return .document(ExtractedDocument(document: document, json: Emitter.json(document, pretty: settings.pretty)))
        } catch {
            return .failure(BulkFailure(path: path, code: error.code, message: error.message))
        }
    }

    public func close() {}
}

/// What every document of a run is extracted with.
public struct ExtractionSettings: Sendable, Equatable {
    public var context: Context
    public var format: SourceFormat?
    public var byteLimit: Int
    /// Indented JSON (for --output-dir --pretty).
    public var pretty: Bool

    public init(context: Context = Context(), format: SourceFormat? = nil, byteLimit: Int = Loader.defaultByteLimit, pretty: Bool = false) {
        self.context = context
        self.format = format
        self.byteLimit = byteLimit
        self.pretty = pretty
    }
}
