package org.automations.flow;

import java.util.Map;

/**
 * What an automation instance needs from the engine. The engine attaches an implementation to every
 * instance it hands out; applications do not implement it.
 */
public interface AutomationRuntime {

    Node run(Automation automation);

    void nice(Automation automation);

    void save(Automation automation);

    void kill(Automation automation);

    Object sendMessage(Automation automation, String message, String token, Map<String, Object> data);

    /** The entity of that type and id in the automation's persistence context, or null. */
    <T> T findEntity(Automation automation, Class<T> type, Object id);
}
