package org.automations.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Places an automation's steps (its task rows) on a grid for the history page: one step per row,
 * in the order they were processed (loops unrolled, each pass being a row of its own); the paths of
 * a Split side by side, one column each, down to their Join, after which the automation continues
 * across the full width again. Tasks form a tree through their previous task: a task with several
 * successors is a Split; a Join task remembers its Split task ({@code {"split_task": id}}), which
 * tells where a path ends.
 *
 * @param <T> the task type (the entity on the page, a small record in unit tests)
 */
public final class HistoryGrid<T> {

    /** A step or a path's heading placed on the grid (rows and columns count from 1, as in CSS grid). */
    public static final class Cell<T> {
        private final T step;
        private final String path;
        private final int row;
        private final int column;
        private final int span;
        private final int depth;

        Cell(T step, String path, int row, int column, int span, int depth) {
            this.step = step;
            this.path = path;
            this.row = row;
            this.column = column;
            this.span = span;
            this.depth = depth;
        }

        /** The task, or null for a path heading. */
        public T getStep() {
            return step;
        }

        /** For a path heading: "1/3", "2/3", ...; null for a step. */
        public String getPath() {
            return path;
        }

        public int getRow() {
            return row;
        }

        public int getColumn() {
            return column;
        }

        public int getSpan() {
            return span;
        }

        /** How many Splits enclose the cell (0 outside every Split). */
        public int getDepth() {
            return depth;
        }

        /** The CSS grid placement of the cell. */
        public String getGridArea() {
            return "grid-row: " + row + "; grid-column: " + column + " / span " + span;
        }
    }

    /** A step or a block of parallel paths, before placement. */
    private record Entry<T>(T step, List<List<Entry<T>>> paths) {
        int width() {
            return paths == null ? 1 : paths.stream().mapToInt(HistoryGrid::width).sum();
        }
    }

    private final Function<T, Long> id;
    private final Function<T, Long> previous;
    private final Function<T, Long> splitTask;
    private final Map<Long, List<T>> successors = new LinkedHashMap<>();
    private final List<Cell<T>> cells = new ArrayList<>();
    private final int columns;

    /**
     * @param tasks the automation's tasks, oldest first
     * @param id a task's id
     * @param previous the id of the task before it, or null
     * @param splitTask for a Join task, the id of the Split task whose path it ends; null otherwise
     */
    public HistoryGrid(Collection<T> tasks, Function<T, Long> id, Function<T, Long> previous, Function<T, Long> splitTask) {
        this.id = id;
        this.previous = previous;
        this.splitTask = splitTask;
        Map<Long, T> byId = new TreeMap<>();
        tasks.forEach(task -> byId.put(id.apply(task), task));
        List<T> roots = new ArrayList<>();
        for (T task : byId.values()) {
            Long before = previous.apply(task);
            if (before == null || !byId.containsKey(before)) {
                roots.add(task); // the first step, or one whose predecessor was deleted
            } else {
                successors.computeIfAbsent(before, key -> new ArrayList<>()).add(task);
            }
        }
        List<Entry<T>> sequence = new ArrayList<>();
        for (T root : roots) {
            sequence.addAll(sequence(root, null, new ArrayList<>()));
        }
        this.columns = Math.max(1, width(sequence));
        place(sequence, 1, 1, columns, 0);
    }

    private static <T> int width(List<Entry<T>> sequence) {
        return sequence.stream().mapToInt(Entry::width).max().orElse(0);
    }

    /**
     * The steps from {@code start} on, until a Join task closing {@code closingSplit} (which is added
     * to {@code arrivals}) or the end. A step with several successors opens a block of paths.
     */
    private List<Entry<T>> sequence(T start, Long closingSplit, List<T> arrivals) {
        List<Entry<T>> entries = new ArrayList<>();
        T current = start;
        while (current != null) {
            entries.add(new Entry<>(current, null));
            if (closingSplit != null && Objects.equals(closingSplit, splitTask.apply(current))) {
                arrivals.add(current);
                return entries;
            }
            current = continueAfter(id.apply(current), successorsOf(current), entries);
        }
        return entries;
    }

    /** The next step after a task with these successors; for several, adds a block of paths first. */
    private T continueAfter(Long splitId, List<T> next, List<Entry<T>> entries) {
        if (next.size() <= 1) {
            return next.isEmpty() ? null : next.get(0);
        }
        List<T> arrivals = new ArrayList<>();
        List<List<Entry<T>>> paths = new ArrayList<>();
        for (T first : next) {
            paths.add(sequence(first, splitId, arrivals));
        }
        entries.add(new Entry<>(null, paths));
        // After the Join: whatever followed the arrivals (one of them carries the automation on).
        List<T> after = new ArrayList<>();
        arrivals.forEach(arrival -> after.addAll(successorsOf(arrival)));
        after.sort((a, b) -> Long.compare(id.apply(a), id.apply(b)));
        return after.size() > 1 ? continueAfter(id.apply(after.get(0)), after, entries) : after.isEmpty() ? null : after.get(0);
    }

    private List<T> successorsOf(T task) {
        return successors.getOrDefault(id.apply(task), List.of());
    }

    /** Places a sequence from {@code row} in the columns {@code column..column+span-1}; returns the next free row. */
    private int place(List<Entry<T>> sequence, int row, int column, int span, int depth) {
        for (Entry<T> entry : sequence) {
            if (entry.paths() == null) {
                cells.add(new Cell<>(entry.step(), null, row++, column, span, depth));
                continue;
            }
            int pathColumn = column;
            int lastRow = row + 1;
            int total = entry.width();
            for (int p = 0; p < entry.paths().size(); p++) {
                List<Entry<T>> path = entry.paths().get(p);
                // The last path takes the columns left over, so the block fills the width given to it.
                int pathSpan = p == entry.paths().size() - 1 ? column + span - pathColumn
                        : Math.max(1, width(path) * span / total);
                cells.add(new Cell<>(null, (p + 1) + "/" + entry.paths().size(), row, pathColumn, pathSpan, depth + 1));
                lastRow = Math.max(lastRow, place(path, row + 1, pathColumn, pathSpan, depth + 1));
                pathColumn += pathSpan;
            }
            row = lastRow;
        }
        return row;
    }

    /** Steps and path headings in reading order: each path top to bottom before the next path. */
    public List<Cell<T>> getCells() {
        return cells;
    }

    /** How many grid columns the widest block of paths needs. */
    public int getColumns() {
        return columns;
    }
}
