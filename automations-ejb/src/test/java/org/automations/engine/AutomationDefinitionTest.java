package org.automations.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.If;
import org.automations.flow.Join;
import org.automations.flow.ModelForm;
import org.automations.flow.Node;
import org.automations.flow.Receive;
import org.automations.flow.Repeat;
import org.automations.flow.Split;
import org.automations.model.AutomationTaskModel;
import org.junit.jupiter.api.Test;

/** Binding by construction order and every deployment-time error, without a container. */
class AutomationDefinitionTest {

    static class Base extends Automation {
        Execute first = new Execute();
    }

    static class Linear extends Base {
        Node second = new Execute(this::work).description("does the work");
        Execute third = new Execute().next("end");
        Execute skipped = new Execute();
        End end = new End();

        Object work(AutomationTaskModel task) {
            return "done";
        }
    }

    @Test
    void nodesAreNamedAfterTheirFieldsInDeclarationOrderSuperclassFirst() {
        AutomationDefinition definition = AutomationDefinition.of(Linear.class);
        assertEquals(List.of("first", "second", "third", "skipped", "end"), definition.getNodeNames());
        assertEquals("end", definition.successor(definition.getPrototypeNodes().get("third")));
        assertEquals("third", definition.successor(definition.getPrototypeNodes().get("second")));
        Node second = definition.getPrototypeNodes().get("second");
        assertEquals("second", second.getName());
        assertEquals(Linear.class, second.getAutomationClass());
        assertEquals("does the work", second.getDescription());
    }

    static class IssueDiscussionShape extends Automation {
        Execute start = new Execute();
        Split parallel = new Split().next("moderation").next("warning").next("confCall");
        If moderation = new If(t -> true).then("repeat");
        Form moderate = new Form(Object.class).group("Moderators");
        If repeat = new If(t -> true).then("join").otherwise("moderation").afterWaitingFor(Duration.ofHours(1));
        Execute warning = new Execute().afterWaitingFor(Duration.ofDays(6)).next("join");
        If confCall = new If(t -> true).then("moderateCall").otherwise("join");
        Execute moderateCall = new Execute();
        Join join = new Join();
        Execute evaluate = new Execute();
        End end = new End();
    }

    @Test
    void theManualsIssueDiscussionPairsItsSplitWithItsJoin() {
        AutomationDefinition definition = AutomationDefinition.of(IssueDiscussionShape.class);
        assertEquals("parallel", definition.splitOf("join"));
        assertEquals(3, definition.pathsOf("join"));
        assertEquals("afterWaitingFor(PT1H), then(join), otherwise(moderation)",
                definition.getPrototypeNodes().get("repeat").describeModifiers());
        assertEquals("paths(moderation, warning, confCall)", definition.getPrototypeNodes().get("parallel").describeModifiers());
        assertEquals("group(Moderators)", definition.getPrototypeNodes().get("moderate").describeModifiers());
    }

    static class Nested extends Automation {
        Split outer = new Split().next("a").next("inner").next("c");
        Execute a = new Execute().next("outerJoin");
        Split inner = new Split().next("b1").next("b2");
        Execute b1 = new Execute().next("innerJoin");
        Execute b2 = new Execute().next("innerJoin");
        Join innerJoin = new Join().next("outerJoin");
        Execute c = new Execute().next("outerJoin");
        Join outerJoin = new Join();
        End end = new End();
    }

    @Test
    void nestedSplitsFindTheirOwnJoins() {
        AutomationDefinition definition = AutomationDefinition.of(Nested.class);
        assertEquals("inner", definition.splitOf("innerJoin"));
        assertEquals("outer", definition.splitOf("outerJoin"));
        assertEquals(2, definition.pathsOf("innerJoin"));
        assertEquals(3, definition.pathsOf("outerJoin"));
    }

    static class Looping extends Automation {
        Split split = new Split().next("p1").next("p2").next("p3");
        Repeat p1 = new Repeat("p1").everyNMinutes(5);
        Repeat p2 = new Repeat("p2").everyHour();
        Repeat p3 = new Repeat("p3").everyDay().at(9, 30);
    }

    @Test
    void pathsThatLoopNeedNoJoin() {
        AutomationDefinition definition = AutomationDefinition.of(Looping.class);
        assertEquals(4, definition.getNodeNames().size());
    }

    // ---- each kind of deployment error names class, node and problem -----------------------------

    static class UnknownNext extends Automation {
        Execute start = new Execute().next("nowhere");
        End end = new End();
    }

    static class SplitWithoutJoin extends Automation {
        Split split = new Split().next("a").next("b");
        Execute a = new Execute().next("end");
        Execute b = new Execute().next("end");
        End end = new End();
    }

    static class TwoNext extends Automation {
        Execute start = new Execute().next("end").next("start");
        End end = new End();
    }

    static class AtWithoutDaily extends Automation {
        Execute start = new Execute();
        Repeat again = new Repeat().everyHour().at(8, 0);
    }

    static class FallsOff extends Automation {
        Execute start = new Execute();
        Execute last = new Execute();
    }

    static class IfWithoutThen extends Automation {
        If check = new If(t -> true);
        End end = new End();
    }

    static class ThreadedOnError extends Automation {
        Execute start = new Execute().threaded().onError("end");
        End end = new End();
    }

    static class TwoWaits extends Automation {
        Execute start = new Execute().afterWaitingFor(Duration.ofMinutes(1)).afterWaitingUntil(Instant.EPOCH);
        End end = new End();
    }

    static class SharedNode extends Automation {
        Execute start = new Execute();
        Execute alias = start;
        End end = new End();
    }

    static class UnassignedNode extends Automation {
        Execute start = helper(new Execute());
        End end = new End();

        private static Execute helper(Execute node) {
            new Execute(); // constructed but never assigned to a field
            return node;
        }
    }

    static class ReservedName extends Automation {
        Execute _start = new Execute();
        End end = new End();
    }

    static class UnknownOnError extends Automation {
        Execute start = new Execute().onError("fix");
        End end = new End();
    }

    static class Empty extends Automation {
    }

    static class BadReceiver extends Automation {
        End end = new End();

        @Receive("ping")
        Object ping(String token) {
            return null;
        }
    }

    static class NeedsArguments {
        NeedsArguments(String required) {
        }
    }

    static class FormBeanWithoutConstructor extends Automation {
        Form ask = new Form(NeedsArguments.class).user("jacob");
        End end = new End();
    }

    static class ModelFormOfNoEntity extends Automation {
        ModelForm edit = new ModelForm(String.class, "key").user("jacob");
        End end = new End();
    }

    @Test
    void everyKindOfBrokenAutomationIsRefusedWithClassNodeAndProblem() {
        expectProblem(FormBeanWithoutConstructor.class, "'ask'", "needs a no-argument constructor");
        expectProblem(ModelFormOfNoEntity.class, "'edit'", "not a JPA @Entity");
        expectProblem(UnknownNext.class, "'start'", "unknown node 'nowhere'");
        expectProblem(SplitWithoutJoin.class, "'split'", "no matching Join");
        expectProblem(TwoNext.class, "'start'", "two .next()");
        expectProblem(AtWithoutDaily.class, "'again'", "without a daily or longer interval");
        expectProblem(FallsOff.class, "'last'", "fall off");
        expectProblem(IfWithoutThen.class, "'check'", "no .then");
        expectProblem(ThreadedOnError.class, "'start'", ".threaded() with .onError()");
        expectProblem(TwoWaits.class, "'start'", "more than one wait");
        expectProblem(SharedNode.class, "'start' and 'alias'", "same node");
        expectProblem(UnassignedNode.class, "Execute node", "not held by any field");
        expectProblem(ReservedName.class, "'_start'", "reserved");
        expectProblem(UnknownOnError.class, "'start'", "unknown node 'fix'");
        expectProblem(Empty.class, Empty.class.getName(), "no nodes");
        expectProblem(BadReceiver.class, "ping", "(String token, Map<String, Object> data)");
    }

    static class NoRetries extends Automation {
        Execute call = new Execute(t -> {
        }).retry(0, java.time.Duration.ofSeconds(1), 2.0);
        End end = new End();
    }

    static class InstantRetries extends Automation {
        Execute call = new Execute(t -> {
        }).retry(3, java.time.Duration.ZERO, 2.0);
        End end = new End();
    }

    static class ShrinkingRetries extends Automation {
        Execute call = new Execute(t -> {
        }).retry(3, java.time.Duration.ofSeconds(1), 0.5);
        End end = new End();
    }

    static class ZeroTimeout extends Automation {
        Execute call = new Execute(t -> {
        }).timeout(java.time.Duration.ZERO);
        End end = new End();
    }

    @Test
    void retriesAndTimeLimitsAreCheckedAtDeployment() {
        expectProblem(NoRetries.class, "'call'", "times must be at least 1");
        expectProblem(InstantRetries.class, "'call'", "first delay must be longer than zero");
        expectProblem(ShrinkingRetries.class, "'call'", "factor must be at least 1");
        expectProblem(ZeroTimeout.class, "'call'", "limit must be longer than zero");
    }

    private static void expectProblem(Class<? extends Automation> type, String node, String problem) {
        AutomationDefinitionException error = assertThrows(AutomationDefinitionException.class,
                () -> AutomationDefinition.of(type), type.getSimpleName());
        String message = error.getMessage();
        assertTrue(message.contains(type.getName()), message);
        assertTrue(message.contains(node), message);
        assertTrue(message.contains(problem), message);
    }

    static class WithReceivers extends Automation {
        End end = new End();

        @Receive("update")
        @org.automations.flow.RequireData(name = "count", type = Integer.class)
        public Object update(String token, Map<String, Object> data) {
            return "received";
        }
    }

    @Test
    void dataRequirementsAcceptConvertibleStringsOnly() {
        Receivers receivers = AutomationDefinition.of(WithReceivers.class).getReceivers();
        assertTrue(receivers.satisfied("update", Map.of("count", 2)));
        assertTrue(receivers.satisfied("update", Map.of("count", "2")));
        assertEquals(false, receivers.satisfied("update", Map.of("count", "t2")));
        assertEquals(false, receivers.satisfied("update", Map.of()));
        assertEquals(false, receivers.satisfied("update", null));
        assertEquals(false, receivers.satisfied("other", Map.of("count", 2)));
    }
}
