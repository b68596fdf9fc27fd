package org.automations.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The back parameter is only followed to a path on this site (no open redirect). */
class SafeRedirectTest {

    @Test
    void pathsOnThisSiteAreFollowed() {
        assertTrue(SafeRedirect.isSitePath("/automations/tasks"));
        assertTrue(SafeRedirect.isSitePath("/automations/"));
        assertTrue(SafeRedirect.isSitePath("/automations/tasks?page=2&x=%2F%2F"));
    }

    @Test
    void otherSitesAndAnythingABrowserMightReadAsOneAreRefused() {
        for (String forged : new String[] {"https://evil.example", "http://evil.example/automations",
                "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)",
                "evil.example", "automations/tasks", "/\tevil.example", "/\u3000/evil.example", "/ /evil.example",
                "/\r\nLocation: https://evil.example", "", null}) {
            assertFalse(SafeRedirect.isSitePath(forged), forged);
        }
    }

    @Test
    void theSuccessUrlComesFirstThenBackThenTheTaskList() {
        assertEquals("/thanks", SafeRedirect.target("/thanks", "/automations/", "/automations"));
        assertEquals("/automations/", SafeRedirect.target(null, "/automations/", "/automations"));
        assertEquals("/automations/tasks", SafeRedirect.target(null, "https://evil.example", "/automations"));
        assertEquals("/automations/tasks", SafeRedirect.target("", null, "/automations"));
    }
}
