-- No query has used this index since the task list moved to atm_task_awaits_person (V2); every
-- task insert and finish still had to maintain it.
drop index atm_task_open_interaction;
