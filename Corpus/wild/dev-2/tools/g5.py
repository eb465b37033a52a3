import sys; sys.path.insert(0, __file__.rsplit('/',1)[0])
from lib import *
d = Doc('wrenfield-learning-trust-2024-12-10'); S = d.S
P = lambda n, **k: dict({"name": n, "status": "present"}, **k)
IA = lambda n: {"name": n, "status": "in-attendance"}
gold = {
 "meeting": {"title": "Wrenfield Learning Trust Board of Trustees", "organisation": "Wrenfield Learning Trust",
             "date": "2024-12-10", "start": "17:00", "end": "19:12",
             "venue": "Wrenfield Academy, Cold Harbour Road, Wrenfield"},
 "attendance": [P("E Marchbank"), P("D Oyelaran"), P("P Hurlstone"), P("C Abernethy"), P("R Sandhu", remote=True),
  P("G Tulloch"), P("V Kingsnorth"), IA("N Fairbrass"), IA("J Pargeter"), IA("H Ostler"),
  {"name": "S Whitmarsh", "status": "apologies"}, {"name": "A Greatorex", "status": "apologies"},
  {"name": "L Pybus", "status": "absent"}],
 "items": [{"number": n, "title": t} for n, t in [
  ("1", "Welcome, apologies and consent for absence"), ("2", "Declarations of business and pecuniary interest"),
  ("3", "Minutes of the meeting held on 8th October 2024 and matters arising"), ("4", "CEO report"),
  ("5", "Finance: management accounts to 31st October 2024"), ("6", "Larkspur Primary - school improvement plan"),
  ("7", "Estates and Condition Improvement Fund bids"), ("8", "Policies"), ("9", "Trustee recruitment"),
  ("10", "Any other business")]],
 "decisions": [
  {"text": S("It was RESOLVED (unanimously) that the minutes", "accurate record"), "kind": "resolved", "unanimous": True, "outcome": "carried"},
  {"text": "Trustees NOTED the report.", "kind": "noted"},
  {"text": "Trustees APPROVED the revised budget for 2024/25.", "kind": "approved"},
  {"text": S("Trustees approved the use of £60,000", "Larkspur roof."), "kind": "approved", "proposer": "DO", "seconder": "CA",
   "votes": {"for": 6, "against": 0, "abstain": 1}, "recorded_votes": [{"text": "GT", "vote": "abstain"}], "outcome": "carried"},
  {"text": S("It was RESOLVED that the plan be endorsed", "at the March Board."), "kind": "resolved"},
  {"text": "Wrenfield Academy heating, £388,000 - APPROVED for submission.", "kind": "approved"},
  {"text": S("Larkspur Primary windows, £174,500", "revised survey."), "kind": "deferred"},
  {"text": "It was RESOLVED (unanimously) that the following policies be adopted:", "kind": "resolved", "unanimous": True, "outcome": "carried"},
  {"text": S("The proposal to move Board meetings", "1 abstention)."), "kind": "rejected",
   "votes": {"for": 2, "against": 4, "abstain": 1}, "outcome": "lost"},
  {"text": S("that EM and JP interview", "January."), "kind": "agreed"},
 ],
 "actions": [
  {"text": S("VK to bring an attendance analysis", "21st January 2025."), "owners": ["VK"], "due": "2025-01-21"},
  {"text": S("It was RESOLVED that the plan be endorsed", "at the March Board."), "owners": [], "due": "2025-03-11"},
  {"text": S("Larkspur Primary windows, £174,500", "revised survey."), "owners": [], "due": "2025-03-11"},
  {"text": "NF to submit bid (a) by 15th December 2024.", "owners": ["NF"], "due": "2024-12-15"},
  {"text": S("that EM and JP interview", "January."), "owners": ["EM", "JP"], "due": "2025-01"},
 ],
 "amounts": [M("£142,000", 142000), M("£96,500", 96500), M("£60,000", 60000), M("£388,000", 388000), M("£174,500", 174500)],
 "dates": [
  D("Tuesday 10th December\n2024", "2024-12-10", "day"), D("5.00pm", "17:00", "time"),
  D("5.02pm", "17:02", "time"), D("5.25pm", "17:25", "time"),
  D("8th October 2024", "2024-10-08", "day"), D("21st January 2025", "2025-01-21", "day"),
  D("31st October 2024", "2024-10-31", "day"), D("2024/25", "2024-04-01/2025-03-31", "financial-year"),
  D("the March Board", "2025-03-11", "day", True), D("6.10pm", "18:10", "time"),
  D("the March Board", "2025-03-11", "day", True), D("15th December 2024", "2024-12-15", "day"),
  D("10.12.24", "2024-12-10", "day"), D("4.00pm", "16:00", "time"), D("January", "2025-01", "month", True),
  D("Tuesday 11th March 2025", "2025-03-11", "day"), D("5.00pm", "17:00", "time"), D("7.12pm", "19:12", "time"),
  D("10.12.24", "2024-12-10", "day"),
 ],
}
write(d, gold)
