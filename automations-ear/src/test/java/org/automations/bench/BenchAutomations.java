package org.automations.bench;

import java.time.Duration;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Meta;
import org.automations.model.AutomationTaskModel;

/** The automations the benchmark runs. */
public final class BenchAutomations {

    private BenchAutomations() {
    }

    /** W1: five steps, each writing one key into data, then End. */
    public static class FiveSteps extends Automation {
        Execute s1 = new Execute(this::write);
        Execute s2 = new Execute(this::write);
        Execute s3 = new Execute(this::write);
        Execute s4 = new Execute(this::write);
        Execute s5 = new Execute(this::write);
        End end = new End();

        void write(AutomationTaskModel task) {
            task.getData().put(task.getStatus(), task.getId());
        }
    }

    /** W1 again, opted out of the savepoint per step (a failing step re-runs its transaction's earlier steps). */
    @Meta(stepSavepoints = false)
    public static class FiveStepsWithoutSavepoints extends FiveSteps {
    }

    /** W2/W3: paused for a day at its second node. */
    public static class PausedADay extends Automation {
        Execute start = new Execute();
        Execute later = new Execute().afterWaitingFor(Duration.ofDays(1));
        End end = new End();
    }

    /** W2: waits for the message "go" (no polling: it has no next run). */
    public static class AwaitsAMessage extends Automation {
        Execute start = new Execute();
        Execute go = new Execute().awaitMessage("go");
        End end = new End();
    }

    /** W6: one step that waits for a slow partner ({@code data.sleep} milliseconds). */
    public static class SlowPartner extends Automation {
        Execute call = new Execute(this::call);
        End end = new End();

        void call(AutomationTaskModel task) throws InterruptedException {
            Thread.sleep(task.getData().getLong("sleep"));
        }
    }

    /** W2/W4: waits for a person of a group. */
    public static class WaitsForAPerson extends Automation {
        Form review = new Form(Review.class).group("group0");
        End end = new End();
    }

    /** The form bean of {@link WaitsForAPerson}. */
    public static class Review {
        private String comment;

        public String getComment() {
            return comment;
        }

        public void setComment(String comment) {
            this.comment = comment;
        }
    }
}
