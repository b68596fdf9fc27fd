package org.automations.flow;

/** An automation class that cannot run: the message names the class, the node and the problem. */
public class AutomationDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AutomationDefinitionException(String message) {
        super(message);
    }

    public AutomationDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
