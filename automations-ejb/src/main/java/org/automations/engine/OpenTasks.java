package org.automations.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automations.TaskQuery;
import org.automations.flow.Automation;
import org.automations.flow.Node;
import org.automations.i18n.Labels;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskAccess;
import org.automations.security.TaskUser;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * The task list: open tasks of running automations that wait for a person and that the user may
 * process ({@link TaskAccess}), narrowed and ordered by a {@link TaskQuery}. Filtered, counted and
 * paged by the database; V2 and V9 hold the indexes each order and filter walks.
 */
@ApplicationScoped
public class OpenTasks {

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    TaskAccess access;

    @Inject
    AutomationRegistry registry;

    public long count(TaskUser user) {
        return count(user, TaskQuery.ALL);
    }

    /** The count of one class's open tasks ({@code className} null: of all). */
    public long count(TaskUser user, String className) {
        return count(user, TaskQuery.ALL.withClassName(className));
    }

    public long count(TaskUser user, TaskQuery filter) {
        return countQuery(em, user, filter).getSingleResult();
    }

    /** One page of the list, newest first; {@code max <= 0} returns every row from {@code first}. */
    public List<AutomationTaskModel> page(TaskUser user, int first, int max) {
        return page(user, TaskQuery.ALL, first, max);
    }

    /** One page of one class's open tasks ({@code className} null: of all). */
    public List<AutomationTaskModel> page(TaskUser user, String className, int first, int max) {
        return page(user, TaskQuery.ALL.withClassName(className), first, max);
    }

    public List<AutomationTaskModel> page(TaskUser user, TaskQuery filter, int first, int max) {
        return pageQuery(em, user, filter, first, max).getResultList();
    }

    /**
     * The count of the list as a query of the given entity manager (the list's own, or a test's
     * session that looks at the SQL: the query plan test explains exactly this statement).
     */
    public TypedQuery<Long> countQuery(EntityManager em, TaskUser user, TaskQuery filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AutomationTaskModel> task = query.from(AutomationTaskModel.class);
        Join<AutomationTaskModel, AutomationModel> automation = task.join("automation");
        query.select(cb.count(task)).where(restriction(user, filter, cb, query, task, automation));
        return em.createQuery(query);
    }

    /** One page of the list as a query of the given entity manager; {@code max <= 0}: every row from {@code first}. */
    @SuppressWarnings("unchecked")
    public TypedQuery<AutomationTaskModel> pageQuery(EntityManager em, TaskUser user, TaskQuery filter, int first,
            int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AutomationTaskModel> query = cb.createQuery(AutomationTaskModel.class);
        Root<AutomationTaskModel> task = query.from(AutomationTaskModel.class);
        // Fetched with the rows: pages show the automation's class and data after the transaction has ended.
        Join<AutomationTaskModel, AutomationModel> automation =
                (Join<AutomationTaskModel, AutomationModel>) task.<AutomationTaskModel, AutomationModel>fetch("automation");
        query.select(task)
                .where(restriction(user, filter, cb, query, task, automation))
                .orderBy(order(filter.sort(), cb, task));
        TypedQuery<AutomationTaskModel> typed = em.createQuery(query).setFirstResult(Math.max(first, 0));
        if (max > 0) {
            typed.setMaxResults(max);
        }
        return typed;
    }

    /**
     * Each order ends in the id, so that pages never overlap; each is the order of an index that
     * begins with awaits_person (V2: created; V9: deadline, priority), which the database can walk
     * and stop after a page.
     */
    private static List<Order> order(TaskQuery.Sort sort, CriteriaBuilder cb, Root<AutomationTaskModel> task) {
        Expression<?> created = task.get("created");
        Expression<?> id = task.get("id");
        return switch (sort) {
            case NEWEST -> List.of(cb.desc(created), cb.desc(id));
            case OLDEST -> List.of(cb.asc(created), cb.asc(id));
            // Without a due time last, on both databases (H2 sorts nulls first by default, PostgreSQL last).
            case DUE -> List.of(((HibernateCriteriaBuilder) cb).asc(task.get("deadline"), false), cb.asc(id));
            case PRIORITY -> List.of(cb.desc(task.get("priority")), cb.asc(created), cb.asc(id));
        };
    }

    private Predicate restriction(TaskUser user, TaskQuery filter, CriteriaBuilder cb, AbstractQuery<?> query,
            Root<AutomationTaskModel> task, Join<AutomationTaskModel, AutomationModel> automation) {
        List<Predicate> all = new ArrayList<>();
        all.add(cb.isTrue(task.get("awaitsPerson"))); // requires interaction and not finished, indexed
        all.add(cb.isFalse(automation.get("finished")));
        all.add(access.mayProcess(user, cb, query, task));
        if (filter.className() != null) {
            all.add(cb.equal(automation.get("automationClass"), filter.className()));
        }
        switch (filter.scope()) {
            case ASSIGNED_TO_ME -> all.add(user.name() == null ? cb.disjunction()
                    : cb.equal(task.get("interactionUser"), user.name()));
            // The access rule has checked the group already (a role of the user, or whatever a replaced
            // TaskAccess decides): repeating its IN list made PostgreSQL expect 50 times too few rows.
            case MY_GROUPS -> all.add(cb.isNotNull(task.get("interactionGroup")));
            case CLAIMED_BY_ME -> all.add(user.name() == null ? cb.disjunction()
                    : cb.equal(task.get("claimedBy"), user.name()));
            case ALL -> {
            }
        }
        if (filter.overdue()) {
            all.add(cb.lessThanOrEqualTo(task.get("deadline"), Instant.now()));
        }
        if (filter.search() != null) {
            all.add(search(filter.search(), filter.language(), cb, task, automation));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    /**
     * Verbose names and node descriptions live in code and bundles, not in the database: the text is
     * looked up among the deployed classes first, and the matches become plain conditions on the
     * class and node columns. The node's name and the instance's id are matched in SQL.
     */
    private Predicate search(String text, Locale language, CriteriaBuilder cb, Root<AutomationTaskModel> task,
            Join<AutomationTaskModel, AutomationModel> automation) {
        SearchMatches matches = matches(text, language);
        List<Predicate> any = new ArrayList<>();
        if (!matches.classes().isEmpty()) {
            any.add(automation.get("automationClass").in(matches.classes()));
        }
        matches.nodes().forEach((className, nodes) -> any.add(cb.and(
                cb.equal(automation.get("automationClass"), className), task.get("status").in(nodes))));
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        any.add(cb.like(cb.lower(task.get("status")), pattern, '\\'));
        String number = text.startsWith("#") ? text.substring(1) : text;
        if (number.matches("\\d{1,18}")) {
            any.add(cb.equal(automation.get("id"), Long.valueOf(number)));
        }
        return cb.or(any.toArray(Predicate[]::new));
    }

    /** Classes whose verbose name, and nodes whose description, contain the text (ignoring case). */
    public SearchMatches matches(String text, Locale language) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<String> classes = new ArrayList<>();
        Map<String, List<String>> nodes = new LinkedHashMap<>();
        for (AutomationDefinition definition : registry.all()) {
            Class<? extends Automation> type = definition.getType();
            if (contains(Automation.verboseNameOf(type), needle)
                    || contains(Labels.of(type, "verboseName", language).orElse(null), needle)) {
                classes.add(definition.getClassName());
                continue; // every task of the class matches already
            }
            for (Map.Entry<String, Node> node : definition.getPrototypeNodes().entrySet()) {
                if (contains(node.getValue().getDescription(), needle)
                        || contains(Labels.of(type, node.getKey(), language).orElse(null), needle)) {
                    nodes.computeIfAbsent(definition.getClassName(), c -> new ArrayList<>()).add(node.getKey());
                }
            }
        }
        return new SearchMatches(classes, nodes);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** What a search text matched in code: whole classes, and nodes per class. */
    public record SearchMatches(List<String> classes, Map<String, List<String>> nodes) {
    }
}
