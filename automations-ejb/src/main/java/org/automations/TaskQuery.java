package org.automations;

import java.util.Locale;

/**
 * What a task list shows of the open tasks a person may process (issue 14): which of them (one
 * automation class, a scope, only overdue ones, a free-text search) in which order. Every part is
 * applied in the database, on top of the access rule ({@code TaskAccess}); {@link #ALL} is the
 * seed's list, newest first.
 *
 * @param className only tasks of this automation class (fully qualified); null: every class
 * @param scope which of the person's tasks: all they may process, those assigned to them by name,
 *        those of their groups, those they have claimed
 * @param overdue only tasks past their due time ({@code Form.dueIn/dueAt})
 * @param search case-insensitive text looked for in the automation's verbose name and the node's
 *        description (declared or from the class's bundle in {@code language}), the node's name, and
 *        the instance's id (a number); null or blank: no search
 * @param sort the order
 * @param language the reader's language for the search's texts (null: the declared texts only)
 */
public record TaskQuery(String className, Scope scope, boolean overdue, String search, Sort sort, Locale language) {

    /** Which of the tasks a person may process. */
    public enum Scope {
        /** Every open task the person may process. */
        ALL,
        /** Assigned to the person by name ({@code Form.user}). */
        ASSIGNED_TO_ME,
        /** For one of the person's groups ({@code Form.group}). */
        MY_GROUPS,
        /** Claimed by the person. */
        CLAIMED_BY_ME
    }

    /** The order of the list. */
    public enum Sort {
        /** Newest first (the seed's order). */
        NEWEST,
        /** Oldest first: those waiting longest. */
        OLDEST,
        /** Earliest due time first; tasks without one last. */
        DUE,
        /** Highest priority first, then oldest first. */
        PRIORITY
    }

    /** Every open task the person may process, newest first. */
    public static final TaskQuery ALL = new TaskQuery(null, Scope.ALL, false, null, Sort.NEWEST, null);

    public TaskQuery {
        scope = scope == null ? Scope.ALL : scope;
        sort = sort == null ? Sort.NEWEST : sort;
        className = className == null || className.isBlank() ? null : className;
        search = search == null || search.isBlank() ? null : search.strip();
    }

    public TaskQuery withClassName(String className) {
        return new TaskQuery(className, scope, overdue, search, sort, language);
    }

    public TaskQuery withScope(Scope scope) {
        return new TaskQuery(className, scope, overdue, search, sort, language);
    }

    public TaskQuery withOverdue(boolean overdue) {
        return new TaskQuery(className, scope, overdue, search, sort, language);
    }

    public TaskQuery withSearch(String search) {
        return new TaskQuery(className, scope, overdue, search, sort, language);
    }

    public TaskQuery withSort(Sort sort) {
        return new TaskQuery(className, scope, overdue, search, sort, language);
    }

    public TaskQuery withLanguage(Locale language) {
        return new TaskQuery(className, scope, overdue, search, sort, language);
    }

    /** True when something narrows the list (a class, a scope other than ALL, overdue, a search). */
    public boolean isFiltered() {
        return className != null || scope != Scope.ALL || overdue || search != null;
    }
}
