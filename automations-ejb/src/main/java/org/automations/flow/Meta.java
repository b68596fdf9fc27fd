package org.automations.flow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Class-level options of an automation (the seed's nested Meta class). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface Meta {
    /** "" means "Automation " + simple class name. */
    String verboseName() default "";

    /** "" means "Automations " + simple class name. */
    String verboseNamePlural() default "";

    /** Facelets template of the dashboard item; "" = the default item. */
    String dashboardTemplate() default "";

    /** false hides the class from the dashboard. */
    boolean dashboard() default true;

    boolean publishReceivers() default false;

    StatusTemplate[] statusTemplates() default {};

    /** The default form template of this automation's forms (the seed's default_template_name). */
    String formTemplate() default "";

    /**
     * true (the default): a savepoint before every step, so a step that throws loses only its own
     * writes while the steps before it in the same transaction stay done. false: no savepoints,
     * markedly faster; a step that throws rolls back its whole transaction, which is then run again
     * one step per transaction, so the steps before it run a second time (as after a crash; their
     * mails or calls to other systems may repeat). For automations whose steps may safely repeat.
     */
    boolean stepSavepoints() default true;

    /**
     * A line that tells this automation's tasks apart in task lists (the instance's id is shown
     * beside it): text with placeholders {@code {dataKey}} filled from the automation's data, e.g.
     * {@code "Issue list {issueList}: {pendingMails} mails"}; a key without a value becomes empty.
     * A bundle key {@code <SimpleName>.taskSummary} gives it in another language (see {@code Labels}).
     * "" (the default): no summary.
     */
    String taskSummary() default "";
}
