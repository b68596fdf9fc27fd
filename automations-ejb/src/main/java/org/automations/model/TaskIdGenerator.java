package org.automations.model;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** Task ids from {@code atm_task_seq}; see {@link PooledIdGenerator}. */
public class TaskIdGenerator extends PooledIdGenerator {

    private static final long serialVersionUID = 1L;
    private static final String SEQUENCE = "atm_task_seq";

    public TaskIdGenerator() {
        super(SEQUENCE);
    }

    /** The next free task id. */
    public static long nextId(SharedSessionContractImplementor session) {
        return nextId(session, SEQUENCE);
    }
}
