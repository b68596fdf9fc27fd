package org.automations.versions;

/**
 * Running automations of one class that last ran with one version of it and wait at one node: a row
 * of the migration page's overview. An automation waiting at two nodes (parallel paths) is in two groups.
 *
 * @param version the declaration's version they last ran with (null: from before versions were kept)
 * @param current whether that is the deployed declaration's version
 * @param node the node they wait at (an open task's node)
 * @param declared whether the deployed class still declares that node
 * @param count how many automations
 */
public record InstanceGroup(String version, boolean current, String node, boolean declared, long count) {
}
