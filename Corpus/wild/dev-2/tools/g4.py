import sys; sys.path.insert(0, __file__.rsplit('/',1)[0])
from lib import *
d = Doc('penhallow-housing-board-2024-07-24'); S = d.S
P = lambda n, **k: dict({"name": n, "status": "present"}, **k)
IA = lambda n: {"name": n, "status": "in-attendance"}
gold = {
 "meeting": {"title": "Penhallow Housing Group Board of Directors", "organisation": "Penhallow Housing Group",
             "date": "2024-07-24", "start": "10:00", "end": "12:48",
             "venue": "Boardroom, Penhallow House, 3 Quarry Street, Trenwick"},
 "attendance": [P("Harriet Polglase"), P("Kwabena Asante"), P("Moira Lanyon"), P("Tomasz Wierzbicki", remote=True),
  P("Yvette Carbis"), P("Ralph Menadue"), P("Sian Pengelly"),
  IA("Oliver Trounson"), IA("Nadia Rashleigh"), IA("Keith Vosper"), IA("Abi Hocking"), IA("Lucy Drew"),
  {"name": "Angharad Bolitho", "status": "apologies"}, {"name": "Jason Retallick", "status": "apologies"}],
 "items": [{"number": n, "title": t} for n, t in [
  ("1", "Welcome, apologies and quorum"), ("2", "Declarations of interest"),
  ("3", "Minutes of the meeting held on 22 May 2024"), ("4", "Action log"), ("5", "Chief Executive's report"),
  ("6", "Damp and mould - quarterly assurance"), ("7", "Annual accounts 2023/24 and audit findings"),
  ("8", "Development programme - Carn Brea Road scheme"), ("9", "Rent setting policy"),
  ("10", "Board effectiveness review"), ("11", "Any other business")]],
 "decisions": [
  {"text": "The Board AGREED that she could remain for the item but not vote.", "kind": "agreed"},
  {"text": S("The minutes were approved as a correct record", "14 June 2024."), "kind": "agreed"},
  {"text": "The Board NOTED the action log.", "kind": "noted"},
  {"text": "The Board NOTED the report.", "kind": "noted"},
  {"text": "The Board NOTED the assurance report.", "kind": "noted"},
  {"text": "the financial statements for the year ended 31 March 2024", "kind": "approved"},
  {"text": "the letter of representation", "kind": "approved"},
  {"text": S("the Chair and the Executive Director of Finance signing", "on behalf of the Board."), "kind": "approved"},
  {"text": S("Moira Lanyon proposed", "voting against."), "kind": "approved", "proposer": "Lanyon", "seconder": "Asante",
   "recorded_votes": [{"text": "Wierzbicki", "vote": "against"}], "outcome": "carried"},
  {"text": S("The Board DEFERRED approval", "service charges."), "kind": "deferred"},
  {"text": S("That the recommendations of the external", "accepted."), "kind": "resolved"},
  {"text": S("That the Head of Governance prepare", "November meeting."), "kind": "resolved"},
  {"text": "That the Board's skills matrix be refreshed by 31 October 2024.", "kind": "resolved"},
 ],
 "actions": [
  {"text": S("Executive Director of Operations to present", "September Board."), "owners": ["Executive Director of Operations"], "due": "2024-09-25"},
  {"text": S("Executive Director of Finance to confirm", "31 August 2024."), "owners": ["Executive Director of Finance"], "due": "2024-08-31"},
  {"text": S("The Board DEFERRED approval", "service charges."), "owners": [], "due": "2024-09-25"},
  {"text": S("That the Head of Governance prepare", "November meeting."), "owners": ["KV"], "due": "2024-11"},
  {"text": "That the Board's skills matrix be refreshed by 31 October 2024.", "owners": ["KV"], "due": "2024-10-31"},
 ],
 "amounts": [M("£1.12m", 1120000), M("£11.7m", 11700000), M("£3.36m", 3360000)],
 "dates": [
  D("Wednesday 24 July 2024", "2024-07-24", "day"), D("10.00am", "10:00", "time"),
  D("22 May 2024", "2024-05-22", "day"), D("14 June 2024", "2024-06-14", "day"), D("10.20am", "10:20", "time"),
  D("the September Board", "2024-09-25", "day", True),
  D("2023/24", "2023-04-01/2024-03-31", "financial-year"), D("31 March 2024", "2024-03-31", "day"),
  D("24.07.24", "2024-07-24", "day"),
  D("31 August 2024", "2024-08-31", "day"), D("25 September 2024", "2024-09-25", "day"),
  D("November", "2024-11", "month", True), D("31 October 2024", "2024-10-31", "day"),
  D("Wednesday 25 September 2024", "2024-09-25", "day"), D("10.00am", "10:00", "time"),
  D("12.48pm", "12:48", "time"), D("24.07.24", "2024-07-24", "day"),
 ],
}
write(d, gold)
