package org.automations.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.automations.Automations;
import org.automations.demo.NewsletterSignup;
import org.automations.it.Deployments;
import org.automations.it.FacesForms;
import org.automations.it.HttpSessions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, finding 1: an automation is named on public pages only by its secret random key; the
 * hook changes state only on a POST; the start page shows data and keys only to the view roles.
 * Runs in the server (to create subscriptions) and asks for the pages over HTTP as an attacker would.
 */
@ExtendWith(ArquillianExtension.class)
class SecretKeysIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(SecretKeysIT.class);
    }

    @Inject
    Automations automations;

    @Test
    void theKeyIsRandomNotTheSha1OfClassAndId() throws Exception {
        NewsletterSignup one = subscribe("key-one@example.org");
        NewsletterSignup two = subscribe("key-two@example.org");

        assertTrue(one.getKey().matches("[0-9a-f]{40}"), one.getKey());
        assertNotEquals(sha1(NewsletterSignup.class.getName() + "-" + one.getId()), one.getKey());
        assertNotEquals(one.getKey(), two.getKey());
        assertEquals(one.getKey(), automations.find(one.getId()).orElseThrow().getKey(), "stored, not recomputed");
        assertEquals(one.getId(), automations.findByKey(one.getKey()).orElseThrow().getId());
    }

    @Test
    void openingTheLinkConfirmsNothingEvenWithTheRightKey() throws Exception {
        NewsletterSignup victim = subscribe("prefetched@example.org");

        // What a mail scanner or a cross-site <img src=...> does: a GET, no session.
        get(HttpClient.newHttpClient(), "newsletter-confirm.xhtml?key=" + victim.getKey() + "&via=img");

        assertNull(confirmedOf(victim), "a GET must not confirm");
    }

    @Test
    void anIdOrTheGuessableSha1KeyConfirmsNothingAndShowsNothing() throws Exception {
        NewsletterSignup victim = subscribe("victim@example.org");
        NewsletterSignup own = subscribe("attacker@example.org");
        String guessed = sha1(NewsletterSignup.class.getName() + "-" + victim.getId());
        HttpClient attacker = HttpSessions.anonymous();

        String byId = get(attacker, "newsletter-confirm.xhtml?atm_id=" + victim.getId() + "&key=" + victim.getId()
                + "&via=attacker").body();
        String byGuess = get(attacker, "newsletter-confirm.xhtml?key=" + guessed).body();
        // The attacker's own page gives a valid form; its POST names the victim by id and by the old key.
        String ownPage = get(attacker, "newsletter-confirm.xhtml?key=" + own.getKey()).body();
        FacesForms.submit(attacker, ownPage, "confirmation", "confirmation:confirm",
                Map.of("key", guessed, "atm_id", String.valueOf(victim.getId()), "via", "attacker"));
        FacesForms.submit(attacker, ownPage, "confirmation", "confirmation:confirm",
                Map.of("key", String.valueOf(victim.getId()), "via", "attacker"));

        assertFalse(byId.contains("victim@example.org"), byId);
        assertTrue(byId.contains("id=\"unknownSubscription\""), byId);
        assertFalse(byGuess.contains("victim@example.org"), byGuess);
        assertNull(confirmedOf(victim), "neither an id nor the computable SHA-1 key may confirm");
    }

    @Test
    void theStartPageShowsDataAndKeysOnlyToTheViewRoles() throws Exception {
        NewsletterSignup signup = subscribe("start-page@example.org");

        String anonymous = get(HttpClient.newHttpClient(), "").body();
        String mary = get(HttpSessions.loggedIn("mary", "mary", Deployments.BASE_URI.resolve("tasks")), "").body();
        String admin = get(HttpSessions.loggedIn("admin", "admin", Deployments.BASE_URI.resolve("tasks")), "").body();

        for (String page : new String[] {anonymous, mary}) {
            assertFalse(page.contains("start-page@example.org"), page);
            assertFalse(page.contains(signup.getKey()), page);
            assertFalse(page.contains("newsletter-confirm.xhtml"), page);
        }
        assertTrue(admin.contains("start-page@example.org"), admin);
        assertTrue(admin.contains(signup.getKey()), admin);
    }

    private NewsletterSignup subscribe(String email) {
        return automations.create(NewsletterSignup.class, Map.of("email", email));
    }

    private String confirmedOf(NewsletterSignup signup) {
        return automations.find(signup.getId()).orElseThrow().data().getString("confirmed");
    }

    private static HttpResponse<String> get(HttpClient client, String page) throws Exception {
        return HttpSessions.get(client, Deployments.BASE_URI.resolve(page));
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
