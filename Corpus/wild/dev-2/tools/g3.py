import sys; sys.path.insert(0, __file__.rsplit('/',1)[0])
from lib import *
d = Doc('brockwell-sands-cabinet-2024-11-13'); S = d.S
IA = lambda n: {"name": n, "status": "in-attendance"}
FY = lambda t, a: D(t, f"{a}-04-01/{a+1}-03-31", "financial-year")
gold = {
 "meeting": {"title": "Cabinet", "organisation": "Brockwell Sands Borough Council", "date": "2024-11-13",
             "start": "17:30", "end": "19:04", "venue": "Committee Room 2, Seafront Offices, Esplanade, Brockwell Sands"},
 "attendance": [
  {"name": "Rachel Ormsby-Tate", "status": "present"}, {"name": "Deepak Varsani", "status": "present"},
  {"name": "Janet Cullimore", "status": "present"}, {"name": "Tobias Wren", "status": "present", "remote": True},
  {"name": "Shona Blakiston", "status": "present"},
  IA("Gareth Pelling"), IA("Maud Ferrier"), IA("Helen Stavely"), IA("Marcus Dunphy"), IA("Leanne Okafor"),
  IA("Amir Siddiqui"), IA("Bethan Lowrie"),
  {"name": "Elliot Rampling", "status": "apologies"},
 ],
 "items": [{"number": n, "title": t} for n, t in [
  ("CAB/61", "APOLOGIES FOR ABSENCE"), ("CAB/62", "DECLARATIONS OF INTEREST"), ("CAB/63", "MINUTES"),
  ("CAB/64", "MEDIUM TERM FINANCIAL STRATEGY 2025/26 TO 2027/28 (KEY DECISION)"),
  ("CAB/65", "TEMPORARY ACCOMMODATION - PURCHASE OF HOMES (KEY DECISION)"),
  ("CAB/66", "SEAFRONT SHELTERS - CONDITION SURVEY"), ("CAB/67", "LEISURE CENTRE CONTRACT EXTENSION"),
  ("CAB/68", "EXCLUSION OF THE PRESS AND PUBLIC"), ("CAB/69", "DISPOSAL OF LAND AT NORTH QUAY (KEY DECISION)")]],
 "decisions": [
  {"text": S("That the minutes of the meeting held on 16", "as a correct record."), "kind": "resolved"},
  {"text": "notes the forecast budget gap and the assumptions in section 4 of the report", "kind": "resolved"},
  {"text": S("approves the savings proposals", "5 January 2025"), "kind": "resolved"},
  {"text": S("RECOMMENDS to Council that the capital", "be approved."), "kind": "recommended"},
  {"text": S("the purchase of up to 20 homes", "be approved"), "kind": "resolved"},
  {"text": S("authority be delegated to the Director", "terms of each purchase"), "kind": "resolved"},
  {"text": "the Head of Housing report progress to Cabinet in June 2025.", "kind": "resolved"},
  {"text": S("Cabinet NOTED the condition survey", "brought forward to 2025/26."), "kind": "agreed"},
  {"text": S("The decision was DEFERRED", "to be provided."), "kind": "deferred"},
  {"text": S("That under section 100A(4)", "to the Act."), "kind": "resolved"},
  {"text": S("that the freehold of land at North Quay", "exempt report."), "kind": "resolved"},
 ],
 "actions": [
  {"text": "the Head of Housing report progress to Cabinet in June 2025.", "owners": ["Head of Housing"], "due": "2025-06"},
  {"text": S("The decision was DEFERRED", "to be provided."), "owners": [], "due": "2024-12-11"},
 ],
 "amounts": [M("£2.4m", 2400000), M("£4.1m", 4100000), M("£1.35m", 1350000), M("£23.8m", 23800000),
             M("£2.4m", 2400000), M("£3m", 3000000), M("£5.6m", 5600000), M("£1.9m", 1900000)],
 "dates": [
  D("Wednesday 13 November 2024", "2024-11-13", "day"), D("5.30pm", "17:30", "time"),
  D("16 October 2024", "2024-10-16", "day"),
  FY("2025/26", 2025), FY("2027/28", 2027),
  D("18 November 2024", "2024-11-18", "day"), D("5 January 2025", "2025-01-05", "day"),
  FY("2025/26", 2025), D("11 March 2025", "2025-03-11", "day"),
  D("the February Cabinet", "2025-02", "month", True),
  D("June 2025", "2025-06", "month"), FY("2023/24", 2023), FY("2025/26", 2025),
  D("11 December 2024", "2024-12-11", "day"),
  D("7.04pm", "19:04", "time"), D("5pm", "17:00", "time"), D("21 November 2024", "2024-11-21", "day"),
 ],
}
write(d, gold)
