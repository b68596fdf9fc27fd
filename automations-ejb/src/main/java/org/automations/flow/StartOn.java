package org.automations.flow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A CDI event of the given type creates and runs an instance (the seed's Django signals). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(StartOn.List.class)
public @interface StartOn {
    Class<?> value();

    /** The node to start at; "" = the first node. */
    String start() default "";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        StartOn[] value();
    }
}
