package org.automations.flow;

/**
 * A bound JPA entity (the seed's model binding): a field named like a creation parameter returns the
 * entity whose id the automation's data holds under that name.
 */
public final class ModelRef<T> {

    private final Class<T> type;
    private String name;
    private Automation automation;

    public ModelRef(Class<T> type) {
        this.type = Node.requireNonNull(type, "ModelRef");
    }

    /** The entity in the current persistence context; null when no id is stored. */
    public T get() {
        if (automation == null) {
            throw new IllegalStateException("ModelRef<" + type.getSimpleName() + "> is not bound to an automation");
        }
        Object id = automation.data().get(name);
        if (id == null) {
            return null;
        }
        T entity = automation.getRuntime().findEntity(automation, type, id);
        if (entity == null) {
            throw new IllegalStateException(automation.getAutomationClassName() + "." + name + ": the "
                    + type.getSimpleName() + " with id " + id + " it is bound to no longer exists (deleted?)");
        }
        return entity;
    }

    public Class<T> getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    void bind(String fieldName, Automation owner) {
        this.name = fieldName;
        this.automation = owner;
    }
}
