package org.automations.it.admin;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.automations.Automations;
import org.automations.model.AutomationModel;

/**
 * Test-only, for InstancesPageIT. POST creates 36 {@link Listed} automations: 29 waiting at "park",
 * 3 at "hold", 2 finished, 1 failed, and one waiting at "park" created 40 days ago; one of the
 * finished ones is moved to 10 March 2020. Answers {@code failed=1&dated=2&aged=3&hold=4}.
 * GET {@code ?stats=reset} switches Hibernate's statistics on and clears them; GET {@code ?stats=read}
 * answers how many AutomationModel entities were loaded since (a page that read every row would show).
 */
@WebServlet("/it/instances-fixture")
public class InstancesFixtureServlet extends HttpServlet {

    static final Instant DATED = Instant.parse("2020-03-10T12:00:00Z");

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @PersistenceUnit(unitName = "automations")
    EntityManagerFactory emf;

    @Inject
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (int i = 0; i < 29; i++) {
            automations.create(Listed.class, Map.of("n", i));
        }
        long hold = 0;
        for (int i = 0; i < 3; i++) {
            hold = automations.create(Listed.class, Map.of("hold", true)).getId();
        }
        automations.create(Listed.class, Map.of("finish", true));
        long dated = automations.create(Listed.class, Map.of("finish", true)).getId();
        long failed = automations.create(Listed.class, Map.of("fail", true)).getId();
        long aged = automations.create(Listed.class, Map.of("n", 99)).getId();
        try {
            transaction.begin();
            em.createQuery("update AutomationModel a set a.created = :t, a.updated = :t where a.id = :id")
                    .setParameter("t", DATED).setParameter("id", dated).executeUpdate();
            em.createQuery("update AutomationModel a set a.created = :t where a.id = :id")
                    .setParameter("t", Instant.now().minus(Duration.ofDays(40))).setParameter("id", aged).executeUpdate();
            transaction.commit();
        } catch (Exception e) {
            throw new IOException("could not move the automations in time", e);
        }
        response.setContentType("text/plain");
        response.getWriter().print("failed=" + failed + "&dated=" + dated + "&aged=" + aged + "&hold=" + hold);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Object statistics = statistics();
            String answer;
            if ("reset".equals(request.getParameter("stats"))) {
                invoke(statistics, "setStatisticsEnabled", true);
                invoke(statistics, "clear");
                answer = "0";
            } else {
                Object entity = invoke(statistics, "getEntityStatistics", AutomationModel.class.getName());
                answer = String.valueOf(invoke(entity, "getLoadCount"));
            }
            response.setContentType("text/plain");
            response.getWriter().print(answer);
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
    }

    private Object statistics() throws ReflectiveOperationException {
        Class<?> sessionFactory = emf.getClass().getClassLoader().loadClass("org.hibernate.SessionFactory");
        return sessionFactory.getMethod("getStatistics").invoke(emf.unwrap(sessionFactory));
    }

    /** Through Hibernate's public interfaces (Statistics, EntityStatistics): the implementations need not be public. */
    private static Object invoke(Object target, String method, Object... args) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> api : type.getInterfaces()) {
                for (Method m : api.getMethods()) {
                    if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                        return m.invoke(target, args);
                    }
                }
            }
        }
        throw new NoSuchMethodException(method);
    }
}
