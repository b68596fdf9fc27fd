package org.automations.web;

import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.TaskQuery;
import org.automations.model.AutomationTaskModel;
import org.automations.security.TaskUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A person's open tasks for the lazy data table: narrowed and ordered by the page's {@link TaskQuery},
 * counted and paged by the database.
 */
public class OpenTaskModel extends LazyDataModel<AutomationTaskModel> {

    private static final long serialVersionUID = 1L;

    private final Automations automations;
    private final TaskUser user;
    private final TaskQuery query;

    OpenTaskModel(Automations automations, TaskUser user, TaskQuery query) {
        this.automations = automations;
        this.user = user;
        this.query = query;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, automations.countOpenTasks(user, query));
    }

    @Override
    public List<AutomationTaskModel> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        return automations.getOpenTasks(user, query, first, pageSize);
    }

    @Override
    public String getRowKey(AutomationTaskModel task) {
        return String.valueOf(task.getId());
    }

    @Override
    public AutomationTaskModel getRowData(String rowKey) {
        List<AutomationTaskModel> page = getWrappedData();
        return page == null ? null : page.stream().filter(t -> getRowKey(t).equals(rowKey)).findFirst().orElse(null);
    }
}
