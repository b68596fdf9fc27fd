package org.automations.it.api;

import java.math.BigDecimal;
import java.util.Map;
import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Form;
import org.automations.flow.Meta;
import org.automations.flow.Receive;
import org.automations.flow.RequireData;
import org.automations.model.AutomationTaskModel;

/**
 * Test automation for the REST API: a check that fails when the data says so, an approval form for
 * the Moderators group, and a receiver that needs an amount.
 */
@Meta(verboseName = "API order", verboseNamePlural = "API orders")
public class ApiOrder extends Automation {

    Execute check = new Execute(this::check).description("Check the order");
    Form approve = new Form(Approval.class).group("Moderators").description("Approve the order");
    End end = new End();

    void check(AutomationTaskModel task) {
        if (Boolean.TRUE.equals(task.getData().getBoolean("explode"))) {
            throw new IllegalStateException("The order check failed on purpose");
        }
    }

    @Receive("pay")
    @RequireData(name = "amount", type = BigDecimal.class)
    public Object pay(String token, Map<String, Object> data) {
        data().put("paid", data.get("amount").toString());
        save();
        return Map.of("paid", data.get("amount").toString(), "token", token == null ? "" : token);
    }
}
