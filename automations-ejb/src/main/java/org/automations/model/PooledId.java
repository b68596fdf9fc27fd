package org.automations.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.annotations.IdGeneratorType;

/** An id drawn from {@code sequence} on persist unless the engine assigned one before (see {@link PooledIdGenerator}). */
@IdGeneratorType(PooledIdGenerator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PooledId {
    String sequence();
}
