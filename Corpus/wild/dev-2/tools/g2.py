import sys; sys.path.insert(0, __file__.rsplit('/',1)[0])
from lib import *
d = Doc('ashcombe-vale-dc-planning-2024-10-02'); S = d.S
P = lambda n: {"name": n, "status": "present"}
gold = {
 "meeting": {"title": "Planning Committee", "organisation": "Ashcombe Vale District Council", "date": "2024-10-02",
             "start": "18:00", "end": "20:51", "venue": "Council Chamber, Vale House, Priory Road, Ashcombe"},
 "attendance": [P("Gwen Thistlewood"), P("Harold Ebdon"), P("Ayesha Bhatti"),
  {"name": "Colin Dewsbury", "status": "apologies"}, P("Marian Frobisher"), P("Nigel Hawtrey"),
  {"name": "Owen Jellicoe", "status": "substitute", "substitute_for": "Colin Dewsbury"}, P("Rosalind Kemble"),
  {"name": "Stuart Lydiate", "status": "apologies"}, P("Trevor Mapplebeck"),
  {"name": "Fiona Nettleship", "status": "substitute", "substitute_for": "Stuart Lydiate"}, P("Imran Osei-Bonsu"),
  {"name": "Kathleen Pidgeon", "status": "apologies"}, P("Wendy Quilliam"),
  {"name": "Bernard Caulfield", "status": "in-attendance"}, {"name": "Priya Lalvani", "status": "in-attendance"},
  {"name": "Morwenna Treloar", "status": "in-attendance"}, {"name": "Daniel Hext", "status": "in-attendance"},
  {"name": "Sally Vowles", "status": "in-attendance"}, {"name": "Philippa Redwood", "status": "in-attendance"},
 ],
 "items": [{"number": n, "title": t} for n, t in [
  ("PLC/24/45", "Apologies for absence and substitutions"), ("PLC/24/46", "Minutes"), ("PLC/24/47", "Declarations of interest"),
  ("PLC/24/48", "24/0913/FUL - Land east of Tanyard Lane, Coldridge - Erection of 36 dwellings with access, open space and drainage"),
  ("PLC/24/49", "24/1027/FUL - The Old Granary, Mill Street, Ashcombe - Change of use to 6 flats and rear extension"),
  ("PLC/24/50", "24/1102/HOU - 9 Orchard Way, Coldridge - Two storey side extension"),
  ("PLC/24/51", "24/1150/LBC - St Aldhelm's Church, Ashcombe - Replacement of north aisle roof covering"),
  ("PLC/24/52", "Appeal decisions"), ("PLC/24/53", "Development management performance - Quarter 2 2024/25")]],
 "decisions": [
  {"text": S("that the minutes of the meeting held on 4th", "by the Chair."), "kind": "resolved"},
  {"text": S("that planning permission be GRANTED subject to the conditions set", "refuse the application."), "kind": "resolved",
   "proposer": "Ebdon", "seconder": "Kemble", "votes": {"for": 8, "against": 2, "abstain": 1}, "outcome": "carried"},
  {"text": S("Councillor Bhatti moved", "Councillor Quilliam."), "kind": "rejected", "proposer": "Bhatti", "seconder": "Quilliam",
   "votes": {"for": 4, "against": 7}, "outcome": "lost"},
  {"text": S("that planning permission be REFUSED", "the mover."), "kind": "resolved", "proposer": "Frobisher", "seconder": "Hawtrey",
   "votes": {"for": 7, "against": 4, "abstain": 0},
   "recorded_votes": [{"text": n, "vote": "for"} for n in ["Ebdon", "Frobisher", "Hawtrey", "Jellicoe", "Kemble", "Nettleship", "Osei-Bonsu"]]
     + [{"text": n, "vote": "against"} for n in ["Bhatti", "Mapplebeck", "Quilliam", "Thistlewood"]],
   "outcome": "carried"},
  {"text": S("Consideration of this application was DEFERRED", "10.00am."), "kind": "deferred"},
  {"text": S("It was proposed by Councillor Nettleship", "conditions."), "kind": "resolved", "proposer": "Nettleship",
   "seconder": "Hawtrey", "unanimous": True, "outcome": "carried"},
  {"text": S("The Committee NOTED the report, which", "dismissed."), "kind": "noted"},
  {"text": "The Committee NOTED the report.", "kind": "noted"},
 ],
 "actions": [
  {"text": S("Consideration of this application was DEFERRED", "10.00am."), "owners": [], "due": "2024-10-21"},
 ],
 "amounts": [M("£48,500", 48500), M("£48,500", 48500), M("£212,000", 212000), M("£6,200", 6200)],
 "dates": [
  D("Wednesday, 2nd October 2024", "2024-10-02", "day"), D("6.00pm", "18:00", "time"), D("8.51pm", "20:51", "time"),
  D("4th September 2024", "2024-09-04", "day"), D("31st January 2025", "2025-01-31", "day"),
  D("2 October 2024", "2024-10-02", "day"),
  D("Monday 21st October 2024", "2024-10-21", "day"), D("10.00am", "10:00", "time"),
  D("the last meeting", "2024-09-04", "day", True),
  D("Quarter 2 2024/25", "2024-07-01/2024-09-30", "quarter"),
  D("8.51pm", "20:51", "time"), D("2 October 2024", "2024-10-02", "day"),
 ],
}
write(d, gold)
