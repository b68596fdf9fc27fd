package org.automations;

/** A deployed automation class and its verbose name. */
public record AutomationInfo(String className, String verboseName) {
}
