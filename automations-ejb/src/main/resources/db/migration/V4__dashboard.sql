-- The dashboard counts automations created in a period (default the last 30 days) and the
-- started ones per day: this index reads only the period instead of the whole table, which
-- keeps growing between history cleanups.
create index atm_automation_created on atm_automation (created);
