package org.automations.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The failed or refused login this request reports (login-error.xhtml): recorded once, however
 * often the page asks. The FORM mechanism forwards every failed login POST here, so this is where
 * failures are counted, per client address ({@link LoginThrottle}) and per name (Elytron's lock, which
 * {@link LoginAttempts} mirrors). A POST the throttle refused comes here as the 429 error page: it
 * reached no realm and counts as nothing.
 */
@Named
@RequestScoped
public class LoginFailure {

    @Inject
    LoginAttempts attempts;

    private Long lockedMinutes;

    /** How many minutes this address, or the name that just failed, stays locked; 0: only a wrong password. */
    public long getLockedMinutes() {
        if (lockedMinutes == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            LoginThrottle throttle = (LoginThrottle) external.getApplicationMap().get(LoginThrottle.ATTRIBUTE);
            if (throttle == null) {
                throw new IllegalStateException("No " + LoginThrottle.ATTRIBUTE + ": LoginThrottleExtension did not run");
            }
            String address = request.getRemoteAddr();
            String user = request.getParameter("j_username");
            boolean refused = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
            long nameMinutes = 0;
            if (!refused && "POST".equals(request.getMethod()) && user != null) {
                throttle.failed(address);
                nameMinutes = attempts.failedAndLockedMinutes(user);
            }
            lockedMinutes = Math.max(nameMinutes, throttle.lockedMinutes(address));
        }
        return lockedMinutes;
    }
}
