-- Issue 15 (definition versions). Portable between H2 2.x and PostgreSQL.

-- Every declaration of an automation class a deployment has run with: the flow graph as JSON (nodes,
-- types, descriptions, modifiers, successors) under the first 12 hex digits of its SHA-256. Rows are
-- written at deployment and never change, so an old instance's declaration can be compared with the
-- current one after the class has changed.
create table atm_definition_version (
    class_name varchar(255) not null,
    version varchar(12) not null,
    declaration varchar not null,
    recorded timestamp(6) with time zone not null,
    primary key (class_name, version)
);

-- The version an instance started with and the one its last step ran with (null: started before
-- versions were recorded).
alter table atm_automation add column started_version varchar(12);
alter table atm_automation add column run_version varchar(12);
