package org.automations.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Placing steps on the history grid: sequences, loops unrolled, Split paths side by side until their Join. */
class HistoryGridTest {

    record Step(long id, Long previous, String node, Long splitTask) {
        static Step of(long id, Long previous, String node) {
            return new Step(id, previous, node, null);
        }
    }

    private static HistoryGrid<Step> grid(Step... steps) {
        return new HistoryGrid<>(List.of(steps), Step::id, Step::previous, Step::splitTask);
    }

    /** "node@row:column+span", path headings as "path n/m@row:column+span". */
    private static String cells(HistoryGrid<Step> grid) {
        return grid.getCells().stream()
                .map(c -> (c.getStep() == null ? "path " + c.getPath() : c.getStep().node())
                        + "@" + c.getRow() + ":" + c.getColumn() + "+" + c.getSpan())
                .collect(Collectors.joining(" "));
    }

    @Test
    void aLoopIsUnrolledOneRowPerPass() {
        HistoryGrid<Step> grid = grid(Step.of(1, null, "start"), Step.of(2, 1L, "work"), Step.of(3, 2L, "loop"),
                Step.of(4, 3L, "start"), Step.of(5, 4L, "work"));
        assertEquals(1, grid.getColumns());
        assertEquals("start@1:1+1 work@2:1+1 loop@3:1+1 start@4:1+1 work@5:1+1", cells(grid));
    }

    @Test
    void splitPathsStandSideBySideUntilTheirJoin() {
        HistoryGrid<Step> grid = grid(
                Step.of(1, null, "start"),
                Step.of(2, 1L, "parallel"),
                Step.of(3, 2L, "moderation"), Step.of(4, 2L, "warning"), Step.of(5, 2L, "confCall"),
                Step.of(6, 3L, "moderate"),
                new Step(7, 4L, "join", 2L),
                new Step(8, 5L, "join", 2L),
                Step.of(9, 6L, "repeat"),
                new Step(10, 9L, "join", 2L),
                Step.of(11, 10L, "evaluate"),
                Step.of(12, 11L, "end"));
        assertEquals(3, grid.getColumns());
        assertEquals("start@1:1+3 parallel@2:1+3"
                + " path 1/3@3:1+1 moderation@4:1+1 moderate@5:1+1 repeat@6:1+1 join@7:1+1"
                + " path 2/3@3:2+1 warning@4:2+1 join@5:2+1"
                + " path 3/3@3:3+1 confCall@4:3+1 join@5:3+1"
                + " evaluate@8:1+3 end@9:1+3", cells(grid));
        assertEquals(1, grid.getCells().get(3).getDepth());
        assertEquals(0, grid.getCells().get(0).getDepth());
    }

    @Test
    void nestedSplitsShareTheirPathsColumns() {
        HistoryGrid<Step> grid = grid(
                Step.of(1, null, "outer"),
                Step.of(2, 1L, "a"), Step.of(3, 1L, "inner"),
                Step.of(4, 3L, "b"), Step.of(5, 3L, "c"),
                new Step(6, 4L, "innerJoin", 3L), new Step(7, 5L, "innerJoin", 3L),
                new Step(8, 7L, "outerJoin", 1L),
                new Step(9, 2L, "outerJoin", 1L),
                Step.of(10, 9L, "end"));
        assertEquals(3, grid.getColumns());
        assertEquals("outer@1:1+3 path 1/2@2:1+1 a@3:1+1 outerJoin@4:1+1"
                + " path 2/2@2:2+2 inner@3:2+2 path 1/2@4:2+1 b@5:2+1 innerJoin@6:2+1"
                + " path 2/2@4:3+1 c@5:3+1 innerJoin@6:3+1 outerJoin@7:2+2 end@8:1+3", cells(grid));
    }

    @Test
    void pathsStillRunningEndWhereTheyWait() {
        HistoryGrid<Step> grid = grid(Step.of(1, null, "split"), Step.of(2, 1L, "a"), Step.of(3, 1L, "b"),
                Step.of(4, 2L, "a2"));
        assertEquals("split@1:1+2 path 1/2@2:1+1 a@3:1+1 a2@4:1+1 path 2/2@2:2+1 b@3:2+1", cells(grid));
    }

    @Test
    void aStepWhosePredecessorWasDeletedStartsANewSequence() {
        HistoryGrid<Step> grid = grid(Step.of(5, 4L, "later"), Step.of(6, 5L, "end"));
        assertEquals("later@1:1+1 end@2:1+1", cells(grid));
    }
}
