package org.automations.engine;

import java.util.List;
import org.automations.flow.SendMessage;
import org.automations.model.AutomationTaskModel;

/** Delivers the message of a {@link SendMessage} node; returns the receivers' answers. */
public interface MessageSender {
    List<Object> send(SendMessage node, AutomationTaskModel task) throws Exception;
}
