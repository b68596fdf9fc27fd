package org.automations.model;

/** Where an automation instance stands: running, or finished by an End node or by an uncaught error. */
public enum AutomationStatus {
    RUNNING,
    FINISHED,
    FAILED
}
