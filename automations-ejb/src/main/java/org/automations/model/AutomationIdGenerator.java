package org.automations.model;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** Automation ids from {@code atm_automation_seq}; see {@link PooledIdGenerator}. */
public class AutomationIdGenerator extends PooledIdGenerator {

    private static final long serialVersionUID = 1L;
    private static final String SEQUENCE = "atm_automation_seq";

    public AutomationIdGenerator() {
        super(SEQUENCE);
    }

    /** The next free automation id. */
    public static long nextId(SharedSessionContractImplementor session) {
        return nextId(session, SEQUENCE);
    }
}
