package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.admin.Dashboard;
import org.automations.admin.DashboardItem;
import org.automations.admin.DashboardReport;
import org.automations.admin.DayCount;
import org.automations.admin.FlowGraph;
import org.automations.admin.FlowGraphs;
import org.automations.admin.FlowLayout;
import org.automations.demo.IssueDiscussion;
import org.automations.demo.WebinarWorkflow;
import org.automations.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's counts (grouped in the database) and the flow graph model, against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(DashboardIT.class, Counted.class, Hidden.class, BrokenHook.class);
    }

    @Inject
    Dashboard dashboard;

    @Inject
    FlowGraphs graphs;

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Test
    void theGraphOfIssueDiscussionHasItsSplitJoinAndLoop() {
        FlowGraph graph = graphs.of(IssueDiscussion.class.getName()).orElseThrow();
        assertEquals(List.of("moderation", "warning", "confCall"), graph.edgesFrom("parallel").stream()
                .filter(e -> e.kind() == FlowGraph.EdgeKind.PATH).map(FlowGraph.Edge::to).toList());
        assertEquals(List.of("repeat->THEN->join", "repeat->OTHERWISE->moderation"), graph.edgesFrom("repeat").stream()
                .map(e -> e.from() + "->" + e.kind() + "->" + e.to()).toList());
        assertEquals("Join", graph.vertex("join").getType());
        assertTrue(graph.vertex("moderate").getModifiers().contains("group(Moderators)"), graph.vertex("moderate").getModifiers());
        // A day before the discussion ends (discussionDays, 7 by default): a function of the data.
        assertTrue(graph.vertex("warning").getModifiers().contains("afterWaitingFor(function)"), graph.vertex("warning").getModifiers());
        FlowLayout layout = FlowLayout.of(graph);
        assertEquals(layout.box("moderation").getY(), layout.box("confCall").getY());
        assertTrue(layout.box("join").getY() > layout.box("repeat").getY());
        assertTrue(graphs.of("org.example.NotDeployed").isEmpty());
    }

    @Test
    void countsPerClassAndPerDayComeFromTheDatabase() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DayCount before = today(dashboard.report(30), today);

        for (int i = 0; i < 3; i++) {
            automations.create(Counted.class, Map.of());
        }
        automations.create(Counted.class, Map.of("finish", true));
        automations.create(Counted.class, Map.of("finish", true));
        automations.create(Counted.class, Map.of("fail", true));
        long old = automations.create(Counted.class, Map.of("finish", true)).getId();
        long gone = automations.create(Counted.class, Map.of("finish", true)).getId();
        automations.create(Hidden.class, Map.of());
        automations.create(WebinarWorkflow.class, Map.of("email", "grace@example.org"));
        String obsolete = "org.example.Gone" + System.nanoTime();
        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        transaction.begin();
        em.createQuery("update AutomationModel a set a.created = :t, a.updated = :t where a.id = :id")
                .setParameter("t", longAgo).setParameter("id", old).executeUpdate();
        em.createQuery("update AutomationModel a set a.automationClass = :c where a.id = :id")
                .setParameter("c", obsolete).setParameter("id", gone).executeUpdate();
        transaction.commit();

        DashboardReport month = dashboard.report(30);
        DashboardItem counted = item(month, Counted.class.getName());
        assertEquals(3, counted.getRunning());
        assertEquals(2, counted.getFinished(), "two ended without an error (the failed one is not finished);"
                + " the one from 40 days ago is outside");
        assertEquals(1, counted.getFailed());
        assertEquals(6, counted.getTotal(), "running, finished and failed");
        assertTrue(counted.isDeployed());
        assertEquals("Automation Counted", counted.getVerboseName());
        assertEquals("Automations Counted", counted.getVerboseNamePlural());
        assertEquals("", counted.getTemplate());

        DashboardItem gonePlaces = item(month, obsolete);
        assertTrue(gonePlaces.isObsolete());
        assertEquals(1, gonePlaces.getFinished());
        assertEquals(0, gonePlaces.getRunning());
        assertTrue(month.getItems().get(month.getItems().size() - 1).isObsolete(), "obsolete classes come after the deployed ones");
        assertFalse(month.getItems().stream().anyMatch(i -> i.getClassName().equals(Hidden.class.getName())),
                "@Meta(dashboard = false) hides the class");

        assertEquals(3, item(dashboard.report(0), Counted.class.getName()).getFinished(), "all time includes the old one");
        assertEquals(1, item(dashboard.report(0), Counted.class.getName()).getFailed());

        DashboardItem webinars = item(month, WebinarWorkflow.class.getName());
        assertEquals("/WEB-INF/demo/webinar-dashboard-item.xhtml", webinars.getTemplate());
        assertEquals("grace@example.org", ((List<?>) webinars.getContext().get("latestRegistrations")).get(0),
                "the hook got a query of the class's automations, newest first");

        DashboardItem broken = item(month, BrokenHook.class.getName());
        assertNotNull(broken.getContextError());
        assertTrue(broken.getContextError().contains(BrokenHook.class.getName()), broken.getContextError());
        assertNull(counted.getContextError());

        DayCount after = today(month, today);
        // Created today: 8 Counted (one moved 40 days back), Hidden (not counted: hidden), the webinar.
        assertEquals(before.getStarted() + 8, after.getStarted());
        assertEquals(before.getFinished() + 3, after.getFinished(), "two Counted and the renamed one finished today");
        assertEquals(before.getFailed() + 1, after.getFailed());
        assertEquals(31, month.getPerDay().size(), "every day of the period, today included");
        assertEquals(today.minusDays(30), month.getPerDay().get(0).getDay());
    }

    private static DashboardItem item(DashboardReport report, String className) {
        return report.getItems().stream().filter(i -> i.getClassName().equals(className)).findFirst()
                .orElseThrow(() -> new AssertionError(className + " is not on the dashboard"));
    }

    private static DayCount today(DashboardReport report, LocalDate today) {
        return report.getPerDay().stream().filter(d -> d.getDay().equals(today)).findFirst().orElseThrow();
    }
}
