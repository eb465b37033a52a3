import sys; sys.path.insert(0, __file__.rsplit('/',1)[0])
from lib import *
d = Doc('llanfair-rhosgoch-cc-2024-03-12'); S = d.S
P = lambda n, **k: dict({"name": n, "status": "present"}, **k)
IA = lambda n: {"name": n, "status": "in-attendance"}
gold = {
 "meeting": {"title": "Llanfair Rhosgoch Community Council", "date": "2024-03-12", "start": "19:00", "end": "20:40",
             "venue": "Neuadd Goffa, Ffordd yr Orsaf, Llanfair Rhosgoch"},
 "attendance": [P("Gwenllian Hopcyn"), P("Steffan Bevan"), P("Meinir Cadwaladr"), P("Dylan Pugh", remote=True),
  P("Ieuan Rhydderch"), P("Carys Tudur"), P("Owain Wyn-Jenkins"), IA("Aled Prydderch"), IA("Nerys Gwilym"),
  {"name": "Bethan Llewelyn", "status": "apologies"}, {"name": "Rhodri Mostyn", "status": "absent"}],
 "items": [{"number": n, "title": t} for n, t in [
  ("112/23", "Apologies"), ("113/23", "Declarations of Interest"), ("114/23", "County Councillor's Report"),
  ("115/23", "To Correct & Approve the Minutes of the meeting held on 13th February 2024"), ("116/23", "Matters Arising"),
  ("117/23", "Planning"), ("118/23", "Finance"), ("119/23", "Welsh Language Scheme"), ("120/23", "Correspondence"),
  ("121/23", "Date of the Annual Meeting")]],
 "decisions": [
  {"text": "Noted.", "kind": "noted"},
  {"text": S("Proposed (SB) & Seconded (MC)", "signed by the Chair."), "kind": "approved", "proposer": "SB", "seconder": "MC",
   "unanimous": True, "outcome": "carried"},
  {"text": "Noted.", "kind": "noted"},
  {"text": S("Agreed that the Clerk obtain", "the April meeting."), "kind": "agreed"},
  {"text": "No observations.", "kind": "agreed"},
  {"text": S("the Council\nobjected", "RESOLVED."), "kind": "resolved"},
  {"text": S("Payments for March totalling", "RESOLVED."), "kind": "approved", "proposer": "IR", "seconder": "CT", "outcome": "carried"},
  {"text": S("Cllr\n   Wyn-Jenkins proposed", "Cllr Pugh."), "kind": "agreed", "proposer": "Wyn-Jenkins", "seconder": "Pugh",
   "votes": {"for": 4, "against": 2}, "outcome": "carried"},
  {"text": S("Cllr Bevan proposed an", "Cllr Cadwaladr."), "kind": "rejected", "proposer": "Bevan", "seconder": "Cadwaladr",
   "votes": {"for": 2, "against": 4}, "outcome": "lost"},
  {"text": S("RESOLVED to appoint Tegid", "£275."), "kind": "resolved"},
  {"text": S("The Council resolved to adopt", "1 abstention)."), "kind": "resolved", "proposer": "MC", "seconder": "GH",
   "votes": {"for": 6, "abstain": 1}, "outcome": "carried"},
  {"text": "Noted.", "kind": "noted"},
 ],
 "actions": [
  {"text": S("Cllr Gwilym\n  to raise", "report back."), "owners": ["Cllr Gwilym"], "due": None},
  {"text": S("Agreed that the Clerk obtain", "the April meeting."), "owners": ["Clerk"], "due": "2024-04"},
 ],
 "amounts": [M("£86.40", 86.40), M("£2,947.18", 2947.18), M("£500", 500), M("£300", 300), M("£275", 275)],
 "dates": [
  D("Tuesday 12th March 2024", "2024-03-12", "day"), D("7.00 pm", "19:00", "time"), D("7.10 pm", "19:10", "time"),
  D("May", "2024-05", "month", True), D("13th February\n2024", "2024-02-13", "day"),
  D("2nd March", "2024-03-02", "day", True), D("the April meeting", "2024-04", "month", True),
  D("March", "2024-03", "month", True), D("2023/24", "2023-04-01/2024-03-31", "financial-year"),
  D("Tuesday 14th May 2024", "2024-05-14", "day"), D("7.00 pm", "19:00", "time"), D("8.40 pm", "20:40", "time"),
 ],
}
write(d, gold)
