import sys; sys.path.insert(0, __file__.rsplit('/',1)[0])
from lib import *
d = Doc('wealdmarsh-pcp-2025-02-06'); S = d.S
P = lambda n, **k: dict({"name": n, "status": "present"}, **k)
IA = lambda n: {"name": n, "status": "in-attendance"}
motion = {"proposer": "Crowhurst", "seconder": "Raval", "votes": {"for": 6, "against": 3}, "outcome": "carried"}
gold = {
 "meeting": {"title": "Wealdmarsh Police and Crime Panel", "date": "2025-02-06", "start": "10:30", "end": "12:55",
             "venue": "County Hall, Kingsferry"},
 "attendance": [P("Barbara Enderby"), P("Ifor Crowhurst"), P("Lesley Amberley"), P("Dev Chaudhary"), P("Rhona Fitzwarren"),
  P("Malcolm Gedge"), {"name": "Paula Hinksey", "status": "substitute", "substitute_for": "Neil Jarrold"},
  P("Owen Lusted", remote=True), P("Anthony Quaife"), P("Sunita Raval"),
  IA("Clive Haddow"), IA("Ruth Penberthy"), IA("Stephen Kaye"), IA("Jo Arnhem"), IA("Kate Lovibond"), IA("Peter Ruxton"),
  {"name": "Neil Jarrold", "status": "apologies"}, {"name": "Yasmin Tidball", "status": "apologies"}],
 "items": [{"number": n, "title": t} for n, t in [
  ("45", "Apologies, substitutes and declarations of interest"), ("46", "Minutes - 28 November 2024"),
  ("47", "Proposed Police Precept 2025/26"), ("48", "Police and Crime Plan 2025-29 - consultation"),
  ("49", "Complaints against the Commissioner"), ("50", "Work programme"), ("51", "Date of next meeting")]],
 "decisions": [
  {"text": S("that the minutes of the meeting held on 28 November 2024 are", "signed by the Chair."), "kind": "resolved"},
  {"text": S("Councillor Amberley moved", "the proposed precept."), "kind": "rejected", "proposer": "Amberley", "seconder": "Chaudhary",
   "votes": {"for": 3, "against": 6, "abstain": 0},
   "recorded_votes": [{"text": n, "vote": "for"} for n in ["Amberley", "Chaudhary", "Fitzwarren"]]
     + [{"text": n, "vote": "against"} for n in ["Crowhurst", "Enderby", "Gedge", "Hinksey", "Quaife", "Raval"]],
   "outcome": "lost"},
  dict({"text": S("the Panel supports the precept", "proposed by the Commissioner"), "kind": "resolved"}, **motion),
  dict({"text": S("the Panel's report to the Commissioner include", "level of savings"), "kind": "resolved"}, **motion),
  dict({"text": S("the Scrutiny Officer send the report", "10 February 2025."), "kind": "resolved"}, **motion),
  {"text": S("that the Panel's comments be submitted", "14 March 2025."), "kind": "resolved"},
  {"text": S("The Panel NOTED the report", "resolved informally."), "kind": "noted"},
  {"text": S("It was AGREED that the Deputy Chief", "the June meeting."), "kind": "agreed"},
 ],
 "actions": [
  {"text": S("He undertook to send the Panel", "28 February 2025."), "owners": ["Commissioner"], "due": "2025-02-28"},
  {"text": S("the Scrutiny Officer send the report", "10 February 2025."), "owners": ["Scrutiny Officer"], "due": "2025-02-10"},
  {"text": S("that the Panel's comments be submitted", "14 March 2025."), "owners": ["Chair", "Vice-Chair"], "due": "2025-03-14"},
  {"text": "Mr Ruxton to update the work programme.", "owners": ["Mr Ruxton"], "due": None},
 ],
 "amounts": [M("£14.00", 14), M("£268.11", 268.11), M("£128.4m", 128400000), M("£3.2m", 3200000), M("£9m", 9000000),
             M("£3.2m", 3200000), M("£268.11", 268.11)],
 "dates": [
  D("Thursday, 6 February\n2025", "2025-02-06", "day"), D("10.30 am", "10:30", "time"),
  D("28 November 2024", "2024-11-28", "day"), D("28 November 2024", "2024-11-28", "day"),
  D("2025/26", "2025-04-01/2026-03-31", "financial-year"), D("2025/26", "2025-04-01/2026-03-31", "financial-year"),
  D("28 February 2025", "2025-02-28", "day"), D("2025/26", "2025-04-01/2026-03-31", "financial-year"),
  D("10 February 2025", "2025-02-10", "day"), D("14 March 2025", "2025-03-14", "day"),
  D("quarter 3\n2024/25", "2024-10-01/2024-12-31", "quarter"),
  D("April", "2025-04", "month", True), D("the June meeting", "2025-06", "month", True),
  D("Thursday 10 April 2025", "2025-04-10", "day"), D("10.30 am", "10:30", "time"), D("12.55 pm", "12:55", "time"),
 ],
}
write(d, gold)
