package org.automations.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import org.automations.engine.AutomationDefinition;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.If;
import org.automations.model.AutomationTaskModel;
import org.junit.jupiter.api.Test;

/** The version of a declaration: the flow graph decides it, not the class or its bytecode. */
class DeclarationTest {

    static class Review extends Automation {
        Execute prepare = new Execute(this::work).description("Prepare");
        If check = new If(this::ok).then("end").otherwise("prepare").afterWaitingFor(Duration.ofHours(1));
        End end = new End();

        void work(AutomationTaskModel task) {
        }

        boolean ok(AutomationTaskModel task) {
            return true;
        }
    }

    /** The same nodes in another class (other method bodies): the same declaration. */
    static class SameReview extends Automation {
        Execute prepare = new Execute(this::prepareOtherwise).description("Prepare");
        If check = new If(this::fine).then("end").otherwise("prepare").afterWaitingFor(Duration.ofHours(1));
        End end = new End();

        void prepareOtherwise(AutomationTaskModel task) {
            task.getData().put("x", 1);
        }

        boolean fine(AutomationTaskModel task) {
            return false;
        }
    }

    /** One modifier changed: waits two hours. */
    static class SlowerReview extends Automation {
        Execute prepare = new Execute(this::work).description("Prepare");
        If check = new If(this::ok).then("end").otherwise("prepare").afterWaitingFor(Duration.ofHours(2));
        End end = new End();

        void work(AutomationTaskModel task) {
        }

        boolean ok(AutomationTaskModel task) {
            return true;
        }
    }

    /** A node added before the end, another successor for check. */
    static class LongerReview extends Automation {
        Execute prepare = new Execute(this::work).description("Prepare");
        If check = new If(this::ok).then("archive").otherwise("prepare").afterWaitingFor(Duration.ofHours(1));
        Execute archive = new Execute(this::work);
        End end = new End();

        void work(AutomationTaskModel task) {
        }

        boolean ok(AutomationTaskModel task) {
            return true;
        }
    }

    private static Declaration of(Class<? extends Automation> type) {
        return Declaration.of(AutomationDefinition.of(type));
    }

    @Test
    void theSameDeclarationHasTheSameVersion() {
        assertEquals(of(Review.class).version(), of(Review.class).version());
        assertEquals(of(Review.class).version(), of(SameReview.class).version(), "method bodies do not count");
        assertEquals(12, of(Review.class).version().length());
    }

    @Test
    void aChangedModifierIsANewVersion() {
        assertNotEquals(of(Review.class).version(), of(SlowerReview.class).version());
        DeclarationChanges changes = of(Review.class).changesTo(of(SlowerReview.class));
        assertEquals(List.of(), changes.added());
        assertEquals(List.of(), changes.removed());
        assertEquals(List.of("check"), changes.changed());
    }

    @Test
    void addedNodesAndChangedSuccessorsAreListed() {
        DeclarationChanges changes = of(Review.class).changesTo(of(LongerReview.class));
        assertEquals(List.of("archive"), changes.added());
        assertEquals(List.of("check"), changes.changed());
        DeclarationChanges back = of(LongerReview.class).changesTo(of(Review.class));
        assertEquals(List.of("archive"), back.removed());
    }

    @Test
    void theStoredJsonReadsBackToTheSameVersion() {
        Declaration declaration = of(LongerReview.class);
        Declaration read = Declaration.fromJson(declaration.toJson());
        assertEquals(declaration, read);
        assertEquals(declaration.version(), read.version());
    }
}
