-- Issue 12 (execution model). Portable between H2 2.x and PostgreSQL.

-- An automation created without running it (create(..., false), or inside a step) has no task
-- yet: the node it starts at waits here until its first run enters it (null once started).
alter table atm_automation add column start_node varchar(255);

-- A task at a node with .awaitMessage(...): when that message was delivered to the automation.
-- Such a task has no wake time until then, so the tick never reads it while it waits.
alter table atm_task add column message_received timestamp(6) with time zone;
