/// Everything extracted from one input: the `minutes/1` contract.
public struct MinutesDocument: Codable, Hashable, Sendable {
    public static let schemaName = "minutes/1"

    public var schema: String = MinutesDocument.schemaName
    public var source: SourceInfo
    public var meeting: Meeting
    public var people: [Person] = []
    public var attendance: [Attendance] = []
    public var items: [AgendaItem] = []
    public var decisions: [Decision] = []
    public var actions: [ActionItem] = []
    public var amounts: [Amount] = []
    public var dates: [DateValue] = []
    public var diagnostics: [Diagnostic] = []

    public init(source: SourceInfo, meeting: Meeting = Meeting()) {
        self.source = source
        self.meeting = meeting
    }
}
