package org.automations.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simple layered drawing of a {@link FlowGraph}, for an SVG on the history page. Edges to a
 * later-declared node point downwards and decide the layers (longest path from the top, so a Join
 * sits below all its paths); edges back to an earlier node (loops) are drawn as curves along the
 * nearer margin; a SendMessage's receiver sits beside its sender. Within a layer, a node sits under
 * its predecessors where there is room.
 */
public final class FlowLayout {

    static final int BOX_WIDTH = 170;
    static final int BOX_HEIGHT = 46;
    static final int COLUMN_GAP = 40;
    static final int ROW_GAP = 46;
    static final int MARGIN = 20;
    /** Room on either side for the curves of loops. */
    static final int LOOP_ROOM = 90;

    /** A placed box. */
    public static final class Box {
        private final FlowGraph.Vertex vertex;
        private final int layer;
        private final int x;
        private final int y;

        Box(FlowGraph.Vertex vertex, int layer, int x, int y) {
            this.vertex = vertex;
            this.layer = layer;
            this.x = x;
            this.y = y;
        }

        public FlowGraph.Vertex getVertex() {
            return vertex;
        }

        public String getName() {
            return vertex.getName();
        }

        public int getLayer() {
            return layer;
        }

        public int getX() {
            return x;
        }

        public int getY() {
            return y;
        }

        public int getWidth() {
            return BOX_WIDTH;
        }

        public int getHeight() {
            return BOX_HEIGHT;
        }

        public int getCenterX() {
            return x + BOX_WIDTH / 2;
        }

        /** The name, shortened to fit the box (the full name is in the SVG title). */
        public String getShortName() {
            return shorten(vertex.getName().startsWith("_") ? vertex.getDescription() : vertex.getName(), 22);
        }

        /** The second line: node class (or "receives message" for a receiver). */
        public String getShortType() {
            return shorten(vertex.getType(), 26);
        }
    }

    /** A drawn edge: an SVG path and where its label goes. */
    public static final class Line {
        private final FlowGraph.Edge edge;
        private final String path;
        private final int labelX;
        private final int labelY;
        private final boolean backwards;

        Line(FlowGraph.Edge edge, String path, int labelX, int labelY, boolean backwards) {
            this.edge = edge;
            this.path = path;
            this.labelX = labelX;
            this.labelY = labelY;
            this.backwards = backwards;
        }

        public FlowGraph.Edge getEdge() {
            return edge;
        }

        /** The SVG path data ("M x y L x y" or a cubic curve). */
        public String getPath() {
            return path;
        }

        public int getLabelX() {
            return labelX;
        }

        public int getLabelY() {
            return labelY;
        }

        /** True for an edge back to an earlier node (a loop). */
        public boolean isBackwards() {
            return backwards;
        }

        /** CSS class by kind: edge-next, edge-then, edge-loop, ... */
        public String getStyleClass() {
            return "edge-" + edge.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<String, Box> boxes;
    private final List<Line> lines;
    private final int width;
    private final int height;

    private FlowLayout(Map<String, Box> boxes, List<Line> lines, int width, int height) {
        this.boxes = boxes;
        this.lines = lines;
        this.width = width;
        this.height = height;
    }

    public static FlowLayout of(FlowGraph graph) {
        Map<String, Integer> layers = layers(graph);
        Map<Integer, List<FlowGraph.Vertex>> rows = new TreeMap<>();
        for (FlowGraph.Vertex vertex : graph.getVertices()) {
            rows.computeIfAbsent(layers.get(vertex.getName()), l -> new ArrayList<>()).add(vertex);
        }
        Map<String, Integer> centres = centres(graph, rows, layers);
        int left = centres.values().stream().mapToInt(Integer::intValue).min().orElse(0) - BOX_WIDTH / 2;
        int right = centres.values().stream().mapToInt(Integer::intValue).max().orElse(0) + BOX_WIDTH / 2;
        int shift = MARGIN + LOOP_ROOM - left; // loops may run on either side
        Map<String, Box> boxes = new LinkedHashMap<>();
        int deepest = 0;
        for (Map.Entry<Integer, List<FlowGraph.Vertex>> row : rows.entrySet()) {
            deepest = Math.max(deepest, row.getKey());
            int y = MARGIN + row.getKey() * (BOX_HEIGHT + ROW_GAP);
            for (FlowGraph.Vertex vertex : row.getValue()) {
                int x = centres.get(vertex.getName()) - BOX_WIDTH / 2 + shift;
                boxes.put(vertex.getName(), new Box(vertex, row.getKey(), x, y));
            }
        }
        int contentLeft = MARGIN + LOOP_ROOM;
        int contentRight = contentLeft + (right - left);
        int middle = (contentLeft + contentRight) / 2;
        List<Line> lines = new ArrayList<>();
        int loops = 0;
        for (FlowGraph.Edge edge : graph.getEdges()) {
            Box from = boxes.get(edge.from());
            Box to = boxes.get(edge.to());
            if (to.layer > from.layer) {
                lines.add(down(edge, from, to));
            } else if (to.layer == from.layer && to != from) {
                lines.add(sideways(edge, from, to));
            } else {
                int lane = 20 + 12 * (loops++ % 5);
                boolean onLeft = to.getCenterX() < middle;
                lines.add(back(edge, from, to, onLeft ? contentLeft - lane : contentRight + lane, onLeft));
            }
        }
        int width = contentRight + LOOP_ROOM + MARGIN;
        int height = 2 * MARGIN + (deepest + 1) * BOX_HEIGHT + deepest * ROW_GAP;
        return new FlowLayout(boxes, lines, width, height);
    }

    /**
     * Horizontal centre of each box: layer by layer, a node wants to sit under the mean of its
     * predecessors in earlier layers (so a path stays in its column and a Join sits under its paths);
     * nodes of one layer keep that order and are pushed apart where they would overlap.
     */
    private static Map<String, Integer> centres(FlowGraph graph, Map<Integer, List<FlowGraph.Vertex>> rows,
            Map<String, Integer> layers) {
        Map<String, Integer> centres = new HashMap<>();
        for (List<FlowGraph.Vertex> row : rows.values()) {
            Map<String, Double> wanted = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                FlowGraph.Vertex vertex = row.get(i);
                double sum = 0;
                int count = 0;
                for (FlowGraph.Edge edge : graph.getEdges()) {
                    if (edge.to().equals(vertex.getName()) && centres.containsKey(edge.from())
                            && layers.get(edge.from()) < layers.get(vertex.getName())) {
                        sum += centres.get(edge.from());
                        count++;
                    }
                }
                wanted.put(vertex.getName(), count == 0 ? i * (double) (BOX_WIDTH + COLUMN_GAP) : sum / count);
            }
            List<FlowGraph.Vertex> ordered = new ArrayList<>(row);
            ordered.sort(Comparator.comparingDouble((FlowGraph.Vertex v) -> wanted.get(v.getName()))
                    .thenComparingInt(FlowGraph.Vertex::getIndex));
            // Spread a row evenly around where it wants to be, then push apart what still overlaps.
            int span = (ordered.size() - 1) * (BOX_WIDTH + COLUMN_GAP);
            double mean = ordered.stream().mapToDouble(v -> wanted.get(v.getName())).average().orElse(0);
            Integer previous = null;
            for (int i = 0; i < ordered.size(); i++) {
                FlowGraph.Vertex vertex = ordered.get(i);
                double desired = ordered.size() > 1 && ordered.stream().map(v -> wanted.get(v.getName())).distinct().count() == 1
                        ? mean - span / 2.0 + i * (BOX_WIDTH + COLUMN_GAP)
                        : wanted.get(vertex.getName());
                int centre = (int) Math.round(desired);
                if (previous != null) {
                    centre = Math.max(centre, previous + BOX_WIDTH + COLUMN_GAP);
                }
                centres.put(vertex.getName(), centre);
                previous = centre;
            }
            if (ordered.size() > 1) {
                row.clear();
                row.addAll(ordered);
            }
        }
        return centres;
    }

    /**
     * Layer of each vertex: the longest chain of forward edges (to a later-declared node) from a
     * node without such an incoming edge. Declaration order is a topological order of forward edges.
     */
    static Map<String, Integer> layers(FlowGraph graph) {
        Map<String, Integer> layers = new HashMap<>();
        for (FlowGraph.Vertex vertex : graph.getVertices()) {
            layers.putIfAbsent(vertex.getName(), 0);
            for (FlowGraph.Edge edge : graph.edgesFrom(vertex.getName())) {
                FlowGraph.Vertex target = graph.vertex(edge.to());
                if (edge.kind() == FlowGraph.EdgeKind.MESSAGE) {
                    layers.put(edge.to(), layers.get(vertex.getName())); // beside the sender
                } else if (target.getIndex() > vertex.getIndex()) {
                    layers.merge(edge.to(), layers.get(vertex.getName()) + 1, Math::max);
                }
            }
        }
        return layers;
    }

    private static Line down(FlowGraph.Edge edge, Box from, Box to) {
        if (to.layer - from.layer > 1) {
            // Skipping layers: leave near the right corner and bow out into the gap beside the boxes in between.
            int x1 = from.x + BOX_WIDTH - 12;
            int y1 = from.y + BOX_HEIGHT;
            int x2 = to.x + BOX_WIDTH - 12;
            int y2 = to.y;
            String path = "M " + x1 + " " + y1 + " C " + (x1 + 45) + " " + (y1 + 30) + ", " + (x2 + 45) + " " + (y2 - 30)
                    + ", " + x2 + " " + y2;
            return new Line(edge, path, (x1 + x2) / 2 + 36, (y1 + y2) / 2, false);
        }
        int x1 = from.getCenterX();
        int y1 = from.y + BOX_HEIGHT;
        int x2 = to.getCenterX();
        int y2 = to.y;
        String path = "M " + x1 + " " + y1 + " L " + x2 + " " + y2;
        return new Line(edge, path, (x1 + x2) / 2 + 4, y1 + Math.min(18, (y2 - y1) / 2), false);
    }

    private static Line sideways(FlowGraph.Edge edge, Box from, Box to) {
        int y = from.y + BOX_HEIGHT / 2;
        boolean right = to.x > from.x;
        int x1 = right ? from.x + BOX_WIDTH : from.x;
        int x2 = right ? to.x : to.x + BOX_WIDTH;
        return new Line(edge, "M " + x1 + " " + y + " L " + x2 + " " + y, Math.min(x1, x2) + 2, y - 6, false);
    }

    /** A curve leaving the source on one side, running along that margin, entering the target on the same side. */
    private static Line back(FlowGraph.Edge edge, Box from, Box to, int laneX, boolean onLeft) {
        int x1 = onLeft ? from.x : from.x + BOX_WIDTH;
        int y1 = from.y + BOX_HEIGHT / 2;
        int x2 = onLeft ? to.x : to.x + BOX_WIDTH;
        int y2 = to.y + BOX_HEIGHT / 2 + (to == from ? -12 : 0);
        String path = "M " + x1 + " " + y1 + " C " + laneX + " " + y1 + ", " + laneX + " " + y2 + ", " + x2 + " " + y2;
        return new Line(edge, path, onLeft ? laneX - 4 : laneX - 10, (y1 + y2) / 2, true);
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    public List<Box> getBoxes() {
        return List.copyOf(boxes.values());
    }

    public Box box(String name) {
        return boxes.get(name);
    }

    public List<Line> getLines() {
        return lines;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }
}
