-- The two tables of the engine (API.md section 3). Portable between H2 2.x and PostgreSQL.
create sequence atm_automation_seq start with 1 increment by 50;
create sequence atm_task_seq start with 1 increment by 50;

create table atm_automation (
    id               bigint                      not null primary key,
    automation_class varchar(255)                not null,
    status           varchar(16)                 not null,
    finished         boolean                     not null,
    data             varchar                     not null,
    automation_key   varchar(40),
    unique_key       varchar(64),
    paused_until     timestamp(6) with time zone,
    next_run         timestamp(6) with time zone,
    created          timestamp(6) with time zone not null,
    updated          timestamp(6) with time zone not null,
    version          bigint                      not null
);

-- The tick probes only this index: automations waiting for a person or a message have no next_run.
create index atm_automation_next_run on atm_automation (next_run);
create index atm_automation_key on atm_automation (automation_key);
create index atm_automation_class_status on atm_automation (automation_class, status);
create index atm_automation_finished_updated on atm_automation (finished, updated);
-- At most one unfinished instance per @Unique key (null for everything else).
create unique index atm_automation_unique on atm_automation (unique_key);

create table atm_task (
    id                      bigint                      not null primary key,
    automation_id           bigint                      not null references atm_automation (id) on delete cascade,
    -- No foreign key: a task's predecessor always belongs to the same automation, and history is
    -- deleted an automation at a time, so a key would only make every delete look up its successors.
    previous_id             bigint,
    status                  varchar(255)                not null,
    locked                  integer                     not null,
    requires_interaction    boolean                     not null,
    interaction_user        varchar(150),
    interaction_group       varchar(150),
    interaction_permissions varchar,
    created                 timestamp(6) with time zone not null,
    finished                timestamp(6) with time zone,
    due                     timestamp(6) with time zone,
    message                 varchar(255),
    result                  varchar
);

create index atm_task_automation on atm_task (automation_id, finished);
create index atm_task_previous on atm_task (previous_id);
create index atm_task_open_interaction on atm_task (requires_interaction, finished);
