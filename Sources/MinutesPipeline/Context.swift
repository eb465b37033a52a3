/// What the caller knows about a document that its text may not say. The
/// library never reads the clock or the environment: everything comes in here.
public struct Context: Sendable, Equatable {
    /// `YYYY-MM-DD`: used when the header gives no date, and to resolve relative dates.
    public var meetingDate: String?
    /// The body whose meeting it is, used when the header names none.
    public var body: String?

    public init(meetingDate: String? = nil, body: String? = nil) {
        self.meetingDate = meetingDate
        self.body = body
    }
}
