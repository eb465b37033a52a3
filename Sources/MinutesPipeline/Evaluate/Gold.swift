import Foundation

/// A hand-made answer for one document (SPEC §4): names and values, no ids or
/// spans. A field that is nil was not annotated and is not scored.
public struct Gold: Decodable, Sendable {
    public struct Meeting: Decodable, Sendable {
        public var title: String?
        public var date: String?
    }
    public struct Attendee: Decodable, Sendable {
        public var name: String
        public var status: String
        public var substituteFor: String?
        public var remote: Bool?
        enum CodingKeys: String, CodingKey { case name, status, substituteFor = "substitute_for", remote }
    }
    public struct Item: Decodable, Sendable {
        public var number: String
        public var title: String?
    }
    public struct Decision: Decodable, Sendable {
        public var text: String
        public var kind: String?
        /// The motion behind the decision, by name and value.
        public var proposer: String?
        public var seconder: String?
        public var votes: [String: Int]?
        public var unanimous: Bool?
        public var outcome: String?
        public var recordedVotes: [RecordedVote]?
        enum CodingKeys: String, CodingKey {
            case text, kind, proposer, seconder, votes, unanimous, outcome, recordedVotes = "recorded_votes"
        }

        var hasMotion: Bool {
            proposer != nil || seconder != nil || votes != nil || unanimous != nil || outcome != nil || recordedVotes != nil
        }
    }
    public struct RecordedVote: Decodable, Sendable {
        public var text: String
        public var vote: String
    }
    public struct Action: Decodable, Sendable {
        public var text: String
        public var owners: [String]?
        public var due: String?
    }
    public struct Amount: Decodable, Sendable {
        public var text: String?
        public var value: Double?
        public var min: Double?
        public var max: Double?
    }
    public struct DateValue: Decodable, Sendable {
        public var text: String?
        public var value: String?
    }

    public var meeting: Meeting?
    public var attendance: [Attendee]?
    public var items: [Item]?
    public var decisions: [Decision]?
    public var actions: [Action]?
    public var amounts: [Amount]?
    public var dates: [DateValue]?
}

/// `NAME.meta.json`: what the text does not say about itself, passed as context.
public struct GoldMeta: Decodable, Sendable {
    public var body: String?
    public var meetingDate: String?
    enum CodingKeys: String, CodingKey { case body, meetingDate = "meeting_date" }
}
