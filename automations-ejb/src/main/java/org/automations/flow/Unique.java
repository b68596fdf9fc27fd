package org.automations.flow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Without values: a singleton, only one unfinished instance at a time. With values: at most one
 * unfinished instance per combination of those data parameters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface Unique {
    String[] value() default {};
}
