-- The task list's filters and orders (issue 14 part 3). Portable between H2 2.x and PostgreSQL (plain
-- composite indexes: H2 has no partial ones). Each serves one way of reading the list without
-- sorting or scanning every open task; V2's (awaits_person, created, id) serves newest and oldest first.

-- Due first (earliest due time; tasks without one last, as PostgreSQL's ascending index keeps them),
-- and the overdue filter (deadline <= now) as a range of the same index.
create index atm_task_awaits_deadline on atm_task (awaits_person, deadline, id);

-- Priority first (highest), then oldest first.
create index atm_task_awaits_priority on atm_task (awaits_person, priority desc, created, id);

-- A group member's list and count ("my groups", and the access rule's group IN (roles)): only the
-- group's tasks are read instead of every open task.
create index atm_task_group_open on atm_task (interaction_group, awaits_person, created);

-- "Assigned to me" and "claimed by me": a person's own tasks.
create index atm_task_user_open on atm_task (interaction_user, awaits_person, created);
create index atm_task_claimed_open on atm_task (claimed_by, awaits_person, created);
