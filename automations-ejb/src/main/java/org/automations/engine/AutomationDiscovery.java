package org.automations.engine;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.automations.flow.Automation;
import org.automations.flow.AutomationDefinitionException;
import org.automations.flow.Node;
import org.automations.flow.SendMessage;
import org.automations.flow.StartOn;

/**
 * Finds every automation class in the deployment's bean archives (any module: this jar, another EJB
 * jar, a WAR, a library) and checks it. The Class objects seen here are the only way the engine gets
 * at automation classes: it never loads them by name. A broken class fails the deployment.
 */
public class AutomationDiscovery implements Extension {

    private static final Logger LOG = Logger.getLogger(AutomationDiscovery.class.getName());

    private final Map<String, Class<? extends Automation>> found = new ConcurrentHashMap<>();
    private final Map<String, AutomationDefinition> definitions = new ConcurrentHashMap<>();

    <T extends Automation> void collect(@Observes ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (!Modifier.isAbstract(type.getModifiers()) && !type.isInterface() && !type.isAnonymousClass()
                && !type.isSynthetic()) {
            found.put(type.getName(), type);
        }
    }

    /** Every {@code @StartOn(Type.class)} becomes an observer of that event type (after a successful commit). */
    void observeStartEvents(@Observes AfterBeanDiscovery event) {
        for (Class<? extends Automation> type : found.values()) {
            for (StartOn start : type.getAnnotationsByType(StartOn.class)) {
                event.addObserverMethod()
                        .beanClass(type)
                        .observedType(start.value())
                        .transactionPhase(TransactionPhase.AFTER_SUCCESS)
                        .notifyWith(context -> CDI.current().select(EventStarts.class).get()
                                .start(type, start.start(), context.getEvent()));
            }
        }
    }

    void check(@Observes AfterDeploymentValidation event) {
        for (Class<? extends Automation> type : found.values()) {
            try {
                definitions.put(type.getName(), AutomationDefinition.of(type));
            } catch (AutomationDefinitionException e) {
                event.addDeploymentProblem(e);
            } catch (RuntimeException | LinkageError e) {
                event.addDeploymentProblem(new AutomationDefinitionException(type.getName() + ": cannot be bound: " + e, e));
            }
        }
        checkMessageTargets(event);
        checkStartNodes(event);
        LOG.info(() -> "Automations bound: " + new TreeMap<>(definitions).keySet());
    }

    /** A @StartOn naming a start node that does not exist fails the deployment. */
    private void checkStartNodes(AfterDeploymentValidation event) {
        for (AutomationDefinition definition : definitions.values()) {
            for (StartOn start : definition.getType().getAnnotationsByType(StartOn.class)) {
                if (!start.start().isEmpty() && !definition.getNodeNames().contains(start.start())) {
                    event.addDeploymentProblem(new AutomationDefinitionException(definition.getClassName()
                            + ": @StartOn(" + start.value().getSimpleName() + ") starts at the unknown node '"
                            + start.start() + "'"));
                }
            }
        }
    }

    /** A SendMessage naming a class that is not deployed fails the deployment (a missing receiver does not). */
    private void checkMessageTargets(AfterDeploymentValidation event) {
        for (AutomationDefinition definition : definitions.values()) {
            for (Node node : definition.getPrototypeNodes().values()) {
                if (node instanceof SendMessage send && send.getTargetClassName() != null
                        && !definitions.containsKey(send.getTargetClassName())) {
                    event.addDeploymentProblem(new AutomationDefinitionException(definition.getClassName() + ": node '"
                            + node.getName() + "' (SendMessage) targets '" + send.getTargetClassName()
                            + "', which is not a deployed automation class"));
                }
            }
        }
    }

    /** The checked automation classes by fully qualified name. */
    public Map<String, AutomationDefinition> definitions() {
        return Collections.unmodifiableMap(definitions);
    }
}
