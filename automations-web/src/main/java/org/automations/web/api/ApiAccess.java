package org.automations.web.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.automations.web.admin.AdminAccess;

/**
 * Who may call the API. Every resource needs a logged-in caller: an API client sends HTTP Basic
 * credentials (checked by the realm before this filter runs), the pages' scripts their session. A
 * caller without either gets 401 with a Basic challenge. A request that changes something and
 * authenticates by the session cookie alone must carry {@value #SCRIPT_HEADER}: a cross-site form
 * cannot set a header, so it cannot act with a logged-in user's cookie. Before matching: an
 * anonymous caller learns nothing, not even which paths exist.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiAccess implements ContainerRequestFilter {

    public static final String SCRIPT_HEADER = "X-Requested-With";
    /** What {@code POST /definitions/{class}/instances} and messages need (django's change permission). */
    public static final String START_ROLE = "automations.change_automationmodel";
    static final String WRONG_LOGIN = "The user name or password is wrong, or the user is locked for a while after failed attempts.";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @Override
    public void filter(ContainerRequestContext context) {
        if (request.getUserPrincipal() == null) {
            String why = context.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                    ? "Log in: send HTTP Basic credentials of a user of the realm."
                    : WRONG_LOGIN;
            context.abortWith(Problems.of(Response.Status.UNAUTHORIZED, why, uri));
            return;
        }
        boolean bySession = context.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
        if (bySession && !SAFE.contains(context.getMethod()) && context.getHeaderString(SCRIPT_HEADER) == null) {
            context.abortWith(Problems.of(Response.Status.FORBIDDEN, "A request that changes something and is"
                    + " authenticated by the session cookie must carry the header " + SCRIPT_HEADER + ".", uri));
        }
    }

    /** The role checks of the resources: the pages' rules (API.md section 4). */
    @RequestScoped
    public static class Roles {

        @Inject
        AdminAccess admin;

        @Inject
        HttpServletRequest request;

        /** Definitions, instances and their data: the dashboard's two view roles. */
        public void requireViewer() {
            if (!admin.isViewer()) {
                throw ApiException.forbidden("Needs the roles automations.view_automationmodel and"
                        + " automations.view_automationtaskmodel.");
            }
        }

        /** History, retry, skip, kill, history cleanup: the admin pages' two change roles. */
        public void requireChanger() {
            if (!admin.isChanger()) {
                throw ApiException.forbidden("Needs the roles automations.change_automationmodel and"
                        + " automations.change_automationtaskmodel.");
            }
        }

        /** Starting automations and sending messages. */
        public void requireStarter() {
            if (!request.isUserInRole(START_ROLE)) {
                throw ApiException.forbidden("Needs the role " + START_ROLE + ".");
            }
        }

        public boolean isChanger() {
            return admin.isChanger();
        }

        public String name() {
            return request.getRemoteUser();
        }
    }
}
