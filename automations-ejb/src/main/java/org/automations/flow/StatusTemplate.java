package org.automations.flow;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A named Facelets template rendering an automation's status. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface StatusTemplate {
    String path();

    String name();
}
