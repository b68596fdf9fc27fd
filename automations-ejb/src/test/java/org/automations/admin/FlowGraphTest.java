package org.automations.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.automations.demo.IssueDiscussion;
import org.automations.engine.AutomationDefinition;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.flow.Repeat;
import org.automations.flow.SendMessage;
import org.automations.model.AutomationTaskModel;
import org.junit.jupiter.api.Test;

/** The graph model and its layered layout, from real definitions, without a container. */
class FlowGraphTest {

    static class Everything extends Automation {
        Execute start = new Execute(this::work).onError("fix").description("Start working");
        If check = new If(t -> true).then("notify").otherwise("end");
        Execute fix = new Execute().next("check");
        SendMessage notify = new SendMessage(IssueDiscussion.class, "hello").next("loop");
        Repeat loop = new Repeat("start").everyHour();
        End end = new End();

        void work(AutomationTaskModel task) {
        }
    }

    private static List<String> edges(FlowGraph graph) {
        return graph.getEdges().stream().map(e -> e.from() + "-" + e.kind() + "->" + e.to()).toList();
    }

    @Test
    void everyKindOfEdgeIsModelled() {
        FlowGraph graph = FlowGraph.of(AutomationDefinition.of(Everything.class));
        assertEquals(List.of("start-NEXT->check", "start-ON_ERROR->fix", "check-THEN->notify", "check-OTHERWISE->end",
                "fix-NEXT->check", "notify-NEXT->loop", "loop-LOOP->start", "notify-MESSAGE->_receiver_notify"), edges(graph));
        assertEquals(List.of("start", "check", "fix", "notify", "loop", "end", "_receiver_notify"),
                graph.getVertices().stream().map(FlowGraph.Vertex::getName).toList());
        FlowGraph.Vertex start = graph.vertex("start");
        assertEquals("Execute", start.getType());
        assertEquals("Start working", start.getDescription());
        assertEquals("onError(fix)", start.getModifiers());
        assertEquals("start(start), every(PT1H)", graph.vertex("loop").getModifiers());
        assertTrue(graph.vertex("_receiver_notify").isExternal());
        assertEquals("IssueDiscussion", graph.vertex("_receiver_notify").getDescription());
        assertEquals("repeat every " + Duration.ofHours(1), graph.edgesFrom("loop").get(0).label());
    }

    @Test
    void issueDiscussionSplitsIntoThreePathsThatMeetAtTheJoin() {
        FlowGraph graph = FlowGraph.of(AutomationDefinition.of(IssueDiscussion.class));
        assertEquals(List.of("start-NEXT->parallel", "parallel-PATH->moderation", "parallel-PATH->warning",
                "parallel-PATH->confCall", "moderation-THEN->repeat", "moderation-OTHERWISE->moderate",
                "moderate-NEXT->repeat", "repeat-THEN->join", "repeat-OTHERWISE->moderation", "warning-NEXT->join",
                "confCall-THEN->moderateCall", "confCall-OTHERWISE->join", "moderateCall-NEXT->join", "join-NEXT->evaluate",
                "evaluate-NEXT->end"), edges(graph));
        assertEquals("group(Moderators)", graph.vertex("moderate").getModifiers().replaceAll(".*(group\\([^)]*\\)).*", "$1"));
    }

    @Test
    void theLayoutPutsPathsSideBySideAndTheJoinBelowAllOfThem() {
        FlowLayout layout = FlowLayout.of(FlowGraph.of(AutomationDefinition.of(IssueDiscussion.class)));
        assertEquals(0, layout.box("start").getLayer());
        assertEquals(1, layout.box("parallel").getLayer());
        for (String path : List.of("moderation", "warning", "confCall")) {
            assertEquals(2, layout.box(path).getLayer(), path);
        }
        int y = layout.box("moderation").getY();
        assertTrue(layout.box("moderation").getX() < layout.box("warning").getX());
        assertTrue(layout.box("warning").getX() < layout.box("confCall").getX());
        assertEquals(y, layout.box("confCall").getY());
        assertEquals(5, layout.box("join").getLayer(), "below moderation -> moderate -> repeat");
        assertEquals(7, layout.box("end").getLayer());
        // The loop back from repeat to moderation is a curve on the right; the others point down.
        FlowLayout.Line back = layout.getLines().stream().filter(l -> l.getEdge().to().equals("moderation")
                && l.getEdge().from().equals("repeat")).findFirst().orElseThrow();
        assertTrue(back.isBackwards());
        assertTrue(back.getPath().contains(" C "), back.getPath());
        assertEquals(1, layout.getLines().stream().filter(FlowLayout.Line::isBackwards).count());
        assertTrue(layout.getHeight() >= layout.box("end").getY() + layout.box("end").getHeight());
        assertTrue(layout.getWidth() >= layout.box("confCall").getX() + layout.box("confCall").getWidth());
    }

    @Test
    void aReceiverSitsBesideItsSender() {
        FlowLayout layout = FlowLayout.of(FlowGraph.of(AutomationDefinition.of(Everything.class)));
        assertEquals(layout.box("notify").getLayer(), layout.box("_receiver_notify").getLayer());
        assertEquals("IssueDiscussion", layout.box("_receiver_notify").getShortName());
    }
}
