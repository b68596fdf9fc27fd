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

-- Open tasks waiting for a person, newest first: the list walks this index and stops after a page.
create index atm_task_open_newest on atm_task (requires_interaction, finished, created, id);
drop index atm_task_open_interaction;
create index atm_task_interaction_user on atm_task (interaction_user);
create index atm_task_interaction_group on atm_task (interaction_group);
