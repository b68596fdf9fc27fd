package org.automations.it.messages;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.automations.Automations;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.ModelRef;
import org.automations.flow.Receive;
import org.automations.flow.RequireData;
import org.automations.flow.SendMessage;
import org.automations.flow.StartOn;
import org.automations.flow.Unique;
import org.automations.it.Deployments;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;
import org.automations.model.AutomationTaskModel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Messages between automations, CDI events that start automations, and bound JPA entities. */
@ExtendWith(ArquillianExtension.class)
class MessagesIT {

    private static final String TEST_UNIT = """
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.1">
              <persistence-unit name="test-models">
                <jta-data-source>java:jboss/datasources/AutomationsDS</jta-data-source>
                <class>org.automations.it.messages.Subscriber</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
                <properties>
                  <property name="hibernate.hbm2ddl.auto" value="none"/>
                  <property name="jboss.entity.manager.jndi.name" value="java:app/test-models"/>
                </properties>
              </persistence-unit>
            </persistence>
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.ear(MessagesIT.class, Subscriber.class);
        ear.getAsType(WebArchive.class, "automations-web.war")
                .addAsResource(new StringAsset(TEST_UNIT), "META-INF/persistence.xml");
        return ear;
    }

    @Inject
    Automations automations;

    @Inject
    Event<Signal> signals;

    @Inject
    Event<BadSignal> badSignals;

    @PersistenceContext(unitName = "test-models")
    EntityManager testModels;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService threads;

    /** The CDI event (the seed's Django signal). */
    public record Signal(String email) {
    }

    public record BadSignal(String reason) {
    }

    /** Started by a Signal; waits until a token message arrives. */
    @StartOn(Signal.class)
    public static class SignalListener extends Automation {
        Execute start = new Execute();
        Execute waitForToken = new Execute().asSoonAs(t -> t.getData().getString("token") != null);
        End end = new End();

        @Override
        protected void startedByEvent(Object event) {
            data().put("email", ((Signal) event).email());
            save();
        }

        @Receive("token")
        public Object receiveToken(String token, Map<String, Object> data) {
            data().put("token", token);
            return "received";
        }
    }

    /** Broadcasts a token to every running SignalListener. */
    public static class Sender extends Automation {
        SendMessage send = new SendMessage(SignalListener.class, "token").token("abc");
        End end = new End();
    }

    @Test
    void anEventStartsAnAutomationAndAnotherAutomationsMessageMovesItOn() {
        signals.fire(new Signal("ada@example.org"));
        AutomationModel listener = await().atMost(Duration.ofSeconds(20)).until(
                () -> running(SignalListener.class, "ada@example.org"),
                m -> m != null && automations.getWaitingAt(m.getId()).equals(List.of("waitForToken")));

        Sender sender = automations.create(Sender.class, Map.of());
        assertTrue(sender.isFinished());
        AutomationTaskModel send = automations.getTasks(sender.getId()).get(0);
        Map<?, ?> result = (Map<?, ?>) send.getResult();
        assertTrue(((List<?>) result.get("results")).contains("received"), result.toString());

        // Delivered in the sender's step; the listener moves on once that step has committed (the tick is off).
        AutomationModel after = await().atMost(Duration.ofSeconds(10)).until(
                () -> automations.getModel(listener.getId()).orElseThrow(), m -> m.getStatus() == AutomationStatus.FINISHED);
        assertEquals("abc", after.getData().getString("token"));
    }

    @Test
    void dispatchByIdAnswersAndUnknownIdsOrKeysAnswerNull() {
        SignalListener listener = automations.create(SignalListener.class, Map.of());
        assertEquals("received", automations.dispatchMessage(SignalListener.class, listener.getId(), "token", "t", null));
        assertNull(automations.dispatchMessage(SignalListener.class, 987_654_321L, "token", "t", null));
        assertNull(automations.dispatchMessage(SignalListener.class, "0".repeat(40), "token", "t", null));
        assertNull(automations.dispatchMessage(Sender.class, listener.getId(), "token", "t", null), "another class");
        assertTrue(automations.find(listener.getId()).orElseThrow().isFinished());
        assertNull(automations.dispatchMessage(SignalListener.class, listener.getId(), "token", "t", null), "finished");
        assertNull(listener.sendMessage("nosuchreceiver", "t", null));
    }

    /** Answers "received" only when its data says so. */
    public static class Catcher extends Automation {
        Execute hold = new Execute().asSoonAs(false);
        End end = new End();

        @Receive("ping")
        public Object ping(String token, Map<String, Object> data) {
            return Boolean.TRUE.equals(data().getBoolean("catch")) ? "received" : "seen";
        }
    }

    @Test
    void aBroadcastStopsAfterAReceiverAnswersReceived() {
        Catcher first = automations.create(Catcher.class, Map.of("catch", false));
        automations.create(Catcher.class, Map.of("catch", true));
        automations.create(Catcher.class, Map.of("catch", false));
        List<Object> answers = automations.broadcastMessage(Catcher.class, "ping", null, null);
        assertEquals(List.of("seen", "received"), answers);
        first.kill();
    }

    /** One subscription per e-mail; created by the message that carries the e-mail. */
    @Unique({"email"})
    public static class Subscription extends Automation {
        Execute hold = new Execute().asSoonAs(false);
        End end = new End();

        @Receive("subscribe")
        @RequireData(name = "email", type = String.class)
        public Object subscribe(String token, Map<String, Object> data) {
            List<Object> tokens = new ArrayList<>(data().getList("tokens") == null ? List.of() : data().getList("tokens"));
            tokens.add(token);
            data().put("tokens", tokens);
            return "received";
        }

        @Receive("count")
        @RequireData(name = "number", type = Integer.class)
        public Object count(String token, Map<String, Object> data) {
            Integer count = data().getInt("count");
            data().put("count", count == null ? 1 : count + 1);
            return "received";
        }
    }

    @Test
    void createOnMessageCreatesExactlyOneInstancePerUniqueParameter() {
        Subscription a = automations.createOnMessage(Subscription.class, "subscribe", "t1", Map.of("email", "a@example.org"));
        Subscription again = automations.createOnMessage(Subscription.class, "subscribe", "t2", Map.of("email", "a@example.org"));
        Subscription b = automations.createOnMessage(Subscription.class, "subscribe", "t3", Map.of("email", "b@example.org"));
        assertEquals(a.getId(), again.getId());
        assertFalse(a.getId() == b.getId());
        assertEquals(List.of("t1", "t2"), automations.getModel(a.getId()).orElseThrow().getData().getList("tokens"));
        assertNull(automations.createOnMessage(Subscription.class, "subscribe", "t4", Map.of("name", "no e-mail")));
    }

    @Test
    void dataRequirementsFollowTheSeedsFourCases() {
        assertTrue(automations.satisfiesDataRequirements(Subscription.class, "count", Map.of("number", 2)));
        assertTrue(automations.satisfiesDataRequirements(Subscription.class, "count", Map.of("number", "2")));
        assertFalse(automations.satisfiesDataRequirements(Subscription.class, "count", Map.of("number", "t2")));
        assertFalse(automations.satisfiesDataRequirements(Subscription.class, "count", Map.of()));
        Subscription s = automations.create(Subscription.class, Map.of("email", "req@example.org"));
        assertNull(s.sendMessage("count", null, Map.of("number", "t2")), "not delivered");
        assertEquals("received", s.sendMessage("count", null, Map.of("number", "2")));
    }

    @Test
    void messagesSentConcurrentlyToOneAutomationAreAllApplied() throws Exception {
        Subscription target = automations.create(Subscription.class, Map.of("email", "busy@example.org"));
        int threadsCount = 8;
        int perThread = 25;
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < threadsCount; t++) {
            senders.add(threads.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    automations.dispatchMessage(Subscription.class, target.getId(), "count", null, Map.of("number", i));
                }
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        assertEquals(threadsCount * perThread, automations.getModel(target.getId()).orElseThrow().getData().getInt("count"));
    }

    /** Started by an event whose hook fails: the failure stays on the automation. */
    @StartOn(BadSignal.class)
    public static class FailingStart extends Automation {
        Execute start = new Execute();
        End end = new End();

        @Override
        protected void startedByEvent(Object event) {
            throw new IllegalStateException("cannot start: " + ((BadSignal) event).reason());
        }
    }

    @Test
    void aFailureWhileStartingOnAnEventIsRecordedOnTheAutomationNotThrown() {
        badSignals.fire(new BadSignal("no e-mail")); // returns normally
        AutomationModel failed = await().atMost(Duration.ofSeconds(20)).until(
                () -> latest(FailingStart.class), m -> m != null && m.getStatus() == AutomationStatus.FAILED);
        AutomationTaskModel task = automations.getTasks(failed.getId()).get(0);
        assertEquals("java.lang.IllegalStateException: cannot start: no e-mail", task.getMessage());
    }

    /** Bound to a Subscriber entity passed at creation. */
    public static class Welcome extends Automation {
        @Resource(lookup = "java:app/test-models")
        EntityManager em;

        final ModelRef<Subscriber> subscriber = new ModelRef<>(Subscriber.class);

        Execute hold = new Execute().asSoonAs(t -> t.getData().getBoolean("go") != null);
        Execute greet = new Execute(this::greet);
        End end = new End();

        Object greet(AutomationTaskModel task) {
            return "Hello " + subscriber.get().getEmail();
        }
    }

    @Test
    void anEntityParameterIsStoredAsItsIdAndReadBackThroughModelRef() throws Exception {
        transaction.begin();
        testModels.createNativeQuery("create table if not exists test_subscriber (id bigint primary key,"
                + " email varchar(100))").executeUpdate();
        testModels.createNativeQuery("delete from test_subscriber").executeUpdate();
        testModels.persist(new Subscriber(7, "grace@example.org"));
        testModels.persist(new Subscriber(8, "gone@example.org"));
        transaction.commit();

        Map<String, Object> params = new HashMap<>();
        params.put("subscriber", testModels.find(Subscriber.class, 7L));
        Welcome welcome = automations.create(Welcome.class, params);
        assertEquals(7, welcome.data().getInt("subscriber"));
        assertEquals(Subscriber.class.getName(), welcome.data().getString("_subscriber_model"));
        welcome.data().put("go", true);
        welcome.save();
        welcome.run();
        assertEquals("Hello grace@example.org", automations.getTasks(welcome.getId()).get(1).getResult());

        params.put("subscriber", testModels.find(Subscriber.class, 8L));
        Welcome orphan = automations.create(Welcome.class, params);
        transaction.begin();
        testModels.createNativeQuery("delete from test_subscriber where id = 8").executeUpdate();
        transaction.commit();
        orphan.data().put("go", true);
        orphan.save();
        orphan.run();
        assertEquals(AutomationStatus.FAILED, automations.getModel(orphan.getId()).orElseThrow().getStatus());
        String message = automations.getTasks(orphan.getId()).get(1).getMessage();
        assertTrue(message.contains(Welcome.class.getName() + ".subscriber") && message.contains("no longer exists"),
                message);
    }

    private AutomationModel running(Class<? extends Automation> type, String email) {
        return automations.getLatest(50).stream()
                .filter(m -> m.getAutomationClass().equals(type.getName()) && email.equals(m.getData().getString("email")))
                .findFirst().orElse(null);
    }

    private AutomationModel latest(Class<? extends Automation> type) {
        return automations.getLatest(50).stream().filter(m -> m.getAutomationClass().equals(type.getName()))
                .findFirst().orElse(null);
    }
}
