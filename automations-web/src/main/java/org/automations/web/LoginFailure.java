package org.automations.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The failed login this request reports (login-error.xhtml): recorded once, however often the page asks. */
@Named
@RequestScoped
public class LoginFailure {

    @Inject
    LoginAttempts attempts;

    private Long lockedMinutes;

    /** How many minutes the name that just failed stays locked; 0: it was only a wrong password. */
    public long getLockedMinutes() {
        if (lockedMinutes == null) {
            String user = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .get("j_username");
            lockedMinutes = attempts.failedAndLockedMinutes(user);
        }
        return lockedMinutes;
    }
}
