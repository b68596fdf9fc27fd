package org.automations;

import java.util.Map;

/** What a history cleanup deleted: the total and the count per model ("AutomationModel", "AutomationTaskModel"). */
public record DeleteResult(long total, Map<String, Long> perModel) {
}
