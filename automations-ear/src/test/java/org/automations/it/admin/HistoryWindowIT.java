package org.automations.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automations.it.Deployments;
import org.automations.it.HttpSessions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history page of an automation with 1 203 steps ({@link LongLoop}) shows them 500 at a time,
 * newest first, with links to older and newer windows, and tells where the automation waits from all
 * its open tasks, also when they are not on the page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryWindowIT {

    private static final URI BASE = Deployments.BASE_URI;
    private static final int STEPS = 2 * LongLoop.ROUNDS + 3; // split, hold, the rounds, join

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear(LongLoop.class, LongLoopServlet.class);
    }

    @Test
    void aLongHistoryIsShownInWindowsOf500WithLinksBetweenThem() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(BASE.resolve("it/long-loop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        long id = Long.parseLong(created.body().trim());
        HttpClient admin = HttpSessions.loggedIn("admin", "admin", BASE.resolve("errors"));

        String newest = page(admin, BASE.resolve("dashboard/" + id));
        assertEquals(500, steps(newest));
        assertShown(newest, STEPS - 499, STEPS);
        assertTrue(hasStep(newest, "join"), "the newest step is on the first page");
        assertFalse(hasStep(newest, "hold"), "the open task of the other path is far older");
        assertWaitsAtHoldAndJoin(newest);
        assertFalse(newest.contains("id=\"newerSteps\""), "nothing is newer");

        String middle = page(admin, link(newest, "olderSteps"));
        assertEquals(500, steps(middle));
        assertShown(middle, STEPS - 999, STEPS - 500);
        assertWaitsAtHoldAndJoin(middle);
        assertTrue(middle.contains("id=\"newerSteps\"") && middle.contains("id=\"newestSteps\""));

        String oldest = page(admin, link(middle, "olderSteps"));
        assertEquals(STEPS - 1000, steps(oldest));
        assertShown(oldest, 1, STEPS - 1000);
        assertTrue(hasStep(oldest, "split") && hasStep(oldest, "hold"));
        assertFalse(oldest.contains("id=\"olderSteps\""), "nothing is older");

        assertShown(page(admin, link(oldest, "newerSteps")), STEPS - 999, STEPS - 500); // the middle one again
        String first = page(admin, BASE.resolve("dashboard/" + id + "?after=0"));
        assertShown(first, 1, 500);
        assertShown(page(admin, BASE.resolve("dashboard/" + id + "?before=junk")), STEPS - 499, STEPS);
    }

    private static String page(HttpClient client, URI uri) throws Exception {
        HttpResponse<String> response = HttpSessions.get(client, uri);
        assertEquals(200, response.statusCode(), uri.toString());
        return response.body();
    }

    private static int steps(String page) {
        return page.split("data-task=\"", -1).length - 1;
    }

    /** A step of that node on the page's grid (the graph and the declaration name the nodes too). */
    private static boolean hasStep(String page, String node) {
        return page.contains("data-node=\"" + node + "\" data-task=");
    }

    private static void assertShown(String page, int first, int last) {
        String expected = String.format(Locale.ENGLISH, "Steps %,d to %,d of %,d", first, last, STEPS);
        assertTrue(page.contains(expected), "expected \"" + expected + "\" on the page");
    }

    private static void assertWaitsAtHoldAndJoin(String page) {
        Matcher waiting = Pattern.compile("<dd id=\"waitingAt\">([^<]*)</dd>").matcher(page);
        assertTrue(waiting.find(), "the summary says where it waits");
        assertEquals("hold, join", waiting.group(1));
    }

    private static URI link(String page, String id) {
        Matcher link = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(link.find(), "the page links to " + id);
        return BASE.resolve(link.group(1));
    }
}
