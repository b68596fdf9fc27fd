package org.automations.it.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Join;
import org.automations.flow.Split;
import org.automations.it.Deployments;
import org.automations.it.tasks.Answer;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.automations.notifications.NotificationSettings;
import org.automations.notifications.TaskNotifications;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Task notifications (issue 14 part 4) against a real SMTP server: GreenMail runs inside the test
 * server, on the port that the server's mail session (configure.cli) sends to
 * ({@code -Dautomations.smtp.port}, it.smtp.port in the pom). The switch is the system property
 * {@code automations.notifications.enabled}, set here on the running server as an operator would.
 *
 * <p>Proving that nothing was sent: after the action that must send nothing, a second automation that
 * must send is created and its mails are awaited; any mail of the first would have been handed to the
 * mail threads before them.
 */
@ExtendWith(ArquillianExtension.class)
class TaskNotificationsIT {

    private static final String BASE_URL = "https://tasks.example.org/automations";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withLibraries(Deployments.ear(TaskNotificationsIT.class, Answer.class), GreenMail.class);
    }

    /** A task for the group Moderators (jacob and anna, both with a mail address). */
    public static class Moderation extends Automation {
        Form moderate = new Form(Answer.class).group("Moderators").description("Moderate the new post");
        End end = new End();
    }

    /** Due an hour after it starts waiting; stays open when overdue. */
    public static class Review extends Automation {
        Form review = new Form(Answer.class).group("Moderators").description("Review the draft")
                .dueIn(Duration.ofHours(1));
        End end = new End();
    }

    /** Overdue data["dueSeconds"] after it starts waiting; its overdue step throws, so that step rolls back. */
    public static class FailingEscalation extends Automation {
        Form review = new Form(Answer.class).group("Moderators")
                .dueAt(task -> task.getCreated().plusSeconds(task.getData().getInt("dueSeconds")))
                .onOverdue(this::escalate);
        End end = new End();

        void escalate(AutomationTaskModel task) {
            throw new IllegalStateException("the escalation fails");
        }
    }

    /** Two paths in one burst: a review for the Moderators, then work that fails and goes on at the join. */
    public static class ReviewBesideFailingWork extends Automation {
        Split split = new Split().next("review").next("work");
        Form review = new Form(Answer.class).group("Moderators").description("Review beside the work").next("join");
        Execute work = new Execute(this::fail).onError("join");
        Join join = new Join();
        End end = new End();

        void fail(AutomationTaskModel task) {
            throw new IllegalStateException("the work fails");
        }
    }

    /** For mary alone, who has no mail address in the realm. */
    public static class ForMary extends Automation {
        Form ask = new Form(Answer.class).user("mary");
        End end = new End();
    }

    @Inject
    Automations automations;

    private GreenMail smtp;

    @BeforeEach
    void startSmtpAndSwitchOn() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("automations.smtp.port"), "127.0.0.1", "smtp"));
        smtp.start();
        System.setProperty(NotificationSettings.ENABLED, "true");
        System.setProperty(NotificationSettings.BASE_URL, BASE_URL + "/");
    }

    @AfterEach
    void stopSmtpAndSwitchOff() {
        System.clearProperty(NotificationSettings.ENABLED);
        System.clearProperty(NotificationSettings.BASE_URL);
        smtp.stop();
    }

    @Test
    void aGroupTaskMailsEachMemberWithAnAddressALinkToTheTask() throws Exception {
        long id = automations.create(Moderation.class, Map.of()).getId();
        long taskId = openTask(id, "moderate").getId();

        List<MimeMessage> mails = received(2);
        assertEquals(Set.of("jacob@example.org", "anna@example.org"), addressees(mails),
                "the Moderators, one mail each; not admin (a superuser, not a Moderator), mary or viewer");
        for (MimeMessage mail : mails) {
            assertEquals(1, mail.getAllRecipients().length, "nobody sees the others' addresses");
            assertEquals("Task waiting: Moderate the new post (Automation Moderation)", mail.getSubject());
            String text = GreenMailUtil.getBody(mail);
            assertTrue(text.contains(BASE_URL + "/tasks/" + taskId), text);
            assertTrue(text.contains("the group Moderators"), text);
        }
        assertTrue(GreenMailUtil.getBody(mailTo(mails, "jacob@example.org")).startsWith("Hello jacob,"));
        assertOnlyMailsAbout(2, taskId, "nobody else");
    }

    @Test
    void anOverdueTaskMailsItsPeopleAgainThroughTheTick() throws Exception {
        long id = automations.create(Review.class, Map.of()).getId();
        AutomationTaskModel task = openTask(id, "review");
        received(2);

        automations.run(task.getDeadline().plusSeconds(1));

        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : received(4)) { // GreenMail lists them by mailbox, not by arrival
            if (mail.getSubject().startsWith("Overdue")) {
                mails.add(mail);
            }
        }
        assertEquals(Set.of("jacob@example.org", "anna@example.org"), addressees(mails));
        assertEquals(2, mails.size());
        for (MimeMessage mail : mails) {
            assertEquals("Overdue task: Review the draft (Automation Review)", mail.getSubject());
            String text = GreenMailUtil.getBody(mail);
            assertTrue(text.contains("this task is overdue"), text);
            assertTrue(text.contains(BASE_URL + "/tasks/" + task.getId()), text);
        }
        automations.run(task.getDeadline().plusSeconds(7200));
        assertOnlyMailsAbout(4, task.getId(), "overdue once, not on every tick");
    }

    @Test
    void nothingIsMailedWhileTheSettingIsOff() throws Exception {
        System.clearProperty(NotificationSettings.ENABLED);
        long off = automations.create(Moderation.class, Map.of()).getId();
        assertEquals(List.of("moderate"), automations.getWaitingAt(off));

        System.setProperty(NotificationSettings.ENABLED, "true");
        long on = automations.create(Moderation.class, Map.of()).getId();
        assertOnlyMailsAbout(2, openTask(on, "moderate").getId(), "none about the task created while off");
    }

    /**
     * The tick runs each automation's step after a savepoint: the failing overdue step alone is rolled
     * back. Its task had been committed, waiting: a mail sent before the commit would find it open.
     */
    @Test
    void anOverdueStepRolledBackToItsSavepointMailsNothing() throws Exception {
        long id = automations.create(FailingEscalation.class, Map.of("dueSeconds", 3600)).getId();
        AutomationTaskModel task = openTask(id, "review");
        received(2);

        automations.run(task.getDeadline().plusSeconds(1));
        assertEquals(AutomationStatus.FAILED, automations.getModel(id).orElseThrow().getStatus());

        assertNoOverdueMailsAfterMarker();
    }

    /** A run of one automation begins its transaction with the step: all of it rolls back. */
    @Test
    void anOverdueStepWhoseTransactionRollsBackMailsNothing() throws Exception {
        long id = automations.create(FailingEscalation.class, Map.of("dueSeconds", 1)).getId();
        AutomationTaskModel task = openTask(id, "review");
        received(2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(task.getDeadline()));

        automations.find(id).orElseThrow().run();
        assertEquals(AutomationStatus.FAILED, automations.getModel(id).orElseThrow().getStatus());

        assertNoOverdueMailsAfterMarker();
    }

    /** After two waiting mails: a marker's two, and no overdue mail (which would have come first). */
    private void assertNoOverdueMailsAfterMarker() throws Exception {
        markerTask();
        received(4);
        Thread.sleep(1000);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            subjects.add(mail.getSubject());
        }
        assertEquals(4, subjects.size(), subjects.toString());
        assertTrue(subjects.stream().noneMatch(subject -> subject.startsWith("Overdue")), subjects.toString());
    }

    /**
     * One step of the burst looks at both open paths: the review starts waiting (its mails are asked
     * for), then the work fails, and the step is rolled back to its savepoint, the review's wait and
     * mails with it. The engine goes on (the work's onError) and the review starts waiting again: its
     * mails go out once, neither lost nor twice.
     */
    @Test
    void aFormWhoseStepWasRolledBackToItsSavepointIsAnnouncedOnceWhenItWaitsAgain() throws Exception {
        long id = automations.create(ReviewBesideFailingWork.class, Map.of()).getId();
        AutomationTaskModel review = openTask(id, "review");
        assertEquals(AutomationStatus.RUNNING, automations.getModel(id).orElseThrow().getStatus());
        assertTrue(automations.getTasks(id).stream().anyMatch(t -> t.getStatus().equals("work")
                && String.valueOf(t.getMessage()).contains("the work fails")), "the work step failed");

        assertOnlyMailsAbout(2, review.getId(), "the review's mails, once");
    }

    @Test
    void aTaskForSomebodyWithoutAnAddressMailsNobody() throws Exception {
        long id = automations.create(ForMary.class, Map.of()).getId();
        assertEquals(List.of("ask"), automations.getWaitingAt(id));

        assertOnlyMailsAbout(2, markerTask(), "mary has no address; nobody else is told");
    }

    @Test
    void aMailServerThatIsDownIsLoggedAndTheAutomationWaitsAsUsual() throws Exception {
        smtp.stop();
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(TaskNotifications.class.getName());
        log.addHandler(capture);
        try {
            long id = automations.create(Moderation.class, Map.of()).getId();
            long taskId = openTask(id, "moderate").getId();
            assertEquals(AutomationStatus.RUNNING, automations.getModel(id).orElseThrow().getStatus());
            assertEquals(List.of("moderate"), automations.getWaitingAt(id));

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> warnings.stream()
                    .anyMatch(w -> w.getMessage().contains("task " + taskId + " (moderate) of automation " + id)));
            assertFalse(automations.getModel(id).orElseThrow().isFinished(), "the failed mail left it waiting");
        } finally {
            log.removeHandler(capture);
        }
    }

    /** A Moderation created now: its two mails are the proof that earlier ones would have arrived. */
    private long markerTask() {
        long id = automations.create(Moderation.class, Map.of()).getId();
        return openTask(id, "moderate").getId();
    }

    /**
     * Waits for {@code count} mails, then a little longer, and checks that exactly those arrived and that
     * each is about the task.
     */
    private void assertOnlyMailsAbout(int count, long taskId, String why) throws Exception {
        List<MimeMessage> mails = received(count);
        Thread.sleep(1000);
        mails = List.of(smtp.getReceivedMessages());
        List<String> about = new ArrayList<>();
        for (MimeMessage mail : mails) {
            about.add(mail.getSubject() + " " + GreenMailUtil.getBody(mail).lines()
                    .filter(line -> line.startsWith("Open it:")).findFirst().orElse(""));
        }
        assertEquals(count, mails.size(), why + ": " + about);
        for (String mail : about) {
            assertTrue(mail.endsWith("/tasks/" + taskId), why + ": " + about);
        }
    }

    /** The first {@code count} mails, once that many have arrived (at most 20 s). */
    private List<MimeMessage> received(int count) {
        assertTrue(smtp.waitForIncomingEmail(20_000, count), "expected " + count + " mails, got "
                + smtp.getReceivedMessages().length);
        return Arrays.asList(smtp.getReceivedMessages()).subList(0, count);
    }

    private static Set<String> addressees(List<MimeMessage> mails) throws Exception {
        Set<String> to = new TreeSet<>();
        for (MimeMessage mail : mails) {
            for (var address : mail.getRecipients(Message.RecipientType.TO)) {
                to.add(address.toString());
            }
        }
        return to;
    }

    private static MimeMessage mailTo(List<MimeMessage> mails, String address) throws Exception {
        for (MimeMessage mail : mails) {
            if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                return mail;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    private AutomationTaskModel openTask(long automationId, String node) {
        return automations.getTasks(automationId).stream()
                .filter(t -> t.getStatus().equals(node) && t.getFinished() == null)
                .findFirst().orElseThrow(() -> new AssertionError("no open task at " + node));
    }
}
