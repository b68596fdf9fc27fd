package org.automations.it.admin;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.Map;
import org.automations.Automations;
import org.automations.demo.IssueDiscussion;
import org.automations.demo.WebinarWorkflow;
import org.automations.model.AutomationStatus;

/**
 * Test-only: creates what the admin browser test looks at and answers with the ids as
 * {@code discussion=1&failed=2&obsolete=3}: an issue discussion with mails to moderate and a
 * conference call, an Exploding automation (failed), a webinar registration, and a finished
 * automation whose class is renamed to one that is not deployed (an obsolete class).
 */
@WebServlet("/it/admin-fixture")
public class AdminFixtureServlet extends HttpServlet {

    static final String OBSOLETE_CLASS = "org.example.RetiredAutomation";

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long discussion = automations.create(IssueDiscussion.class,
                Map.of("issueList", "Dashboard", "pendingMails", 2, "confCall", true)).getId();
        long failed = automations.create(Exploding.class, Map.of()).getId();
        automations.create(WebinarWorkflow.class, Map.of("email", "ada@example.org"));
        long obsolete = automations.create(Hidden.class, Map.of()).getId();
        try {
            transaction.begin();
            em.createQuery("update AutomationModel a set a.automationClass = :gone, a.status = :finished, a.finished = true,"
                    + " a.nextRun = null where a.id = :id")
                    .setParameter("gone", OBSOLETE_CLASS).setParameter("finished", AutomationStatus.FINISHED)
                    .setParameter("id", obsolete).executeUpdate();
            transaction.commit();
        } catch (Exception e) {
            throw new IOException("could not make the obsolete automation", e);
        }
        response.setContentType("text/plain");
        response.getWriter().print("discussion=" + discussion + "&failed=" + failed + "&obsolete=" + obsolete);
    }
}
