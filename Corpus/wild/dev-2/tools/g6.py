import sys; sys.path.insert(0, __file__.rsplit('/',1)[0])
from lib import *
d = Doc('auchenvrie-lochgarth-cc-2024-05-21'); S = d.S
P = lambda n, **k: dict({"name": n, "status": "present"}, **k)
IA = lambda n: {"name": n, "status": "in-attendance"}
gold = {
 "meeting": {"title": "Auchenvrie & Lochgarth Community Council", "date": "2024-05-21", "start": "19:30", "end": "21:20",
             "venue": "Lochgarth Village Hall"},
 "attendance": [P("Fraser Ballantyne"), P("Morag Drysdale"), P("Euan Kilbride"), P("Isla Rennie"),
  P("Callum Strachan", remote=True), P("Agnes Tolmie"), P("Hamish Urquhart"),
  IA("Kirsty Maclachlan"), IA("Ross Guthrie"), IA("Lorna Sim"),
  {"name": "Niall Bryson", "status": "apologies"}, {"name": "Duncan Petrie", "status": "apologies"}],
 "items": [{"number": n, "title": t} for n, t in [
  ("1", "Welcome and Apologies"), ("2", "Declarations of Interest"), ("3", "Minute of Previous Meeting (16 April 2024)"),
  ("4", "Matters Arising"), ("5", "Police Report"), ("6", "Councillor's Report"), ("7", "Grants"), ("8", "Planning"),
  ("9", "Treasurer's Report"), ("10", "Correspondence"), ("11", "AOCB"), ("12", "Date of Next Meeting")]],
 "decisions": [
  {"text": S("EK proposed, IR seconded", "true\nrecord."), "kind": "approved", "proposer": "EK", "seconder": "IR",
   "unanimous": True, "outcome": "carried"},
  {"text": S("Agreed: to ask for two", "school gate."), "kind": "agreed"},
  {"text": "Noted.", "kind": "noted"},
  {"text": S("An amendment by EK", "against)."), "kind": "rejected", "proposer": "EK", "seconder": "HU",
   "votes": {"for": 2, "against": 4}, "outcome": "lost"},
  {"text": S("CS\nproposed a grant", "seconded by IR."), "kind": "agreed", "proposer": "CS", "seconder": "IR",
   "votes": {"for": 5, "against": 1}, "outcome": "carried"},
  {"text": "No objection.", "kind": "agreed"},
  {"text": S("Agreed: the CC\nwill object", "drainage grounds."), "kind": "agreed"},
  {"text": S("Decision deferred until", "is available."), "kind": "deferred"},
  {"text": "Report noted.", "kind": "noted"},
  {"text": S("It was\nunanimously agreed", "Village Hall."), "kind": "agreed", "proposer": "IR", "unanimous": True, "outcome": "carried"},
 ],
 "actions": [
  {"text": S("MD to\nchase again", "next meeting."), "owners": ["MD"], "due": "2024-06-18"},
  {"text": S("Agreed: to ask for two", "school gate."), "owners": ["MD"], "due": None},
  {"text": S("She undertook to find out", "the June meeting."), "owners": ["Cllr KM"], "due": "2024-06-18"},
  {"text": S("MD to submit comments by", "31 May."), "owners": ["MD"], "due": "2024-05-31"},
  {"text": S("It was\nunanimously agreed", "Village Hall."), "owners": ["IR", "MD"], "due": "2024-06-27"},
 ],
 "amounts": [M("£250,000", 250000), M("£1,200", 1200), M("£800", 800), M("£1,200", 1200), M("£800", 800),
             M("£4,312.66", 4312.66), M("£18,950.00", 18950)],
 "dates": [
  D("Tuesday 21 May 2024", "2024-05-21", "day"), D("7.30pm", "19:30", "time"), D("7.45pm", "19:45", "time"),
  D("16 April 2024", "2024-04-16", "day"), D("the next meeting", "2024-06-18", "day", True),
  D("April", "2024-04", "month", True), D("2024/25", "2024-04-01/2025-03-31", "financial-year"),
  D("the June meeting", "2024-06-18", "day", True), D("31 May", "2024-05-31", "day", True),
  D("30 April 2024", "2024-04-30", "day"), D("2023/24", "2023-04-01/2024-03-31", "financial-year"),
  D("October", "2024-10", "month", True), D("3 June", "2024-06-03", "day", True),
  D("Thursday 27 June", "2024-06-27", "day", True), D("7pm", "19:00", "time"),
  D("Tuesday 18 June 2024", "2024-06-18", "day"), D("7.30pm", "19:30", "time"), D("9.20pm", "21:20", "time"),
 ],
}
write(d, gold)
