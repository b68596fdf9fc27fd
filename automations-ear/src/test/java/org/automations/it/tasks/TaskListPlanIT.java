package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.automations.TaskQuery;
import org.automations.TaskQuery.Scope;
import org.automations.TaskQuery.Sort;
import org.automations.engine.OpenTasks;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.it.Deployments;
import org.automations.security.TaskUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The task list is read through indexes (issue 14): with 20 000 open tasks over 20 groups, the very
 * statements the list runs (captured from Hibernate with their parameters, then explained by
 * PostgreSQL with EXPLAIN) read atm_task through an index for each order and filter, never by a
 * sequential scan of the whole table. PostgreSQL only: H2's plans say little about PostgreSQL's.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "automations.it.db", matches = "postgresql") // decided before deploying
class TaskListPlanIT {

    private static final int TASKS = 20_000;
    private static final int GROUPS = 20;

    /** An index scan of one of the list's indexes (V2, V9), plain or as a bitmap. */
    private static final Pattern LIST_INDEX = Pattern.compile(
            "(Index (Only )?Scan( Backward)? using|Bitmap Index Scan on) atm_task_(awaits|group|user|claimed)\\w*");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(TaskListPlanIT.class, Answer.class);
    }

    public static class PlannedReview extends Automation {
        Form review = new Form(Answer.class).group("group0").description("Review it");
        End end = new End();
    }

    @Inject
    OpenTasks openTasks;

    @Resource(lookup = "java:jboss/datasources/AutomationsDS")
    DataSource dataSource;

    @PersistenceUnit(unitName = "automations")
    EntityManagerFactory emf;

    /** A member of one group, as W4 measures: 1 000 of the 20 000 tasks are theirs. */
    private static final TaskUser MEMBER = new TaskUser("member", Set.of("group3"));

    @Test
    void everyOrderAndFilterOfTheListReadsTasksThroughAnIndexOnPostgresql() throws Exception {
        seed();
        for (Sort sort : Sort.values()) {
            assertIndexed(TaskQuery.ALL.withSort(sort));
        }
        assertIndexed(TaskQuery.ALL.withOverdue(true));
        assertIndexed(TaskQuery.ALL.withOverdue(true).withSort(Sort.DUE));
        assertIndexed(TaskQuery.ALL.withScope(Scope.MY_GROUPS).withSort(Sort.PRIORITY));
        assertIndexed(TaskQuery.ALL.withScope(Scope.CLAIMED_BY_ME));
        assertIndexed(TaskQuery.ALL.withScope(Scope.ASSIGNED_TO_ME));
        assertIndexed(TaskQuery.ALL.withClassName(PlannedReview.class.getName()).withSearch("review"));
    }

    /** Both statements of a list page (the page of 20 and the count) read atm_task through an index. */
    private void assertIndexed(TaskQuery query) throws Exception {
        for (String plan : List.of(
                explain(em -> openTasks.pageQuery(em, MEMBER, query, 0, 20).getResultList().size()),
                explain(em -> openTasks.countQuery(em, MEMBER, query).getSingleResult()))) {
            System.out.println("TaskListPlanIT " + query + "\n" + plan); // in the server's output, for reading
            assertFalse(plan.contains("Seq Scan on atm_task "), query + " scans every task:\n" + plan);
            assertTrue(LIST_INDEX.matcher(plan).find(), query + " uses no index of the task list:\n" + plan);
        }
    }

    /**
     * Runs the list's query in a Hibernate session over a connection that records each statement and its
     * parameters, and answers PostgreSQL's plan of the last statement with those parameters.
     */
    private String explain(Function<EntityManager, Object> listQuery) throws Exception {
        try (Connection real = dataSource.getConnection()) {
            List<Recorded> statements = new ArrayList<>();
            Connection recording = recording(real, statements);
            Class<?> sessionFactoryType = emf.getClass().getClassLoader().loadClass("org.hibernate.SessionFactory");
            Object builder = invoke(emf.unwrap(sessionFactoryType), "withOptions");
            builder = invoke(builder, "connection", recording);
            try (EntityManager session = (EntityManager) invoke(builder, "openSession")) {
                listQuery.apply(session);
            }
            assertFalse(statements.isEmpty(), "the query ran");
            Recorded last = statements.get(statements.size() - 1);
            try (PreparedStatement explain = real.prepareStatement("explain " + last.sql)) {
                for (Object[] call : last.parameters) {
                    Method setter = (Method) call[0];
                    setter.invoke(explain, (Object[]) call[1]);
                }
                StringBuilder plan = new StringBuilder(last.sql).append('\n');
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }

    private record Recorded(String sql, List<Object[]> parameters) {
    }

    /** A connection whose prepared statements remember their SQL and every set...(index, value) call. */
    private static Connection recording(Connection real, List<Recorded> statements) {
        InvocationHandler connection = (proxy, method, args) -> {
            Object result = call(real, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
                Recorded recorded = new Recorded((String) args[0], new ArrayList<>());
                statements.add(recorded);
                return Proxy.newProxyInstance(TaskListPlanIT.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                            if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                                recorded.parameters.add(new Object[] {m, a});
                            }
                            return call(statement, m, a);
                        });
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(TaskListPlanIT.class.getClassLoader(),
                new Class<?>[] {Connection.class}, connection);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object invoke(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length
                    && (args.length == 0 || m.getParameterTypes()[0].isInstance(args[0]))) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(name);
    }

    /**
     * 20 000 running automations with one open task each, over 20 groups; every tenth with a due time
     * (half of those past), priorities 0 to 4, every fiftieth claimed by the member, every hundredth
     * assigned to them by name. Written with JDBC batches, then ANALYZEd.
     */
    private void seed() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from atm_task_permission");
                s.executeUpdate("delete from atm_task");
                s.executeUpdate("delete from atm_automation");
            }
            try (PreparedStatement a = c.prepareStatement("insert into atm_automation (id, automation_class, status,"
                    + " finished, data, automation_key, created, updated, version)"
                    + " values (?, ?, 'RUNNING', false, '{}', ?, ?, ?, 0)");
                    PreparedStatement t = c.prepareStatement("insert into atm_task (id, automation_id, status, locked,"
                            + " requires_interaction, interaction_user, interaction_group, interaction_permissions, created,"
                            + " awaits_person, deadline, priority, claimed_by, overdue_handled)"
                            + " values (?, ?, 'review', 0, true, ?, ?, '[]', ?, true, ?, ?, ?, false)")) {
                for (int i = 0; i < TASKS; i++) {
                    long id = 2_000_000_000L + i;
                    Timestamp created = Timestamp.from(now.minusSeconds(TASKS - i));
                    a.setLong(1, id);
                    a.setString(2, PlannedReview.class.getName());
                    a.setString(3, String.format("%040d", i));
                    a.setTimestamp(4, created);
                    a.setTimestamp(5, created);
                    a.addBatch();
                    t.setLong(1, id);
                    t.setLong(2, id);
                    t.setString(3, i % 100 == 7 ? "member" : null);
                    t.setString(4, i % 100 == 7 ? null : "group" + (i % GROUPS));
                    t.setTimestamp(5, created);
                    t.setTimestamp(6, i % 10 == 0 ? Timestamp.from(now.plus(Duration.ofHours(i % 20 == 0 ? -1 : 1))) : null);
                    t.setInt(7, i % 5);
                    t.setString(8, i % 50 == 3 ? "member" : null);
                    t.addBatch();
                    if (i % 1000 == 999) {
                        a.executeBatch();
                        t.executeBatch();
                    }
                }
                a.executeBatch();
                t.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze atm_automation");
                s.execute("analyze atm_task");
            }
        }
        assertEquals(TASKS / GROUPS, openTasks.count(MEMBER, TaskQuery.ALL.withScope(Scope.MY_GROUPS)), "seeded");
    }
}
