package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.Data;

/**
 * JPA entities bound to automations (the seed's model binding). An entity passed as a creation
 * parameter is stored as its id, plus its class under {@code _<name>_model}; a {@code ModelRef} field
 * of the same name reads it back. The entity manager is the automation's own (a field of type
 * EntityManager, e.g. {@code @PersistenceContext}), or the engine's persistence unit.
 */
@ApplicationScoped
public class BoundModels {

    @PersistenceContext(unitName = "automations")
    EntityManager engineUnit;

    /** The creation parameters as data: JSON values as they are, entities as their ids. */
    public Data toData(Automation automation, Map<String, ?> params) {
        Data data = new Data();
        if (params == null) {
            return data;
        }
        for (Map.Entry<String, ?> param : params.entrySet()) {
            String name = param.getKey();
            Object value = param.getValue();
            Class<?> entity = entityClass(value);
            try {
                if (entity != null) {
                    data.put(name, idOf(automation, name, value));
                    data.put("_" + name + "_model", entity.getName());
                } else {
                    data.put(name, value);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot create " + automation.getAutomationClassName() + ": parameter '"
                        + name + "' is not JSON-serializable (" + e.getMessage() + ")", e);
            }
        }
        return data;
    }

    /** The entity with that id in the automation's persistence context, or null. */
    public <T> T find(Automation automation, Class<T> type, Object id) {
        EntityManager em = entityManagerOf(automation);
        Class<?> idType = em.getMetamodel().entity(type).getIdType().getJavaType();
        return em.find(type, convert(id, idType));
    }

    /**
     * Saves a ModelForm's entity in the automation's persistence context (joining the caller's
     * transaction) and returns its id as a JSON value.
     */
    public Object save(Automation automation, Object entity) {
        if (entity == null || entityClass(entity) == null) {
            throw new IllegalArgumentException("A ModelForm needs an entity, not " + entity);
        }
        EntityManager em = entityManagerOf(automation);
        Object managed = em.merge(entity);
        em.flush(); // assigns a generated id
        return idOf(automation, "the ModelForm's entity", managed);
    }

    private Object idOf(Automation automation, String name, Object entity) {
        Object id = entityManagerOf(automation).getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
        if (id == null) {
            throw new IllegalArgumentException("the " + entity.getClass().getSimpleName() + " given as '" + name
                    + "' has no id yet; persist it before creating the automation");
        }
        return id instanceof Number || id instanceof String ? id : id.toString();
    }

    private EntityManager entityManagerOf(Automation automation) {
        for (Class<?> c = automation.getClass(); c != null && c != Automation.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == EntityManager.class) {
                    try {
                        field.setAccessible(true);
                        Object em = field.get(automation);
                        if (em != null) {
                            return (EntityManager) em;
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // not readable: fall back to the engine's unit
                    }
                }
            }
        }
        return engineUnit;
    }

    private static Class<?> entityClass(Object value) {
        for (Class<?> c = value == null ? null : value.getClass(); c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                return c;
            }
        }
        return null;
    }

    private static Object convert(Object id, Class<?> idType) {
        if (id instanceof Number n) {
            if (idType == Long.class || idType == long.class) {
                return n.longValue();
            }
            if (idType == Integer.class || idType == int.class) {
                return n.intValue();
            }
            if (idType == String.class) {
                return n.toString();
            }
        }
        if (id instanceof String s && (idType == Long.class || idType == long.class)) {
            return Long.valueOf(s);
        }
        return id;
    }
}
