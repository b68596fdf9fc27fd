-- Issue 14 (task inbox). Portable between H2 2.x and PostgreSQL.

-- Who has claimed an open task (null: nobody). Set by one conditional UPDATE, so of two claims at
-- once exactly one finds the column empty.
alter table atm_task add column claimed_by varchar(150);

-- When a person should have processed the task (Form.dueIn/dueAt; null: no due time), and whether
-- the overdue moment has been handled (mails, .onOverdue). Until then the deadline is one of the
-- automation's wake times, so the tick finds overdue tasks through next_run, without polling tasks.
alter table atm_task add column deadline timestamp(6) with time zone;
alter table atm_task add column overdue_handled boolean default false not null;

-- Form.priority: higher first.
alter table atm_task add column priority integer default 0 not null;

-- Claims, releases and reassignments of the task: a JSON list of {time, actor, action, user, group},
-- shown in the automation's history and deleted with the task.
alter table atm_task add column assignments varchar;
