-- The task list (issue 4): who may process a task is decided in the database, so the list is
-- paged there. Portable between H2 2.x and PostgreSQL.

-- A form's required permissions, one row each: "holds every permission" becomes
-- "no row of the task is missing from the user's roles", a plain NOT EXISTS. The JSON column
-- interaction_permissions stays as the API's list; V3 copies existing lists into this table.
create table atm_task_permission (
    task_id    bigint       not null references atm_task (id) on delete cascade,
    permission varchar(255) not null,
    primary key (task_id, permission)
);

-- True while the task waits for a person (requires_interaction and not finished), kept by the
-- entity. An equality the list can walk newest first in this index and stop after a page; with
-- "finished is null" PostgreSQL sorts every open task instead (IS NULL does not order an index).
alter table atm_task add column awaits_person boolean default false not null;
update atm_task set awaits_person = true where requires_interaction = true and finished is null;
create index atm_task_awaits_person on atm_task (awaits_person, created, id);
