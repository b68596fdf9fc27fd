package org.automations.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.automations.Automations;
import org.automations.TaskQuery;
import org.automations.TaskQuery.Scope;
import org.automations.TaskQuery.Sort;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Form;
import org.automations.flow.Meta;
import org.automations.it.Deployments;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The task list's filters and orders (issue 14 part 3), each checked against known tasks: lena (group
 * Accounting) has three expense approvals (two overdue, one due tomorrow and claimed by her, with
 * priorities 1, 5, 3) and one leave request assigned to her by name; a leave request of jacob's and a
 * Sales expense are not hers. Names are this class's own, so other tests' tasks do not interfere.
 */
@ExtendWith(ArquillianExtension.class)
class TaskListFiltersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(TaskListFiltersIT.class, Answer.class);
    }

    @Meta(verboseName = "Expense approval", taskSummary = "{employee}: {amount} EUR")
    public static class ExpenseApproval extends Automation {
        Form approve = new Form(Answer.class).group("Accounting").description("Approve the expense")
                .dueAt(t -> Instant.parse(t.getData().getString("due")))
                .priority(t -> t.getData().getInt("priority"));
        End end = new End();
    }

    @Meta(verboseName = "Leave request")
    public static class LeaveRequest extends Automation {
        Form decide = new Form(Answer.class).user("lena").description("Decide on the leave");
        End end = new End();
    }

    @Meta(verboseName = "Leave request of jacob")
    public static class JacobsLeave extends Automation {
        Form decide = new Form(Answer.class).user("jacob").description("Decide on the leave");
        End end = new End();
    }

    private static final TaskUser LENA = new TaskUser("lena", Set.of("Accounting"));

    @Inject
    Automations automations;

    @PersistenceContext(unitName = "automations")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    /** Task ids of lena's tasks in creation order: e1 (overdue 2 h), e2 (due tomorrow, claimed), e3 (overdue 1 h), l1. */
    private long e1;
    private long e2;
    private long e3;
    private long l1;
    private long e2Automation;

    @BeforeEach
    void seed() throws Exception {
        transaction.begin();
        em.createNativeQuery("delete from atm_task_permission").executeUpdate();
        em.createNativeQuery("delete from atm_task").executeUpdate();
        em.createNativeQuery("delete from atm_automation").executeUpdate();
        transaction.commit();
        Instant now = Instant.now();
        e1 = expense("Anna", 10, now.minus(Duration.ofHours(2)), 1, "Accounting");
        e2 = expense("Ben", 20, now.plus(Duration.ofDays(1)), 5, "Accounting");
        e3 = expense("Cleo", 30, now.minus(Duration.ofHours(1)), 3, "Accounting");
        l1 = task(automations.create(LeaveRequest.class, Map.of()).getId());
        task(automations.create(JacobsLeave.class, Map.of()).getId());
        expense("Sam", 40, now.minus(Duration.ofHours(3)), 9, "Sales");
        e2Automation = em.find(AutomationTaskModel.class, e2).getAutomation().getId();
        transaction.begin();
        // A claim as TaskClaims writes it (lena is no realm user, so claimTask(id, "lena") would not find her roles).
        em.createNativeQuery("update atm_task set claimed_by = 'lena' where id = " + e2).executeUpdate();
        transaction.commit();
    }

    @Test
    void everySortOrdersLenasTasksAsDocumented() {
        assertEquals(List.of(l1, e3, e2, e1), ids(TaskQuery.ALL), "newest first");
        assertEquals(List.of(e1, e2, e3, l1), ids(TaskQuery.ALL.withSort(Sort.OLDEST)), "oldest first");
        assertEquals(List.of(e1, e3, e2, l1), ids(TaskQuery.ALL.withSort(Sort.DUE)), "earliest due first, none last");
        assertEquals(List.of(e2, e3, e1, l1), ids(TaskQuery.ALL.withSort(Sort.PRIORITY)), "highest priority first");
        assertEquals(List.of(e3, e2), automations.getOpenTasks(LENA, TaskQuery.ALL, 1, 2).stream()
                .map(AutomationTaskModel::getId).toList(), "a page from the second row");
        assertEquals(4, automations.countOpenTasks(LENA, TaskQuery.ALL));
    }

    @Test
    void classScopeAndOverdueFiltersNarrowTheListAndItsCount() {
        TaskQuery expenses = TaskQuery.ALL.withClassName(ExpenseApproval.class.getName());
        assertFiltered(List.of(e3, e2, e1), expenses);
        assertFiltered(List.of(l1), TaskQuery.ALL.withScope(Scope.ASSIGNED_TO_ME));
        assertFiltered(List.of(e3, e2, e1), TaskQuery.ALL.withScope(Scope.MY_GROUPS));
        assertFiltered(List.of(e2), TaskQuery.ALL.withScope(Scope.CLAIMED_BY_ME));
        assertFiltered(List.of(e3, e1), TaskQuery.ALL.withOverdue(true));
        assertFiltered(List.of(e1, e3), TaskQuery.ALL.withOverdue(true).withSort(Sort.DUE));
        assertFiltered(List.of(), TaskQuery.ALL.withOverdue(true).withScope(Scope.ASSIGNED_TO_ME));
        assertFiltered(List.of(), expenses.withScope(Scope.ASSIGNED_TO_ME));
        // The filters never widen the access rule: jacob sees his leave request only, not lena's tasks.
        TaskUser jacob = new TaskUser("jacob", Set.of("Moderators"));
        assertEquals(List.of(JacobsLeave.class.getName()), automations.getOpenTasks(jacob,
                TaskQuery.ALL.withSearch("leave"), 0, 50).stream().map(t -> t.getAutomation().getAutomationClass()).toList());
    }

    @Test
    void searchFindsVerboseNamesDescriptionsNodeNamesAndInstanceIds() {
        assertFiltered(List.of(e3, e2, e1), TaskQuery.ALL.withSearch("EXPENSE appr"), "the verbose name, any case");
        assertFiltered(List.of(e3, e2, e1), TaskQuery.ALL.withSearch("approve the"), "the node's description");
        assertFiltered(List.of(l1), TaskQuery.ALL.withSearch("on the leave"), "the other class's description");
        assertFiltered(List.of(l1), TaskQuery.ALL.withSearch("deci"), "the node's name");
        assertFiltered(List.of(e2), TaskQuery.ALL.withSearch("#" + e2Automation), "the instance id");
        assertFiltered(List.of(), TaskQuery.ALL.withSearch("50%_off"), "nothing, and wildcards are literal");
        assertFiltered(List.of(e1, e3), TaskQuery.ALL.withSearch("expense").withOverdue(true).withSort(Sort.DUE),
                "with other filters");
    }

    @Test
    void twoTasksOfOneClassReadDifferentlyThroughTheirSummaries() {
        List<AutomationTaskModel> tasks = automations.getOpenTasks(LENA,
                TaskQuery.ALL.withClassName(ExpenseApproval.class.getName()).withSort(Sort.OLDEST), 0, 10);
        assertEquals(List.of("Anna: 10 EUR", "Ben: 20 EUR", "Cleo: 30 EUR"),
                tasks.stream().map(t -> automations.getTaskSummary(t, Locale.ENGLISH)).toList());
        AutomationTaskModel leave = automations.getOpenTasks(LENA, TaskQuery.ALL.withScope(Scope.ASSIGNED_TO_ME), 0, 1).get(0);
        assertEquals("", automations.getTaskSummary(leave, Locale.ENGLISH), "no taskSummary declared: none");
        assertTrue(tasks.get(0).isOverdue() && !tasks.get(1).isOverdue());
    }

    private void assertFiltered(List<Long> expected, TaskQuery query) {
        assertFiltered(expected, query, query.toString());
    }

    private void assertFiltered(List<Long> expected, TaskQuery query, String what) {
        assertEquals(expected, ids(query), what);
        assertEquals(expected.size(), automations.countOpenTasks(LENA, query), "count: " + what);
    }

    private List<Long> ids(TaskQuery query) {
        return automations.getOpenTasks(LENA, query, 0, 50).stream().map(AutomationTaskModel::getId).toList();
    }

    private long expense(String employee, int amount, Instant due, int priority, String group) {
        Map<String, Object> data = Map.of("employee", employee, "amount", amount, "due", due.toString(),
                "priority", priority);
        long id = group.equals("Accounting") ? automations.create(ExpenseApproval.class, data).getId()
                : automations.create(SalesExpense.class, data).getId();
        return task(id);
    }

    @Meta(verboseName = "Sales expense", taskSummary = "{employee}")
    public static class SalesExpense extends Automation {
        Form approve = new Form(Answer.class).group("Sales").description("Approve the expense")
                .dueAt(t -> Instant.parse(t.getData().getString("due")))
                .priority(t -> t.getData().getInt("priority"));
        End end = new End();
    }

    /** The automation's one open task. */
    private long task(long automationId) {
        return em.createQuery("select t.id from AutomationTaskModel t where t.automation.id = :id and t.finished is null",
                Long.class).setParameter("id", automationId).getSingleResult();
    }
}
