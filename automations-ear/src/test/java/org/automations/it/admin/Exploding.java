package org.automations.it.admin;

import org.automations.flow.Automation;
import org.automations.flow.End;
import org.automations.flow.Execute;
import org.automations.flow.Meta;
import org.automations.model.AutomationTaskModel;

/** Test automation whose second step throws, with markup in the message (the traceback must escape it). */
@Meta(verboseName = "Exploding automation", verboseNamePlural = "Exploding automations")
public class Exploding extends Automation {

    static final String MESSAGE = "Broken <script>document.title='pwned'</script> & <b>bold</b>";

    Execute start = new Execute();
    Execute explode = new Execute(this::explode).description("Explodes");
    End end = new End();

    void explode(AutomationTaskModel task) {
        throw new IllegalStateException(MESSAGE);
    }
}
