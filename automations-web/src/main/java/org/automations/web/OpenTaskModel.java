package org.automations.web;

import java.util.List;
import java.util.Map;
import org.automations.Automations;
import org.automations.model.AutomationTaskModel;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The caller's open tasks for the lazy data table: counted and paged by the database, newest first. */
public class OpenTaskModel extends LazyDataModel<AutomationTaskModel> {

    private static final long serialVersionUID = 1L;

    private final Automations automations;

    OpenTaskModel(Automations automations) {
        this.automations = automations;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, automations.countOpenTasks());
    }

    @Override
    public List<AutomationTaskModel> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        return automations.getOpenTasks(first, pageSize);
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
