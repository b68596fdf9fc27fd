package org.automations.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.automations.engine.AutomationDefinition;
import org.automations.engine.AutomationFactory;
import org.automations.engine.AutomationRegistry;
import org.automations.flow.Automation;
import org.automations.flow.Meta;
import org.automations.model.AutomationModel;
import org.automations.model.AutomationStatus;

/**
 * The dashboard's numbers (the seed's DashboardView): per automation class the instances created in
 * the period, running, finished (ended without an error) and failed (counted apart, never as
 * finished: one meaning on every page), and the started/finished/failed automations per day. Every
 * count is a group-by in the database; a request costs three queries plus one per class whose
 * {@code getDashboardContext} hook runs one. The web module checks the viewer's roles first.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Dashboard {

    private static final Logger LOG = Logger.getLogger(Dashboard.class.getName());

    /** The seed's default period. */
    public static final int DEFAULT_DAYS = 30;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Inject
    AutomationRegistry registry;

    @Inject
    AutomationFactory factory;

    /** The dashboard for the last {@code days} days before now (0 = all time). */
    public DashboardReport report(int days) {
        return report(days, Instant.now());
    }

    public DashboardReport report(int days, Instant now) {
        if (days < 0) {
            throw new IllegalArgumentException("the dashboard period must be 0 (all time) or a positive number of days, not " + days);
        }
        Instant since = days == 0 ? Instant.EPOCH : now.minus(Duration.ofDays(days));
        List<String> hidden = registry.all().stream().filter(d -> !shownOnDashboard(d)).map(AutomationDefinition::getClassName).toList();
        List<DashboardItem> items = items(since, hidden);
        List<DayCount> perDay = perDay(days == 0 ? null : since, now, hidden);
        return new DashboardReport(days, days == 0 ? null : since, items, perDay);
    }

    private static boolean shownOnDashboard(AutomationDefinition definition) {
        Meta meta = definition.getType().getAnnotation(Meta.class);
        return meta == null || meta.dashboard();
    }

    private List<DashboardItem> items(Instant since, List<String> hidden) {
        Map<String, Map<AutomationStatus, Long>> counts = new TreeMap<>();
        em.createQuery("select a.automationClass, a.status, count(a) from AutomationModel a where a.created >= :since"
                + " group by a.automationClass, a.status", Object[].class)
                .setParameter("since", since).getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], c -> new EnumMap<>(AutomationStatus.class))
                        .put((AutomationStatus) row[1], (Long) row[2]));
        List<DashboardItem> deployed = new ArrayList<>();
        for (AutomationDefinition definition : registry.all()) {
            if (shownOnDashboard(definition)) {
                deployed.add(deployedItem(definition, counts.getOrDefault(definition.getClassName(), Map.of()), since));
            }
        }
        deployed.sort(Comparator.comparing(DashboardItem::getVerboseName, String.CASE_INSENSITIVE_ORDER));
        List<DashboardItem> items = new ArrayList<>(deployed);
        counts.forEach((className, byStatus) -> {
            if (registry.find(className).isEmpty() && !hidden.contains(className)) {
                items.add(new DashboardItem(className, null, null, false, running(byStatus), finished(byStatus),
                        failed(byStatus), "", Map.of(), null));
            }
        });
        return items;
    }

    private DashboardItem deployedItem(AutomationDefinition definition, Map<AutomationStatus, Long> byStatus, Instant since) {
        Class<? extends Automation> type = definition.getType();
        Meta meta = type.getAnnotation(Meta.class);
        String template = meta == null ? "" : meta.dashboardTemplate().trim();
        Map<String, Object> context = Map.of();
        String contextError = null;
        try {
            Map<String, Object> returned = factory.unattached(type).getDashboardContext(automationsOf(definition, since));
            context = returned == null ? Map.of() : returned;
        } catch (RuntimeException e) {
            // One class's broken hook must not take the whole dashboard down: its item says what failed.
            LOG.log(Level.WARNING, "getDashboardContext of " + type.getName() + " failed", e);
            contextError = type.getName() + ".getDashboardContext failed: " + e;
        }
        return new DashboardItem(type.getName(), Automation.verboseNameOf(type), Automation.verboseNamePluralOf(type), true,
                running(byStatus), finished(byStatus), failed(byStatus), template, context, contextError);
    }

    /** The query handed to a class's context hook: its instances created in the period, newest first. */
    public TypedQuery<AutomationModel> automationsOf(AutomationDefinition definition, Instant since) {
        return em.createQuery("select a from AutomationModel a where a.automationClass = :type and a.created >= :since"
                + " order by a.created desc, a.id desc", AutomationModel.class)
                .setParameter("type", definition.getClassName()).setParameter("since", since);
    }

    private static long running(Map<AutomationStatus, Long> byStatus) {
        return byStatus.getOrDefault(AutomationStatus.RUNNING, 0L);
    }

    /** Ended without an error (an End node): failed ones are counted apart, as on the start page. */
    private static long finished(Map<AutomationStatus, Long> byStatus) {
        return byStatus.getOrDefault(AutomationStatus.FINISHED, 0L);
    }

    private static long failed(Map<AutomationStatus, Long> byStatus) {
        return byStatus.getOrDefault(AutomationStatus.FAILED, 0L);
    }

    /**
     * Started (by creation day), finished and failed (by the day of their last update, when they
     * stopped) per day, in the database's calendar; days without activity are filled in with zeros.
     */
    private List<DayCount> perDay(Instant since, Instant now, List<String> hidden) {
        TreeMap<LocalDate, DayCount> days = new TreeMap<>();
        if (since != null) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            for (LocalDate day = LocalDate.ofInstant(since, ZoneOffset.UTC); !day.isAfter(today); day = day.plusDays(1)) {
                days.put(day, new DayCount(day));
            }
        }
        Instant from = since == null ? Instant.EPOCH : since;
        String visible = hidden.isEmpty() ? "" : " and a.automationClass not in :hidden";
        TypedQuery<Object[]> started = em.createQuery("select cast(a.created as LocalDate), count(a) from AutomationModel a"
                + " where a.created >= :since" + visible + " group by cast(a.created as LocalDate)", Object[].class);
        TypedQuery<Object[]> stopped = em.createQuery("select cast(a.updated as LocalDate), a.status, count(a)"
                + " from AutomationModel a where a.finished = true and a.updated >= :since" + visible
                + " group by cast(a.updated as LocalDate), a.status", Object[].class);
        for (TypedQuery<Object[]> query : List.of(started, stopped)) {
            query.setParameter("since", from);
            if (!hidden.isEmpty()) {
                query.setParameter("hidden", hidden);
            }
        }
        started.getResultList().forEach(row -> day(days, row[0]).addStarted((Long) row[1]));
        stopped.getResultList().forEach(row -> {
            if (row[1] == AutomationStatus.FAILED) {
                day(days, row[0]).addFailed((Long) row[2]);
            } else {
                day(days, row[0]).addFinished((Long) row[2]);
            }
        });
        if (since == null && !days.isEmpty()) {
            fillGaps(days);
        }
        return new ArrayList<>(days.values());
    }

    private static DayCount day(Map<LocalDate, DayCount> days, Object value) {
        LocalDate day = value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
        return days.computeIfAbsent(day, DayCount::new);
    }

    private static void fillGaps(TreeMap<LocalDate, DayCount> days) {
        for (LocalDate day = days.firstKey(); day.isBefore(days.lastKey()); day = day.plusDays(1)) {
            days.computeIfAbsent(day, DayCount::new);
        }
    }
}
